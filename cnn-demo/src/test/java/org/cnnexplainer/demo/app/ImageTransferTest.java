package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dropped or pasted files and pictures reach the application; text does not. */
class ImageTransferTest {
  private final List<Path> files = new ArrayList<>();
  private final List<BufferedImage> images = new ArrayList<>();
  private final ImageTransfer transfer = new ImageTransfer(files::add, images::add);

  @Test
  void theFirstDroppedFileIsTaken() throws Exception {
    File a = new File("a.png");
    File b = new File("b.png");
    assertTrue(transfer.importFrom(of(DataFlavor.javaFileListFlavor, List.of(a, b))));
    assertEquals(List.of(a.toPath()), files);
  }

  @Test
  void pastedPicturesArriveAsImages() throws Exception {
    BufferedImage picture = SeededModel.image(3);
    assertTrue(transfer.importFrom(of(DataFlavor.imageFlavor, picture)));
    assertEquals(List.of(picture), images);
  }

  @Test
  void textIsRefused() throws Exception {
    assertFalse(transfer.importFrom(new StringSelection("not an image")));
    assertTrue(files.isEmpty() && images.isEmpty());
  }

  private static Transferable of(DataFlavor flavor, Object data) {
    return new Transferable() {
      @Override
      public DataFlavor[] getTransferDataFlavors() {
        return new DataFlavor[] {flavor};
      }

      @Override
      public boolean isDataFlavorSupported(DataFlavor f) {
        return flavor.equals(f);
      }

      @Override
      public Object getTransferData(DataFlavor f) {
        return data;
      }
    };
  }
}
