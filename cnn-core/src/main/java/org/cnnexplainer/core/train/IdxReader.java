package org.cnnexplainer.core.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.internal.Memory;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST, raw or gzip-compressed (detected from the
 * content). Images: magic {@code 0x00000803}, then big-endian int32 count, rows, columns, then one
 * unsigned byte per pixel. Labels: magic {@code 0x00000801}, count, one byte per label.
 */
public final class IdxReader {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  /** Most pixel (or label) bytes one file may hold: what one Java array can. */
  static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /**
   * Reads an image file and its label file into a dataset of {@code (1, rows, columns)} images.
   *
   * @param images the IDX3 image file (unsigned bytes, gzip or not)
   * @param labels the IDX1 label file with one byte per image
   * @param classLabels one name per class, in output order
   * @return the images as {@code (1, rows, columns)} values in [0, 1] with their labels
   * @throws InvalidDatasetException naming the file when one is missing, truncated, has the wrong
   *     magic number, or the two counts differ
   */
  public static Dataset read(Path images, Path labels, List<String> classLabels)
      throws IOException {
    Images img = readImages(images);
    int[] lab = readLabels(labels);
    if (lab.length != img.count) {
      throw new InvalidDatasetException(
          labels
              + " holds "
              + lab.length
              + " labels but "
              + images
              + " holds "
              + img.count
              + " images; the two files must belong together");
    }
    for (int i = 0; i < lab.length; i++) {
      if (lab[i] >= classLabels.size()) {
        throw new InvalidDatasetException(
            labels
                + ": label "
                + i
                + " is "
                + lab[i]
                + ", but there are only "
                + classLabels.size()
                + " classes");
      }
    }
    return Dataset.of(Shape.image(1, img.rows, img.columns), classLabels, img.pixels, lab);
  }

  private record Images(int count, int rows, int columns, byte[] pixels) {}

  private static Images readImages(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      int magic = readMagic(in, file, IMAGES_MAGIC, "image");
      assert magic == IMAGES_MAGIC;
      int count = in.readInt();
      int rows = in.readInt();
      int columns = in.readInt();
      // Each factor is below 2^31, so count * rows fits a long, and so does the product with
      // columns once count * rows is known to be at most MAX_BYTES.
      long bytes = (long) count * rows;
      if (count < 0
          || rows <= 0
          || columns <= 0
          || bytes > MAX_BYTES
          || bytes * columns > MAX_BYTES) {
        throw new InvalidDatasetException(
            file
                + ": implausible image header "
                + count
                + " x "
                + rows
                + " x "
                + columns
                + " (at most "
                + MAX_BYTES
                + " pixel bytes)");
      }
      byte[] pixels =
          readFully(
              in,
              (int) (bytes * columns),
              file,
              "pixels of " + count + " images of " + rows + "x" + columns);
      return new Images(count, rows, columns, pixels);
    } catch (EOFException e) {
      throw new InvalidDatasetException(file + " is truncated: the header is incomplete", e);
    }
  }

  private static int[] readLabels(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      readMagic(in, file, LABELS_MAGIC, "label");
      int count = in.readInt();
      if (count < 0 || count > MAX_BYTES) {
        throw new InvalidDatasetException(file + ": implausible label count " + count);
      }
      byte[] bytes = readFully(in, count, file, count + " labels");
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = bytes[i] & 0xFF;
      }
      return labels;
    } catch (EOFException e) {
      throw new InvalidDatasetException(file + " is truncated: the header is incomplete", e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // A pipe would block forever, a device could be endless.
      throw new InvalidDatasetException("dataset file " + file + " is not a regular file");
    }
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new InvalidDatasetException("dataset file " + file + " does not exist", e);
    }
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        raw = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
      } catch (IOException e) {
        raw.close();
        throw new InvalidDatasetException(file + " looks gzip-compressed but cannot be read", e);
      }
    }
    return new DataInputStream(raw);
  }

  private static int readMagic(DataInputStream in, Path file, int expected, String what)
      throws IOException {
    int magic = in.readInt();
    if (magic != expected) {
      throw new InvalidDatasetException(
          String.format(
              "%s is not an IDX %s file: magic number 0x%08x, expected 0x%08x",
              file, what, magic, expected));
    }
    return magic;
  }

  /**
   * Reads {@code length} bytes. Memory grows with the bytes really read, not with what the header
   * claims: 16 bytes of header cannot make the reader allocate gigabytes.
   */
  private static byte[] readFully(DataInputStream in, int length, Path file, String what)
      throws IOException {
    // readNBytes holds what it read in chunks and then copies: twice the bytes at the peak.
    if (2L * length > Memory.available()) {
      throw new InvalidDatasetException(
          file
              + ": reading "
              + what
              + " needs "
              + Memory.mebibytes(2L * length)
              + " MiB of memory, more than this Java can still use (start java with a larger"
              + " -Xmx)");
    }
    byte[] data;
    try {
      data = in.readNBytes(length);
    } catch (EOFException e) {
      // A truncated gzip stream ends here.
      throw new InvalidDatasetException(
          file + " is truncated: expected " + length + " bytes of " + what, e);
    }
    if (data.length < length) {
      throw new InvalidDatasetException(
          file
              + " is truncated: expected "
              + length
              + " bytes of "
              + what
              + ", found "
              + data.length);
    }
    return data;
  }
}
