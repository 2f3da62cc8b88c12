package org.cnnexplainer.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.internal.Memory;

/**
 * Turns an image into a network input tensor {@code (channels, height, width)} with values in [0,
 * 1], the way the original CNN Explainer does for its 64x64 examples, and back.
 *
 * <h2>Conversion</h2>
 *
 * <ul>
 *   <li>An image of exactly the input's width and height is used pixel for pixel: each channel
 *       value is {@code (float) (v / 255.0)} of the 8-bit R, G, B sample, no mean or standard
 *       deviation normalisation, as in the original.
 *   <li>Other sizes are scaled (preserving the aspect ratio) until the image just covers the input,
 *       then the centre is cropped: one step, area averaging when shrinking and bilinear
 *       interpolation when enlarging. The original instead scales the shorter side to 65 pixels
 *       with the browser's canvas resampling and crops 64x64 starting at 0 along the shorter side,
 *       and produces nothing for images smaller than 64 pixels; we accept any size.
 *   <li>Transparency is composited onto white: {@code v' = v * a + 255 * (1 - a)} with {@code a} in
 *       [0, 1]. The original drops alpha, so fully transparent pixels (stored as black by browsers)
 *       become black there; a transparent background reads as white here, as most viewers show it.
 *   <li>Grayscale images use their raster samples (16-bit samples scaled to 0..255), replicated to
 *       R = G = B; colour images are read as sRGB through {@code getRGB}. One-channel networks get
 *       the gray samples of gray images, and ITU-R BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}
 *       (on 0..255 values, then / 255) of colour images.
 * </ul>
 *
 * <h2>Files and limits</h2>
 *
 * {@link #fromFile} decodes whatever the JDK's ImageIO reads (PNG, JPEG, GIF, BMP, WBMP, TIFF). The
 * size is read from the header before decoding: images above 100 megapixels are refused, and images
 * above 16 megapixels are decoded with source subsampling (every k-th pixel in both directions, k
 * the smallest integer bringing them under 16 megapixels), so memory stays bounded (the decoded
 * image and three {@code double} planes, at most about 450 MB); an image whose decoding would need
 * more memory than the JVM has left is refused. A JPEG or GIF whose pixel data ends early is
 * refused rather than shown with its missing part gray; a JPEG lacking only its end marker is
 * complete and accepted. Animated GIFs give their first frame; CMYK JPEGs are converted to RGB by
 * the JDK (Adobe's inverted convention). Signed 16-bit samples are scaled from [-32768, 32767],
 * floating-point samples from [0, 1]; 32-bit integer samples (signed or unsigned, a TIFF reader
 * cannot tell) and NaN samples are refused.
 */
public final class ImageInput {
  static final long MAX_PIXELS = 100_000_000L;
  static final long MAX_DECODED_PIXELS = 16_000_000L;

  private ImageInput() {}

  /**
   * Reads an image file and converts it for a network with input shape {@code inputShape}.
   *
   * @param file the image file
   * @return the input tensor, shaped {@code inputShape}, values in [0, 1]
   * @param inputShape {@code (channels, height, width)} with 1 or 3 channels
   * @throws InvalidImageException if the file is missing, not a readable image, or too large
   * @throws IOException if reading fails otherwise
   */
  public static Tensor fromFile(Path file, Shape inputShape) throws IOException {
    Objects.requireNonNull(file, "file");
    requireImageShape(inputShape);
    BufferedImage image = read(file);
    try {
      return fromImage(image, inputShape);
    } catch (IllegalArgumentException e) {
      // Samples without a usable range (32-bit integers, NaN): the image, not the caller, is bad.
      throw new InvalidImageException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes an image file within the same limits as {@link #fromFile} (refused above 100
   * megapixels, subsampled above 16 megapixels, damaged pixel data refused), without converting it:
   * for thumbnails of the images a network is shown.
   *
   * @param file the image file
   * @return the decoded image
   * @throws InvalidImageException if the file is missing, not a readable image, or too large
   * @throws IOException if reading fails otherwise
   */
  public static BufferedImage read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new InvalidImageException(file + ": no such image file");
    }
    try (ImageInputStream in =
        ImageIO.createImageInputStream(
            file.getFileSystem() == FileSystems.getDefault()
                ? file.toFile()
                : Files.newInputStream(file))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new InvalidImageException(
            file + ": not an image in a format Java can read (PNG, JPEG, GIF, BMP, WBMP, TIFF)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return decode(reader, file);
      } catch (InvalidImageException e) {
        throw e;
      } catch (IndexOutOfBoundsException e) {
        // A header (a GIF's screen descriptor) without any image after it.
        throw new InvalidImageException(file + ": the file holds no image", e);
      } catch (IOException | RuntimeException e) {
        throw new InvalidImageException(
            file + ": cannot decode the " + reader.getFormatName() + " image (" + e + ")", e);
      } finally {
        reader.dispose();
      }
    }
  }

