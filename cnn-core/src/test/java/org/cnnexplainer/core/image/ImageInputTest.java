package org.cnnexplainer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputTest {
  @TempDir Path tmp;

  private Path png(BufferedImage image, String name) throws IOException {
    Path file = tmp.resolve(name);
    assertTrue(ImageIO.write(image, "png", file.toFile()));
    return file;
  }

  private static float byteValue(int v) {
    return (float) (v / 255.0);
  }

  @Test
  void exactSizePngIsUsedPixelForPixel() throws IOException {
    Random rng = new Random(5);
    BufferedImage image = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 5; x++) {
        image.setRGB(x, y, rng.nextInt(1 << 24));
      }
    }
    Tensor t = ImageInput.fromFile(png(image, "exact.png"), Shape.image(3, 4, 5));
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 5; x++) {
        int rgb = image.getRGB(x, y);
        assertEquals(byteValue((rgb >> 16) & 0xff), t.get(0, y, x));
        assertEquals(byteValue((rgb >> 8) & 0xff), t.get(1, y, x));
        assertEquals(byteValue(rgb & 0xff), t.get(2, y, x));
      }
    }
  }

  @Test
  void transparencyIsCompositedOntoWhite() throws IOException {
    BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x00_c8_64_32); // fully transparent (200, 100, 50)
    image.setRGB(1, 0, 0xff_c8_64_32); // opaque
    image.setRGB(2, 0, 0x80_00_00_00); // half-transparent black
    Tensor t = ImageInput.fromFile(png(image, "alpha.png"), Shape.image(3, 1, 3));
    assertEquals(1f, t.get(0, 0, 0));
    assertEquals(1f, t.get(2, 0, 0));
    assertEquals(byteValue(200), t.get(0, 0, 1));
    assertEquals(byteValue(50), t.get(2, 0, 1));
    float half = (float) (255 * (1 - 128 / 255.0) / 255.0);
    assertEquals(half, t.get(1, 0, 2), 1e-7f);
  }

  @Test
  void grayPngUsesRasterSamplesNotSrgbConversion() throws IOException {
    BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
    int[] samples = {0, 60, 128, 255};
    for (int x = 0; x < 4; x++) {
      image.getRaster().setSample(x, 0, 0, samples[x]);
    }
    // getRGB maps linear gray to sRGB, which would change mid-tones.
    assertNotEquals(60, image.getRGB(1, 0) & 0xff);
    Path file = png(image, "gray.png");
    Tensor rgb = ImageInput.fromFile(file, Shape.image(3, 1, 4));
    Tensor gray = ImageInput.fromFile(file, Shape.image(1, 1, 4));
    for (int x = 0; x < 4; x++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(byteValue(samples[x]), rgb.get(c, 0, x));
      }
      assertEquals(byteValue(samples[x]), gray.get(0, 0, x));
    }
  }

  @Test
  void sixteenBitGrayIsScaledTo8BitRange() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
    image.getRaster().setSample(0, 0, 0, 65535);
    image.getRaster().setSample(1, 0, 0, 257 * 60);
    Tensor t = ImageInput.fromImage(image, Shape.image(1, 1, 2));
    assertEquals(1f, t.at(0));
    assertEquals(byteValue(60), t.at(1));
  }

  @Test
  void oneChannelNetworksGetBt601Luma() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    image.setRGB(1, 0, 0x0a141e); // (10, 20, 30)
    Tensor t = ImageInput.fromImage(image, Shape.image(1, 1, 2));
    assertEquals((float) (0.299 * 255 / 255.0), t.at(0), 1e-7f);
    assertEquals((float) ((0.299 * 10 + 0.587 * 20 + 0.114 * 30) / 255.0), t.at(1), 1e-7f);
  }

  @Test
  void largerNonSquareImageIsScaledAndCroppedCentrally() throws IOException {
    // 200x100 of 10x10 blocks; block (bx, by) has R = 10 bx, G = 20 by, B = 77.
    BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 200; x++) {
        image.setRGB(x, y, ((x / 10) * 10) << 16 | ((y / 10) * 20) << 8 | 77);
      }
    }
    // Scale 1/10 gives 20x10 whole blocks; the centred 10x10 crop starts at block column 5.
    Tensor t = ImageInput.fromFile(png(image, "wide.png"), Shape.image(3, 10, 10));
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        assertEquals(byteValue((x + 5) * 10), t.get(0, y, x), 1e-6f, "R at " + x + "," + y);
        assertEquals(byteValue(y * 20), t.get(1, y, x), 1e-6f, "G at " + x + "," + y);
        assertEquals(byteValue(77), t.get(2, y, x), 1e-6f);
      }
    }
  }

  @Test
  void shrinkingAveragesAreas() {
    // 4x2 checker columns 0/255 shrunk to 2x1: every output averages one black and one white.
    BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 4; x++) {
      for (int y = 0; y < 2; y++) {
        image.setRGB(x, y, x % 2 == 0 ? 0 : 0xffffff);
      }
    }
    Tensor t = ImageInput.fromImage(image, Shape.image(1, 1, 2));
    assertEquals(0.5f, t.at(0), 1e-6f);
    assertEquals(0.5f, t.at(1), 1e-6f);
  }

  @Test
  void smallerImageIsEnlargedBilinearly() {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 0, 0xffffff);
    image.setRGB(1, 1, 0xffffff);
    Tensor t = ImageInput.fromImage(image, Shape.image(1, 4, 4));
    // Output column centres map to source x = -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
    float[] expected = {0f, 0.25f, 0.75f, 1f};
    for (int x = 0; x < 4; x++) {
      assertEquals(expected[x], t.get(0, 2, x), 1e-6f);
    }
  }

  @Test
  void toImageShowsWhatTheNetworkSees() {
    Random rng = new Random(9);
    float[] values = new float[3 * 3 * 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = byteValue(rng.nextInt(256));
    }
    Tensor t = Tensor.of(Shape.image(3, 3, 2), values);
    BufferedImage image = ImageInput.toImage(t);
    assertEquals(2, image.getWidth());
    assertEquals(3, image.getHeight());
    assertEquals(t, ImageInput.fromImage(image, t.shape()));

    Tensor gray = Tensor.of(Shape.image(1, 1, 3), -0.5f, 0.5f, 2f);
    BufferedImage g = ImageInput.toImage(gray);
    assertEquals(0x000000, g.getRGB(0, 0) & 0xffffff);
    assertEquals(0x808080, g.getRGB(1, 0) & 0xffffff);
    assertEquals(0xffffff, g.getRGB(2, 0) & 0xffffff);
  }

  @Test
  void nonImageFileIsRefusedWithItsName() throws IOException {
    Path text = tmp.resolve("notes.txt");
    Files.writeString(text, "not an image");
    InvalidImageException e =
        assertThrows(
            InvalidImageException.class, () -> ImageInput.fromFile(text, Shape.image(3, 4, 4)));
    assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not an image in a format Java can read"), e.getMessage());
  }

  @Test
  void missingFileIsRefused() {
    Path missing = tmp.resolve("missing.png");
    InvalidImageException e =
        assertThrows(
            InvalidImageException.class, () -> ImageInput.fromFile(missing, Shape.image(3, 4, 4)));
    assertTrue(e.getMessage().contains("missing.png: no such image file"), e.getMessage());
  }

  @Test
  void truncatedImageIsRefused() throws IOException {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Path file = png(image, "cut.png");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, 40));
    InvalidImageException e =
        assertThrows(
            InvalidImageException.class, () -> ImageInput.fromFile(file, Shape.image(3, 4, 4)));
    assertTrue(e.getMessage().contains("cut.png: cannot decode the png image"), e.getMessage());
  }

  @Test
  void hugeDimensionsAreRefusedFromTheHeader() throws IOException {
    Path file = tmp.resolve("huge.png");
    Files.write(file, pngHeaderOnly(20_000, 20_000));
    InvalidImageException e =
        assertThrows(
            InvalidImageException.class, () -> ImageInput.fromFile(file, Shape.image(3, 4, 4)));
    assertTrue(e.getMessage().contains("20000x20000 pixels, more than the limit of 100"));
  }

  @Test
  void largeImagesAreDecodedSubsampled() throws IOException {
    // 4100x4100 = 16.8 megapixels, above the 16-megapixel decoding limit: read every 2nd pixel.
    BufferedImage image = new BufferedImage(4100, 4100, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < 4100; y++) {
      java.util.Arrays.fill(pixels, y * 4100 + 2050, (y + 1) * 4100, (byte) 200);
    }
    Path file = png(image, "large.png");
    assertEquals(2050, ImageInput.read(file).getWidth());
    Tensor t = ImageInput.fromFile(file, Shape.image(1, 2, 2));
    assertEquals(0f, t.get(0, 0, 0));
    assertEquals(byteValue(200), t.get(0, 1, 1), 1e-6f);
  }

  @Test
  void inputShapeMustBeAnImageWithOneOrThreeChannels() {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    assertThrows(
        IllegalArgumentException.class, () -> ImageInput.fromImage(image, Shape.vector(4)));
    assertThrows(
        IllegalArgumentException.class, () -> ImageInput.fromImage(image, Shape.image(2, 2, 2)));
  }

  /** A PNG signature and IHDR chunk only: enough for a reader to report the size. */
  static byte[] pngHeaderOnly(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    DataOutputStream c = new DataOutputStream(chunk);
    c.write("IHDR".getBytes(StandardCharsets.US_ASCII));
    c.writeInt(width);
    c.writeInt(height);
    c.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB
    byte[] body = chunk.toByteArray();
    out.writeInt(body.length - 4);
    out.write(body);
    CRC32 crc = new CRC32();
    crc.update(body);
    out.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }
}
