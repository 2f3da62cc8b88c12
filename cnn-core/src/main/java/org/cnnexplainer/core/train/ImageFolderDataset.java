package org.cnnexplainer.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
   * @param directory the folder to read
   * @param shape {@code (channels, height, width)} with 1 or 3 channels
   * @return the images, labelled by their folder's position in sorted order
   * @throws InvalidDatasetException naming the folder or file when the folder is missing, has no
   *     class sub-folders, a class has no images, an image cannot be decoded, or the images would
   *     not fit in memory
   */
  public static Dataset read(Path directory, Shape shape) throws IOException {
    List<Path> classDirs = classFolders(directory, shape, false);
    List<String> labels = new ArrayList<>();
    int[] classOfFolder = new int[classDirs.size()];
    for (int i = 0; i < classDirs.size(); i++) {
      classOfFolder[i] = i;
      labels.add(classDirs.get(i).getFileName().toString());
    }
    return scan(classDirs, classOfFolder, labels, shape, false).dataset();
  }

  /**
   * What {@link #readSkipping} found: the images, the file each came from (by image index), and
   * what it left out.
   */
  public record Contents(Dataset dataset, List<Path> files, List<Skipped> skipped) {
    /**
     * Copies the lists.
     *
     * @param dataset the images read
     * @param files the file of each image, in dataset order
     * @param skipped the files left out, with the reason
     */
    public Contents {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }

  /** A file or class folder left out, and why. */
  public record Skipped(Path path, String reason) {}

  /**
   * Reads every image under {@code directory} like {@link #read(Path, Shape)}, but skips (and
   * lists) what it cannot use instead of failing: files that are not readable PNG or JPEG images,
   * and class folders without any. Hidden files and folders (names starting with a dot) are
   * ignored.
   *
   * @param directory the folder to read
   * @param shape the network's input shape; images are resized to it
   * @return the images read, their files, and the files skipped with the reason
   * @throws InvalidDatasetException when the folder is missing, no class has a readable image, or
   *     the images would not fit in memory
   */
  public static Contents readSkipping(Path directory, Shape shape) throws IOException {
    List<Path> classDirs = classFolders(directory, shape, true);
    List<String> labels = new ArrayList<>();
    int[] classOfFolder = new int[classDirs.size()];
    for (int i = 0; i < classDirs.size(); i++) {
      classOfFolder[i] = i;
      labels.add(classDirs.get(i).getFileName().toString());
    }
    return scan(classDirs, classOfFolder, labels, shape, true);
  }

  /**
   * Reads the images under {@code directory} for a network whose classes are {@code classLabels}:
   * each sub-folder must be named after one class, ignoring case and punctuation ({@code
   * t-shirt_top} holds images of the class {@code "T-shirt/top"}), and its images get that class's
   * index. Classes without a folder simply have no images.
   *
   * @param directory the folder to read
   * @param shape {@code (channels, height, width)} with 1 or 3 channels
   * @param classLabels one name per class, in output order
   * @return the images, labelled by the position of their folder's name in {@code classLabels}
   * @throws InvalidDatasetException naming the folder when a sub-folder matches no class or more
   *     than one, or for any of the reasons of {@link #read(Path, Shape)}
   */
  public static Dataset read(Path directory, Shape shape, List<String> classLabels)
      throws IOException {
    List<Path> classDirs = classFolders(directory, shape, false);
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
    return scan(classDirs, classOfFolder, classLabels, shape, false).dataset();
  }

  /** Lower case, every run of other characters than letters and digits one space. */
  private static String matchKey(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private static String abbreviated(List<String> labels) {
    List<String> shown = labels.size() <= 12 ? labels : labels.subList(0, 12);
    return shown.stream().map(l -> "'" + l + "'").toList() + (shown == labels ? "" : " ...");
  }

  /** The class sub-folders in sorted order; hidden ones left out when {@code skipping}. */
  private static List<Path> classFolders(Path directory, Shape shape, boolean skipping)
      throws IOException {
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
    return classDirs;
  }

  /**
   * Lists the images of every class folder, checks that they fit in memory before decoding any,
   * then decodes them. Strict ({@code skipping == false}): the first unusable file or empty class
   * folder fails the read. Skipping: those are listed in {@link Contents#skipped} and left out, and
   * a class that keeps no image is dropped (the remaining classes renumbered).
   */
  private static Contents scan(
      List<Path> classDirs, int[] classOfFolder, List<String> labels, Shape shape, boolean skipping)
      throws IOException {
    List<Path> files = new ArrayList<>();
    List<Integer> folders = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (int f = 0; f < classDirs.size(); f++) {
      Path classDir = classDirs.get(f);
      List<Path> entries;
      try (Stream<Path> list = Files.list(classDir)) {
        entries = list.filter(p -> !skipping || !isHidden(p)).sorted().toList();
      }
      int before = files.size();
      for (Path entry : entries) {
        if (isImageFile(entry)) {
          files.add(entry);
          folders.add(f);
        } else if (skipping && Files.isRegularFile(entry)) {
          skipped.add(new Skipped(entry, "not a .png, .jpg or .jpeg file"));
        }
      }
      if (files.size() == before && !skipping) {
        throw new InvalidDatasetException(
            "class folder " + classDir + " holds no .png, .jpg or .jpeg files");
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
    List<Path> kept = new ArrayList<>();
    int[] keptPerFolder = new int[classDirs.size()];
    int[] folderOfImage = new int[files.size()];
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      byte[] image;
      try {
        image = convert(file, shape);
      } catch (IOException | RuntimeException e) {
        if (!skipping) {
          throw e;
        }
        skipped.add(new Skipped(file, reason(file, e)));
        continue;
      }
      System.arraycopy(image, 0, pixels, kept.size() * shape.size(), shape.size());
      folderOfImage[kept.size()] = folders.get(i);
      keptPerFolder[folders.get(i)]++;
      kept.add(file);
    }
    if (!skipping) {
      int[] labelArray = new int[kept.size()];
      for (int i = 0; i < labelArray.length; i++) {
        labelArray[i] = classOfFolder[folderOfImage[i]];
      }
      return new Contents(Dataset.of(shape, labels, pixels, labelArray), kept, skipped);
    }
    // Skipping: a class folder without a readable image is no class; the others are renumbered.
    List<String> keptLabels = new ArrayList<>();
    int[] newClass = new int[classDirs.size()];
    for (int f = 0; f < classDirs.size(); f++) {
      if (keptPerFolder[f] == 0) {
        skipped.add(
            new Skipped(classDirs.get(f), "no readable .png, .jpg or .jpeg image; not a class"));
      } else {
        newClass[f] = keptLabels.size();
        keptLabels.add(labels.get(classOfFolder[f]));
      }
    }
    if (keptLabels.isEmpty()) {
      throw new InvalidDatasetException(
          "no class folder of "
              + classDirs.get(0).getParent()
              + " holds a readable .png, .jpg or .jpeg image");
    }
    int[] labelArray = new int[kept.size()];
    for (int i = 0; i < labelArray.length; i++) {
      labelArray[i] = newClass[folderOfImage[i]];
    }
    if (kept.size() < files.size()) {
      pixels = Arrays.copyOf(pixels, kept.size() * shape.size());
    }
    skipped.sort(Comparator.comparing(Skipped::path)); // in folder order, as a file manager lists
    return new Contents(Dataset.of(shape, keptLabels, pixels, labelArray), kept, skipped);
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
