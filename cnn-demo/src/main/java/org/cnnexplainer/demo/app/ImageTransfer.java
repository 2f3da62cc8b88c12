package org.cnnexplainer.demo.app;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.TransferHandler;

/**
 * Accepts images dropped on or pasted into the window: image files (the first one) or image data.
 */
final class ImageTransfer extends TransferHandler {
  private final Consumer<Path> onFile;
  private final Consumer<BufferedImage> onImage;

  ImageTransfer(Consumer<Path> onFile, Consumer<BufferedImage> onImage) {
    this.onFile = onFile;
    this.onImage = onImage;
  }

  @Override
  public boolean canImport(TransferSupport support) {
    return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)
        || support.isDataFlavorSupported(DataFlavor.imageFlavor);
  }

  @Override
  public boolean importData(TransferSupport support) {
    if (!canImport(support)) {
      return false;
    }
    try {
      return importFrom(support.getTransferable());
    } catch (UnsupportedFlavorException | IOException e) {
      return false;
    }
  }

  /** Takes an image file or image data out of {@code data}; false if it holds neither. */
  boolean importFrom(Transferable data) throws UnsupportedFlavorException, IOException {
    if (data.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
      List<?> files = (List<?>) data.getTransferData(DataFlavor.javaFileListFlavor);
      if (!files.isEmpty() && files.get(0) instanceof File file) {
        onFile.accept(file.toPath());
        return true;
      }
    }
    if (data.isDataFlavorSupported(DataFlavor.imageFlavor)) {
      Image image = (Image) data.getTransferData(DataFlavor.imageFlavor);
      onImage.accept(toBuffered(image));
      return true;
    }
    return false;
  }

  private static BufferedImage toBuffered(Image image) {
    if (image instanceof BufferedImage b) {
      return b;
    }
    int w = Math.max(1, image.getWidth(null));
    int h = Math.max(1, image.getHeight(null));
    BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = copy.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return copy;
  }
}
