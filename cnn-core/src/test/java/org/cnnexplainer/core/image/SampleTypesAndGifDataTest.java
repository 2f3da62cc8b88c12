package org.cnnexplainer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIFF sample types beyond 8 and 16 unsigned bits, GIFs whose pixel data is missing, and images
 * whose aspect ratio would make naive scaling allocate gigabytes.
 */
class SampleTypesAndGifDataTest {
  private static final Shape GRAY_4X4 = Shape.image(1, 4, 4);
  private static final Shape RGB_4X4 = Shape.image(3, 4, 4);

  @TempDir Path tmp;

  /** A 4x4 TIFF whose samples are all {@code value}, of the given data type and colour space. */
  private Path tiff(String name, int dataType, int colorSpace, double value) throws IOException {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(colorSpace), false, false, Transparency.OPAQUE, dataType);
    WritableRaster raster = cm.createCompatibleWritableRaster(4, 4);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        for (int b = 0; b < raster.getNumBands(); b++) {
          raster.setSample(x, y, b, value);
        }
      }
    }
    Path file = tmp.resolve(name);
    assertTrue(ImageIO.write(new BufferedImage(cm, raster, false, null), "tiff", file.toFile()));
    return file;
  }

  private static void assertAll(Tensor input, float expected) {
    for (int i = 0; i < input.size(); i++) {
      assertEquals(expected, input.at(i), 1e-6f, "value " + i);
    }
  }

  @Test
  void signedSixteenBitGrayUsesTheFullSignedRange() throws IOException {
    short gray = ColorSpace.CS_GRAY;
    assertAll(
        ImageInput.fromFile(tiff("min.tif", DataBuffer.TYPE_SHORT, gray, -32768), GRAY_4X4), 0f);
    assertAll(
        ImageInput.fromFile(tiff("max.tif", DataBuffer.TYPE_SHORT, gray, 32767), GRAY_4X4), 1f);
    assertAll(
        ImageInput.fromFile(tiff("neg.tif", DataBuffer.TYPE_SHORT, gray, -20000), GRAY_4X4),
        (float) ((-20000 + 32768) / 65535.0));
  }

  @Test
  void signedSixteenBitRgbIsReadNotCrashed() throws IOException {
    // getRGB throws "Unknown data buffer type" on signed samples.
    Path file = tiff("rgb.tif", DataBuffer.TYPE_SHORT, ColorSpace.CS_sRGB, 32767);
    assertAll(ImageInput.fromFile(file, RGB_4X4), 1f);
  }

  @Test
  void whiteFloatImagesAreWhiteNotBlack() throws IOException {
    assertAll(
        ImageInput.fromFile(
            tiff("g.tif", DataBuffer.TYPE_FLOAT, ColorSpace.CS_GRAY, 1.0), GRAY_4X4),
        1f);
    assertAll(
        ImageInput.fromFile(
            tiff("rgb.tif", DataBuffer.TYPE_FLOAT, ColorSpace.CS_sRGB, 1.0), RGB_4X4),
        1f);
    // Out-of-range floats are clamped into [0, 1] like every viewer shows them.
    assertAll(
        ImageInput.fromFile(
            tiff("hot.tif", DataBuffer.TYPE_FLOAT, ColorSpace.CS_GRAY, 7.5), GRAY_4X4),
        1f);
  }

  @Test
  void floatImagesHoldingNaNAreRefusedNamingTheFile() throws IOException {
    Path file = tiff("nan.tif", DataBuffer.TYPE_FLOAT, ColorSpace.CS_GRAY, Double.NaN);
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> ImageInput.fromFile(file, GRAY_4X4));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a number"), e.getMessage());
  }

  @Test
  void thirtyTwoBitIntegerSamplesAreRefusedNamingTheFile() throws IOException {
    Path file = tiff("int.tif", DataBuffer.TYPE_INT, ColorSpace.CS_GRAY, -1);
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> ImageInput.fromFile(file, GRAY_4X4));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("32-bit integer samples"), e.getMessage());
  }

  /** A 4x4 GIF with a one-colour global table, then {@code body}, then the trailer. */
  private Path gif(String name, int... body) throws IOException {
    int[] head = {'G', 'I', 'F', '8', '9', 'a', 4, 0, 4, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255};
    byte[] bytes = new byte[head.length + body.length + 1];
    for (int i = 0; i < head.length; i++) {
      bytes[i] = (byte) head[i];
    }
    for (int i = 0; i < body.length; i++) {
      bytes[head.length + i] = (byte) body[i];
    }
    bytes[bytes.length - 1] = 0x3b;
    return Files.write(tmp.resolve(name), bytes);
  }

  /** An image descriptor for the whole 4x4 screen, LZW minimum code size 2. */
  private static final int[] DESCRIPTOR = {0x2c, 0, 0, 0, 0, 4, 0, 4, 0, 0, 2};

  private static int[] concat(int[] a, int... b) {
    int[] all = new int[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void gifWithoutAnImageIsRefused() throws IOException {
    Path file = gif("screen-only.gif");
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> ImageInput.fromFile(file, RGB_4X4));
    assertEquals(file + ": the file holds no image", e.getMessage());
  }

  @Test
  void gifWhosePixelDataEndsAtOnceIsRefusedNotClassifiedAsBlack() throws IOException {
    // One sub-block holding the clear code (4) and the end code (5), 3 bits each: no pixel.
    Path file = gif("no-pixels.gif", concat(DESCRIPTOR, 1, 0x2c, 0));
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> ImageInput.fromFile(file, RGB_4X4));
    assertEquals(file + ": the GIF image holds no pixel data", e.getMessage());
  }

  @Test
  void gifWhosePixelDataEndsHalfwayIsRefused() throws IOException {
    // A real 4x2 GIF whose screen and image descriptor then claim 4 rows: the data covers 2.
    BufferedImage half = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED);
    Path twoRows = tmp.resolve("two-rows.gif");
    assertTrue(ImageIO.write(half, "gif", twoRows.toFile()));
    byte[] bytes = Files.readAllBytes(twoRows);
    bytes[8] = 4;
    bytes[imageDescriptor(bytes) + 7] = 4;
    Path file = Files.write(tmp.resolve("half.gif"), bytes);
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> ImageInput.fromFile(file, RGB_4X4));
    assertTrue(e.getMessage().contains("ends after 50% of its rows"), e.getMessage());
  }

  /** The offset of the first image descriptor: after the global colour table and extensions. */
  private static int imageDescriptor(byte[] gif) {
    int at = 13;
    if ((gif[10] & 0x80) != 0) {
      at += 3 << ((gif[10] & 7) + 1);
    }
    while (gif[at] == 0x21) {
      at += 2; // introducer and label, then data sub-blocks up to an empty one
      while (gif[at] != 0) {
        at += (gif[at] & 0xff) + 1;
      }
      at++;
    }
    assertEquals(0x2c, gif[at], "image descriptor");
    return at;
  }

  @Test
  void aCompleteGifStillLoads() throws IOException {
    // 8x8: the JDK's own GIF writer and reader lose the last row of a 4x4 image.
    BufferedImage white = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
    white.getGraphics().fillRect(0, 0, 8, 8);
    Path file = tmp.resolve("white.gif");
    assertTrue(ImageIO.write(white, "gif", file.toFile()));
    assertAll(ImageInput.fromFile(file, RGB_4X4), 1f);
  }

  @Test
  void aTallThinImageIsScaledFromTheRowsItCovers() throws IOException {
    // 1 x 400,000 pixels covering 28 x 28: scaling every row first would allocate 400,000 x 28
    // values; only the centre rows are needed.
    BufferedImage tall = new BufferedImage(1, 400_000, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < tall.getHeight(); y++) {
      tall.getRaster().setSample(0, y, 0, 200);
    }
    Path file = tmp.resolve("tall.png");
    assertTrue(ImageIO.write(tall, "png", file.toFile()));
    assertAll(ImageInput.fromFile(file, Shape.image(1, 28, 28)), (float) (200 / 255.0));
  }

  @Test
  void scalingOnlyTheRowsThatAreReadChangesNoValue() {
    // A tall plane resampled directly (rows skipped) and transposed (every row read) agree.
    int w = 3;
    int h = 5000;
    double[] plane = new double[w * h];
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < plane.length; i++) {
      plane[i] = random.nextInt(256);
    }
    double[] transposed = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        transposed[x * h + y] = plane[y * w + x];
      }
    }
    double[] direct = Resampler.coverAndCrop(plane, w, h, 7, 5);
    double[] viaTranspose = Resampler.coverAndCrop(transposed, h, w, 5, 7);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        assertEquals(viaTranspose[x * 5 + y], direct[y * 7 + x], 1e-9, "cell " + y + "," + x);
      }
    }
  }
}
