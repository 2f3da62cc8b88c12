package org.cnnexplainer.core.train;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Shape;

/**
 * Reads a folder with one sub-folder per class of JPEG/PNG images (the layout the original used for
 * Tiny ImageNet): {@code dir/cat/1.jpg, dir/dog/2.png, ...}. Classes are the sub-folder names in
 * sorted order. Each image is converted like the app converts an image: the central square is cut
 * out, scaled (bilinear) to the input's height and width, and read as RGB (3 channels) or luminance
 * {@code 0.299 R + 0.587 G + 0.114 B} (1 channel), in [0, 255] bytes.
 */
public final class ImageFolderDataset {
  private ImageFolderDataset() {}

  /**
   * Reads every image under {@code directory}.
   *
   * @param shape {@code (channels, height, width)} with 1 or 3 channels
   * @throws InvalidDatasetException naming the folder or file when the folder is missing, has no
   *     class sub-folders, a class has no images, or an image cannot be decoded
   */
  public static Dataset read(Path directory, Shape shape) throws IOException {
    if (!shape.isImage() || (shape.channels() != 1 && shape.channels() != 3)) {
      throw new IllegalArgumentException("image shape must be (1 or 3, h, w), got " + shape);
    }
    if (!Files.isDirectory(directory)) {
      throw new InvalidDatasetException("image folder " + directory + " does not exist");
    }
    List<Path> classDirs;
    try (Stream<Path> list = Files.list(directory)) {
      classDirs = list.filter(Files::isDirectory).sorted().toList();
    }
    if (classDirs.isEmpty()) {
      throw new InvalidDatasetException(
          directory + " has no class sub-folders; expected one folder of images per class");
    }
    List<String> labels = new ArrayList<>();
    List<byte[]> images = new ArrayList<>();
    List<Integer> classes = new ArrayList<>();
    for (Path classDir : classDirs) {
      List<Path> files;
      try (Stream<Path> list = Files.list(classDir)) {
        files = list.filter(ImageFolderDataset::isImageFile).sorted().toList();
      }
      if (files.isEmpty()) {
        throw new InvalidDatasetException(
            "class folder " + classDir + " holds no .png, .jpg or .jpeg files");
      }
      int label = labels.size();
      labels.add(classDir.getFileName().toString());
      for (Path file : files) {
        images.add(convert(file, shape));
        classes.add(label);
      }
    }
    byte[] pixels = new byte[images.size() * shape.size()];
    int[] labelArray = new int[images.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, pixels, i * shape.size(), shape.size());
      labelArray[i] = classes.get(i);
    }
    return Dataset.of(shape, labels, pixels, labelArray);
  }

  private static boolean isImageFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file)
        && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
  }

  /** Central square, scaled to the shape, as channel-first bytes. */
  static byte[] convert(Path file, Shape shape) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new InvalidDatasetException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    if (image == null) {
      throw new InvalidDatasetException(
          "cannot read image " + file + ": not a PNG or JPEG file ImageIO can decode");
    }
    int side = Math.min(image.getWidth(), image.getHeight());
    int x0 = (image.getWidth() - side) / 2;
    int y0 = (image.getHeight() - side) / 2;
    int height = shape.height();
    int width = shape.width();
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, width, height, x0, y0, x0 + side, y0 + side, null);
    g.dispose();
    byte[] out = new byte[shape.size()];
    int plane = height * width;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = scaled.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int gr = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int p = y * width + x;
        if (shape.channels() == 3) {
          out[p] = (byte) r;
          out[plane + p] = (byte) gr;
          out[2 * plane + p] = (byte) b;
        } else {
          out[p] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
        }
      }
    }
    return out;
  }
}
