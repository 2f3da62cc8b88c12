package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
  @TempDir Path dir;

  private void image(String classDir, String name, Color color, int w, int h) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(classDir));
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, w, h);
    g.setColor(color);
    // The central square of a wide image is its middle part; only that is coloured.
    int side = Math.min(w, h);
    g.fillRect((w - side) / 2, (h - side) / 2, side, side);
    g.dispose();
    ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", folder.resolve(name).toFile());
  }

  @Test
  void readsOneClassPerSubFolderWithTheCentralSquareScaled() throws IOException {
    image("b_red", "1.png", new Color(255, 0, 0), 30, 20);
    image("b_red", "2.png", new Color(255, 0, 0), 20, 20);
    image("a_blue", "x.png", new Color(0, 0, 255), 20, 40);
    Files.writeString(dir.resolve("b_red").resolve("notes.txt"), "not an image");
    Dataset rgb = ImageFolderDataset.read(dir, Shape.image(3, 8, 8));
    assertEquals(List.of("a_blue", "b_red"), rgb.classLabels());
    assertEquals(3, rgb.size());
    assertEquals(0, rgb.label(0));
    assertEquals(1, rgb.label(2));
    Tensor red = rgb.image(1);
    assertEquals(1f, red.get(0, 4, 4), 1e-6f);
    assertEquals(0f, red.get(2, 4, 4), 1e-6f);
    // The black side bands of the 30x20 image are cut away: every pixel is red.
    assertEquals(1f, red.get(0, 4, 0), 1e-6f);
    Dataset grey = ImageFolderDataset.read(dir, Shape.image(1, 4, 4));
    assertEquals(Math.round(0.114 * 255) / 255f, grey.image(0).get(0, 1, 1), 1e-6f);
  }

  @Test
  void explainsFoldersItCannotUse() throws IOException {
    InvalidDatasetException e =
        assertThrows(
            InvalidDatasetException.class,
            () -> ImageFolderDataset.read(dir.resolve("nope"), Shape.image(3, 8, 8)));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    e =
        assertThrows(
            InvalidDatasetException.class,
            () -> ImageFolderDataset.read(dir, Shape.image(3, 8, 8)));
    assertTrue(e.getMessage().contains("no class sub-folders"), e.getMessage());
    Files.createDirectories(dir.resolve("empty"));
    e =
        assertThrows(
            InvalidDatasetException.class,
            () -> ImageFolderDataset.read(dir, Shape.image(3, 8, 8)));
    assertTrue(e.getMessage().contains("empty") && e.getMessage().contains("no .png"));
    Files.writeString(dir.resolve("empty").resolve("broken.png"), "not a png");
    e =
        assertThrows(
            InvalidDatasetException.class,
            () -> ImageFolderDataset.read(dir, Shape.image(3, 8, 8)));
    assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
  }

  @Test
  void readSkippingListsWhatItLeftOutAndKeepsTheRest() throws IOException {
    image("cat", "1.png", Color.RED, 8, 8);
    image("cat", "2.jpg", Color.RED, 8, 8);
    image("dog", "1.png", Color.BLUE, 8, 8);
    Files.writeString(dir.resolve("cat").resolve("broken.png"), "not a png");
    Files.writeString(dir.resolve("dog").resolve("notes.txt"), "hello");
    Files.writeString(dir.resolve("dog").resolve(".DS_Store"), "hidden");
    Files.createDirectories(dir.resolve("empty"));
    Files.createDirectories(dir.resolve(".git"));
    ImageFolderDataset.Contents contents =
        ImageFolderDataset.readSkipping(dir, Shape.image(3, 8, 8));
    assertEquals(List.of("cat", "dog"), contents.dataset().classLabels());
    assertEquals(3, contents.dataset().size());
    assertEquals(
        List.of(
            dir.resolve("cat").resolve("1.png"),
            dir.resolve("cat").resolve("2.jpg"),
            dir.resolve("dog").resolve("1.png")),
        contents.files());
    List<Path> skipped = contents.skipped().stream().map(ImageFolderDataset.Skipped::path).toList();
    assertEquals(
        List.of(
            dir.resolve("cat").resolve("broken.png"),
            dir.resolve("dog").resolve("notes.txt"),
            dir.resolve("empty")),
        skipped);
    assertTrue(
        contents.skipped().get(0).reason().startsWith("not an image"),
        contents.skipped().get(0).reason());
    assertTrue(contents.skipped().get(2).reason().contains("not a class"));
    // The strict reader still refuses the same folder.
    assertThrows(
        InvalidDatasetException.class, () -> ImageFolderDataset.read(dir, Shape.image(3, 8, 8)));
  }

  @Test
  void readSkippingFailsWhenNothingIsReadable() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a").resolve("x.png"), "not a png");
    InvalidDatasetException e =
        assertThrows(
            InvalidDatasetException.class,
            () -> ImageFolderDataset.readSkipping(dir, Shape.image(1, 8, 8)));
    assertTrue(e.getMessage().contains("no class folder"), e.getMessage());
  }

  @Test
  void foldersNamedAfterTheModelsClassesGetTheirIndexWhateverTheOrder() throws IOException {
    // Sorted folder order (ankle_boot, t-SHIRT_top) is not the model's class order.
    image("t-SHIRT_top", "1.png", Color.WHITE, 8, 8);
    image("ankle_boot", "1.png", Color.BLACK, 8, 8);
    image("ankle_boot", "2.png", Color.BLACK, 8, 8);
    List<String> classes = List.of("T-shirt/top", "Trouser", "Ankle boot");
    Dataset data = ImageFolderDataset.read(dir, Shape.image(1, 8, 8), classes);
    assertEquals(classes, data.classLabels());
    assertEquals(List.of(1, 0, 2), data.classCounts());
    assertEquals(2, data.label(0), "ankle_boot sorts first and is class 2");
    assertEquals(0, data.label(2));
  }

  @Test
  void aFolderNamedAfterNoClassIsRefusedNamingIt() throws IOException {
    image("cats", "1.png", Color.WHITE, 8, 8);
    InvalidDatasetException e =
        assertThrows(
            InvalidDatasetException.class,
            () -> ImageFolderDataset.read(dir, Shape.image(1, 8, 8), List.of("dog", "bird")));
    assertTrue(e.getMessage().contains(dir.resolve("cats").toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("none of the model's classes ['dog', 'bird']"), e.getMessage());
  }

  @Test
  void aFolderMatchingTwoClassesIsRefused() throws IOException {
    image("cat", "1.png", Color.WHITE, 8, 8);
    InvalidDatasetException e =
        assertThrows(
            InvalidDatasetException.class,
            () -> ImageFolderDataset.read(dir, Shape.image(1, 8, 8), List.of("Cat", "cat")));
    assertTrue(e.getMessage().contains("more than one"), e.getMessage());
  }
}
