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

/**
 * Reads a folder with one sub-folder per class of JPEG/PNG images (the layout the original used for
 * Tiny ImageNet): {@code dir/cat/1.jpg, dir/dog/2.png, ...}. Classes are the sub-folder names in
 * sorted order. Each image is converted exactly like the app converts an image ({@link
 * ImageInput#fromFile}: scaled to cover the input, centre-cropped, RGB or luma, {@code v / 255}).
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
    return scan(directory, shape, false).dataset();
  }

  /**
   * What {@link #readSkipping} found: the images, the file each came from (by image index), and
   * what it left out.
   */
  public record Contents(Dataset dataset, List<Path> files, List<Skipped> skipped) {
    /** Copies the lists. */
    public Contents {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }

  /** A file or class folder left out, and why. */
  public record Skipped(Path path, String reason) {}

  /**
   * Reads every image under {@code directory} like {@link #read}, but skips (and lists) what it
   * cannot use instead of failing: files that are not readable PNG or JPEG images, and class
   * folders without any. Hidden files and folders (names starting with a dot) are ignored.
   *
   * @throws InvalidDatasetException when the folder is missing or no class has a readable image
   */
  public static Contents readSkipping(Path directory, Shape shape) throws IOException {
    return scan(directory, shape, true);
  }

  private static Contents scan(Path directory, Shape shape, boolean skipping) throws IOException {
    if (!shape.isImage() || (shape.channels() != 1 && shape.channels() != 3)) {
      throw new IllegalArgumentException("image shape must be (1 or 3, h, w), got " + shape);
    }
    if (!Files.isDirectory(directory)) {
      throw new InvalidDatasetException("image folder " + directory + " does not exist");
    }
    List<Path> classDirs;
    try (Stream<Path> list = Files.list(directory)) {
      classDirs =
          list.filter(Files::isDirectory).filter(p -> !skipping || !isHidden(p)).sorted().toList();
    }
    if (classDirs.isEmpty()) {
      throw new InvalidDatasetException(
          directory + " has no class sub-folders; expected one folder of images per class");
    }
    List<String> labels = new ArrayList<>();
    List<byte[]> images = new ArrayList<>();
    List<Integer> classes = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path classDir : classDirs) {
      List<Path> files;
      try (Stream<Path> list = Files.list(classDir)) {
        files = list.filter(p -> !skipping || !isHidden(p)).sorted().toList();
      }
      List<byte[]> classImages = new ArrayList<>();
      List<Path> classSources = new ArrayList<>();
      for (Path file : files) {
        if (!isImageFile(file)) {
          if (skipping && Files.isRegularFile(file)) {
            skipped.add(new Skipped(file, "not a .png, .jpg or .jpeg file"));
          }
          continue;
        }
        try {
          classImages.add(convert(file, shape));
          classSources.add(file);
        } catch (IOException | RuntimeException e) {
          if (!skipping) {
            throw e;
          }
          skipped.add(new Skipped(file, reason(file, e)));
        }
      }
      if (classImages.isEmpty()) {
        if (!skipping) {
          throw new InvalidDatasetException(
              "class folder " + classDir + " holds no .png, .jpg or .jpeg files");
        }
        skipped.add(new Skipped(classDir, "no readable .png, .jpg or .jpeg image; not a class"));
        continue;
      }
      int label = labels.size();
      labels.add(classDir.getFileName().toString());
      images.addAll(classImages);
      sources.addAll(classSources);
      for (int i = 0; i < classImages.size(); i++) {
        classes.add(label);
      }
    }
    if (labels.isEmpty()) {
      throw new InvalidDatasetException(
          "no class folder of " + directory + " holds a readable .png, .jpg or .jpeg image");
    }
    byte[] pixels = new byte[images.size() * shape.size()];
    int[] labelArray = new int[images.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, pixels, i * shape.size(), shape.size());
      labelArray[i] = classes.get(i);
    }
    return new Contents(Dataset.of(shape, labels, pixels, labelArray), sources, skipped);
  }

  /** Why {@code file} could not be read, without repeating its name. */
  private static String reason(Path file, Exception e) {
    Throwable cause =
        e instanceof InvalidDatasetException && e.getCause() != null ? e.getCause() : e;
    String message = String.valueOf(cause.getMessage());
    String prefix = file + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static boolean isHidden(Path path) {
    return path.getFileName().toString().startsWith(".");
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
