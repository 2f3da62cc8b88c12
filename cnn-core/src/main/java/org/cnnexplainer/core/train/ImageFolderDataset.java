package org.cnnexplainer.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.internal.Memory;

/**
 * Reads a folder with one sub-folder per class of JPEG/PNG images (the layout the original used for
 * Tiny ImageNet): {@code dir/cat/1.jpg, dir/dog/2.png, ...}. Classes are the sub-folder names in
 * sorted order. Each image is converted exactly like the app converts an image ({@link
 * ImageInput#fromFile}: scaled to cover the input, centre-cropped, RGB or luma, {@code v / 255}).
 */
public final class ImageFolderDataset {
  private ImageFolderDataset() {}

  /**
   * Reads every image under {@code directory}; the classes are the sub-folder names in sorted
   * order.
   *
   * @param shape {@code (channels, height, width)} with 1 or 3 channels
   * @throws InvalidDatasetException naming the folder or file when the folder is missing, has no
   *     class sub-folders, a class has no images, an image cannot be decoded, or the images would
   *     not fit in memory
   */
  public static Dataset read(Path directory, Shape shape) throws IOException {
    List<Path> classDirs = classFolders(directory, shape);
    List<String> labels = new ArrayList<>();
    int[] classOfFolder = new int[classDirs.size()];
    for (int i = 0; i < classDirs.size(); i++) {
      classOfFolder[i] = i;
      labels.add(classDirs.get(i).getFileName().toString());
    }
    return read(classDirs, classOfFolder, labels, shape);
  }

  /**
   * Reads the images under {@code directory} for a network whose classes are {@code classLabels}:
   * each sub-folder must be named after one class, ignoring case and punctuation ({@code
   * t-shirt_top} holds images of the class {@code "T-shirt/top"}), and its images get that class's
   * index. Classes without a folder simply have no images.
   *
   * @param shape {@code (channels, height, width)} with 1 or 3 channels
   * @throws InvalidDatasetException naming the folder when a sub-folder matches no class or more
   *     than one, or for any of the reasons of {@link #read(Path, Shape)}
   */
  public static Dataset read(Path directory, Shape shape, List<String> classLabels)
      throws IOException {
    List<Path> classDirs = classFolders(directory, shape);
    int[] classOfFolder = new int[classDirs.size()];
    for (int i = 0; i < classDirs.size(); i++) {
      String name = classDirs.get(i).getFileName().toString();
      List<Integer> matches = new ArrayList<>();
      for (int c = 0; c < classLabels.size(); c++) {
        if (matchKey(classLabels.get(c)).equals(matchKey(name))) {
          matches.add(c);
        }
      }
      if (matches.size() != 1) {
        throw new InvalidDatasetException(
            "class folder "
                + classDirs.get(i)
                + (matches.isEmpty()
                    ? " is named after none of the model's classes "
                    : " matches more than one of the model's classes ")
                + abbreviated(classLabels)
                + "; name each folder after its class");
      }
      classOfFolder[i] = matches.get(0);
    }
    return read(classDirs, classOfFolder, classLabels, shape);
  }

  /** Lower case, every run of other characters than letters and digits one space. */
  private static String matchKey(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private static String abbreviated(List<String> labels) {
    List<String> shown = labels.size() <= 12 ? labels : labels.subList(0, 12);
    return shown.stream().map(l -> "'" + l + "'").toList() + (shown == labels ? "" : " ...");
  }

  private static List<Path> classFolders(Path directory, Shape shape) throws IOException {
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
    return classDirs;
  }

  private static Dataset read(
      List<Path> classDirs, int[] classOfFolder, List<String> labels, Shape shape)
      throws IOException {
    List<Path> files = new ArrayList<>();
    List<Integer> classes = new ArrayList<>();
    for (int f = 0; f < classDirs.size(); f++) {
      Path classDir = classDirs.get(f);
      List<Path> images;
      try (Stream<Path> list = Files.list(classDir)) {
        images = list.filter(ImageFolderDataset::isImageFile).sorted().toList();
      }
      if (images.isEmpty()) {
        throw new InvalidDatasetException(
            "class folder " + classDir + " holds no .png, .jpg or .jpeg files");
      }
      for (Path image : images) {
        files.add(image);
        classes.add(classOfFolder[f]);
      }
    }
    // Counted before any image is decoded: the pixels, and the copy the dataset keeps.
    long bytes = (long) files.size() * shape.size();
    if (bytes > Integer.MAX_VALUE - 8 || 2 * bytes > Memory.available()) {
      throw new InvalidDatasetException(
          classDirs.get(0).getParent()
              + ": "
              + files.size()
              + " images of shape "
              + shape
              + " need "
              + Memory.mebibytes(2 * bytes)
              + " MiB of memory, more than this Java can use (use smaller images, fewer images,"
              + " or start java with a larger -Xmx)");
    }
    byte[] pixels = new byte[(int) bytes];
    int[] labelArray = new int[files.size()];
    for (int i = 0; i < files.size(); i++) {
      byte[] image = convert(files.get(i), shape);
      System.arraycopy(image, 0, pixels, i * shape.size(), shape.size());
      labelArray[i] = classes.get(i);
    }
    return Dataset.of(shape, labels, pixels, labelArray);
  }

  private static boolean isImageFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file)
        && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
  }

  /**
   * The image as the app converts it ({@link ImageInput#fromFile}), stored as channel-first bytes
   * {@code round(value * 255)}: exact for images of the input's size, within 0.5/255 for scaled
   * ones.
   */
  static byte[] convert(Path file, Shape shape) throws IOException {
    Tensor image;
    try {
      image = ImageInput.fromFile(file, shape);
    } catch (IOException e) {
      throw new InvalidDatasetException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    float[] values = image.toArray();
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) Math.round(Math.min(Math.max(values[i], 0f), 1f) * 255f);
    }
    return out;
  }
}