  private static BufferedImage decode(ImageReader reader, Path file) throws IOException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    long pixels = (long) width * height;
    if (pixels > MAX_PIXELS) {
      throw new InvalidImageException(
          file
              + ": the image is "
              + width
              + "x"
              + height
              + " pixels, more than the limit of "
              + MAX_PIXELS / 1_000_000
              + " megapixels; scale it down first");
    }
    ImageReadParam param = reader.getDefaultReadParam();
    long decoded = pixels;
    if (pixels > MAX_DECODED_PIXELS) {
      int step = (int) Math.ceil(Math.sqrt(pixels / (double) MAX_DECODED_PIXELS));
      param.setSourceSubsampling(step, step, 0, 0);
      decoded = ((width + step - 1L) / step) * ((height + step - 1L) / step);
    }
    long bytes = decoded * bytesPerDecodedPixel(reader);
    if (bytes > Memory.available()) {
      throw new InvalidImageException(
          file
              + ": decoding the "
              + width
              + "x"
              + height
              + " image needs "
              + Memory.mebibytes(bytes)
              + " MiB, more than this Java can still use (scale the image down, or start java"
              + " with a larger -Xmx)");
    }
    // A JPEG cut inside its pixel data decodes "successfully" with the rest gray and only a
    // warning; the network would then classify a picture the user never made.
    List<String> damage = new ArrayList<>();
    reader.addIIOReadWarningListener(
        (source, warning) -> {
          if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
            damage.add(warning);
          }
        });
    // A GIF whose pixel data ends early (or holds none) decodes without an error, the missing
    // rows left black; the reader reports how many rows it decoded as its progress.
    Progress progress = new Progress();
    reader.addIIOReadProgressListener(progress);
    BufferedImage image = reader.read(0, param);
    if (image == null) {
      throw new InvalidImageException(file + ": the file holds no image");
    }
    if ("gif".equalsIgnoreCase(reader.getFormatName()) && progress.percent < 100) {
      throw new InvalidImageException(
          file
              + (progress.percent == 0
                  ? ": the GIF image holds no pixel data"
                  : String.format(
                      Locale.ROOT,
                      ": the GIF image's pixel data ends after %.0f%% of its rows; part of the"
                          + " picture is missing",
                      progress.percent)));
    }
    if (!damage.isEmpty()) {
      throw new InvalidImageException(
          file
              + ": the "
              + reader.getFormatName()
              + " image is truncated or damaged ("
              + damage.get(0)
              + "); part of the picture is missing");
    }
    return image;
  }

  /**
   * Memory per pixel for decoding and converting: the decoded image's samples, plus the {@code
   * double} planes of {@link Pixels} (one for gray images, three otherwise). An unknown type counts
   * as 16-bit RGBA in colour.
   */
  private static int bytesPerDecodedPixel(ImageReader reader) {
    ImageTypeSpecifier type;
    try {
      type = reader.getRawImageType(0);
    } catch (IOException | RuntimeException e) {
      type = null;
    }
    if (type == null) {
      return 8 + 24;
    }
    int sampleBytes = 0;
    for (int band = 0; band < type.getNumBands(); band++) {
      sampleBytes += (type.getBitsPerBand(band) + 7) / 8;
    }
    ColorModel cm = type.getColorModel();
    boolean gray =
        cm != null
            && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
            && !(cm instanceof IndexColorModel);
    return sampleBytes + (gray ? 8 : 24);
  }

  /** The highest progress a reader reported for the image. */
  private static final class Progress implements IIOReadProgressListener {
    float percent;

    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
      percent = Math.max(percent, percentageDone);
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {}

    @Override
    public void sequenceComplete(ImageReader source) {}

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {}

    @Override
    public void imageComplete(ImageReader source) {}

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {}

    @Override
    public void thumbnailComplete(ImageReader source) {}

    @Override
    public void readAborted(ImageReader source) {}
  }

  /**
   * Converts an image for a network with input shape {@code inputShape} (see the class
   * documentation for the rules).
   *
   * @param image the image, of any size
   * @return the input tensor, shaped {@code inputShape}, values in [0, 1]
   * @param inputShape {@code (channels, height, width)} with 1 or 3 channels
   */
  public static Tensor fromImage(BufferedImage image, Shape inputShape) {
    Objects.requireNonNull(image, "image");
    requireImageShape(inputShape);
    Pixels pixels = Pixels.of(image);
    int w = inputShape.width();
    int h = inputShape.height();
    if (pixels.width() != w || pixels.height() != h) {
      pixels =
          new Pixels(
              w,
              h,
              Resampler.coverAndCrop(pixels.red(), pixels.width(), pixels.height(), w, h),
              Resampler.coverAndCrop(pixels.green(), pixels.width(), pixels.height(), w, h),
              Resampler.coverAndCrop(pixels.blue(), pixels.width(), pixels.height(), w, h),
              pixels.gray());
    }
    int plane = w * h;
    float[] chw = new float[inputShape.size()];
    for (int i = 0; i < plane; i++) {
      if (inputShape.channels() == 1) {
        chw[i] = (float) (pixels.luminance(i) / 255.0);
      } else {
        chw[i] = (float) (pixels.red()[i] / 255.0);
        chw[plane + i] = (float) (pixels.green()[i] / 255.0);
        chw[2 * plane + i] = (float) (pixels.blue()[i] / 255.0);
      }
    }
    return Tensor.of(inputShape, chw);
  }

  /**
   * What the network sees, as an RGB image: each value is clamped to [0, 1] and scaled to 0..255
   * (rounded); a one-channel input is shown as gray.
   *
   * @return a new RGB image of the input's width and height
   * @param input a {@code (channels, height, width)} tensor with 1 or 3 channels
   */
  public static BufferedImage toImage(Tensor input) {
    Shape shape = input.shape();
    requireImageShape(shape);
    int w = shape.width();
    int h = shape.height();
    int plane = w * h;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] rgb = new int[plane];
    for (int i = 0; i < plane; i++) {
      int r = toByte(input.at(i));
      int g = shape.channels() == 1 ? r : toByte(input.at(plane + i));
      int b = shape.channels() == 1 ? r : toByte(input.at(2 * plane + i));
      rgb[i] = (r << 16) | (g << 8) | b;
    }
    image.setRGB(0, 0, w, h, rgb, 0, w);
    return image;
  }

  private static int toByte(float v) {
    return (int) Math.round(Math.min(Math.max(v, 0f), 1f) * 255.0);
  }

  private static void requireImageShape(Shape shape) {
    Objects.requireNonNull(shape, "inputShape");
    if (!shape.isImage() || (shape.channels() != 1 && shape.channels() != 3)) {
      throw new IllegalArgumentException(
          "an image input needs shape (channels, height, width) with 1 or 3 channels, got "
              + shape);
    }
  }
}
