package org.cnnexplainer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a user may drop on the window: each is refused with an {@link InvalidImageException} that
 * names the file, or gives the picture a viewer would show.
 */
class HostileImageTest {
  private static final Shape RGB_4X4 = Shape.image(3, 4, 4);

  @TempDir Path tmp;

  private String assertRefused(Path file, String reason) {
    InvalidImageException e =
        assertThrows(InvalidImageException.class, () -> ImageInput.fromFile(file, RGB_4X4));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    return e.getMessage();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  private Path write(String name, RenderedImage image, String format) throws IOException {
    Path file = tmp.resolve(name);
    assertTrue(ImageIO.write(image, format, file.toFile()), format);
    return file;
  }

  private static float v(int sample) {
    return (float) (sample / 255.0);
  }

  @Test
  void emptyFile() throws IOException {
    assertRefused(write("empty.png", new byte[0]), "not an image in a format Java can read");
  }

  @Test
  void textWithAnImageExtension() throws IOException {
    byte[] html = "<html><body>not a photo</body></html>".getBytes(StandardCharsets.UTF_8);
    assertRefused(write("photo.jpg", html), "not an image in a format Java can read");
  }

  @Test
  void jpegCutInTheHeaderIsRefused() throws IOException {
    byte[] jpeg = Files.readAllBytes(write("full.jpg", noise(64, 64), "jpeg"));
    assertRefused(write("cut.jpg", Arrays.copyOf(jpeg, 300)), "cannot decode the JPEG image");
  }

  @Test
  void jpegCutInThePixelDataIsRefusedNotShownHalfGray() throws IOException {
    // ImageIO returns the decoded part and fills the rest with gray, with only a warning.
    byte[] jpeg = Files.readAllBytes(write("full.jpg", noise(64, 64), "jpeg"));
    Path cut = write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
    assertRefused(cut, "the JPEG image is truncated or damaged");
  }

  @Test
  void jpegMissingOnlyItsEndMarkerIsComplete() throws IOException {
    BufferedImage image = noise(4, 4);
    byte[] jpeg = Files.readAllBytes(write("full.jpg", image, "jpeg"));
    Path cut = write("no-eoi.jpg", Arrays.copyOf(jpeg, jpeg.length - 2));
    assertEquals(
        ImageInput.fromFile(tmp.resolve("full.jpg"), RGB_4X4), ImageInput.fromFile(cut, RGB_4X4));
  }

  @Test
  void pngClaiming60000By60000IsRefusedFromItsHeader() throws IOException {
    // Only the signature and IHDR: a reader that tried to decode would fail differently.
    Path file = write("huge.png", ImageInputTest.pngHeaderOnly(60_000, 60_000));
    assertRefused(file, "60000x60000 pixels, more than the limit of 100 megapixels");
  }

  @Test
  void cmykJpegShowsItsColours() throws IOException {
    // Adobe's convention, as in Photoshop files: stored = 255 - ink.
    int[][] inks = {{0, 0, 0, 0}, {0, 0, 0, 255}, {255, 0, 0, 0}, {0, 255, 0, 0}};
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 4, 4, null);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 16; x++) {
        int[] ink = inks[x / 4];
        cmyk.setPixel(x, y, new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]});
      }
    }
    Path file = tmp.resolve("cmyk.jpg");
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(new IIOImage(cmyk, null, null)); // a 4-band raster is written as CMYK
    } finally {
      writer.dispose();
    }
    Tensor t = ImageInput.fromFile(file, Shape.image(3, 4, 16));
    int[][] expectedRgb = {{255, 255, 255}, {0, 0, 0}, {0, 255, 255}, {255, 0, 255}};
    for (int block = 0; block < 4; block++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(
            v(expectedRgb[block][c]), t.get(c, 2, 4 * block + 1), 12 / 255f, "block " + block);
      }
    }
  }

  @Test
  void sixteenBitRgbPngIsScaledTo8Bits() throws IOException {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = cm.createCompatibleWritableRaster(3, 1);
    raster.setPixel(0, 0, new int[] {0, 65535, 257 * 100});
    raster.setPixel(1, 0, new int[] {65535, 0, 0});
    raster.setPixel(2, 0, new int[] {257 * 7, 257 * 200, 65535});
    Path file = write("rgb16.png", new BufferedImage(cm, raster, false, null), "png");
    Tensor t = ImageInput.fromFile(file, Shape.image(3, 1, 3));
    float[] expected = {v(0), v(255), v(7), v(255), v(0), v(200), v(100), v(0), v(255)};
    assertEquals(Tensor.of(Shape.image(3, 1, 3), expected), t);
  }

  @Test
  void sixteenBitGrayPngFromAFile() throws IOException {
    BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
    int[] samples = {0, 257 * 60, 65535};
    for (int x = 0; x < 3; x++) {
      image.getRaster().setSample(x, 0, 0, samples[x]);
    }
    Tensor t = ImageInput.fromFile(write("gray16.png", image, "png"), Shape.image(1, 1, 3));
    assertEquals(Tensor.of(Shape.image(1, 1, 3), v(0), v(60), v(255)), t);
  }

  @Test
  void palettePngWithTransparencyIsCompositedOntoWhite() throws IOException {
    byte[] r = {(byte) 255, 0, 0};
    byte[] g = {0, 0, 0};
    byte[] b = {0, (byte) 255, 0};
    byte[] a = {(byte) 255, 0, (byte) 128}; // red opaque, blue invisible, black half
    IndexColorModel palette = new IndexColorModel(2, 3, r, g, b, a);
    BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
    for (int x = 0; x < 3; x++) {
      image.getRaster().setSample(x, 0, 0, x);
    }
    Path file = write("palette.png", image, "png");
    Tensor t = ImageInput.fromFile(file, Shape.image(3, 1, 3));
    float half = (float) (255 * (1 - 128 / 255.0) / 255.0);
    float[] expected = {1, 1, half, 0, 1, half, 0, 1, half};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], t.at(i), 1e-6f, "value " + i);
    }
  }

  @Test
  void animatedGifGivesItsFirstFrame() throws IOException {
    Path file = tmp.resolve("animated.gif");
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int rgb : new int[] {0xff0000, 0x0000ff, 0x00ff00}) {
        writer.writeToSequence(new IIOImage(filled(4, 4, rgb), null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    Tensor t = ImageInput.fromFile(file, RGB_4X4);
    for (int i = 0; i < 16; i++) {
      assertEquals(1f, t.at(i));
      assertEquals(0f, t.at(16 + i));
      assertEquals(0f, t.at(32 + i));
    }
  }

  @Test
  void photoOf8000By6000IsDecodedSubsampled() throws IOException {
    // 48 megapixels, above the 16-megapixel decoding limit: every 2nd pixel, 4000x3000.
    BufferedImage image = new BufferedImage(8000, 6000, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < 6000; y++) {
      Arrays.fill(pixels, y * 8000 + 4000, (y + 1) * 8000, (byte) 200);
    }
    Path file = write("photo.jpg", image, "jpeg");
    BufferedImage decoded = ImageInput.read(file);
    assertEquals(4000, decoded.getWidth());
    assertEquals(3000, decoded.getHeight());
    Tensor t = ImageInput.fromFile(file, Shape.image(1, 6, 8));
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        assertEquals(x < 4 ? 0f : v(200), t.get(0, y, x), 2 / 255f, "at " + x + "," + y);
      }
    }
  }

  private static BufferedImage noise(int w, int h) {
    Random rng = new Random(4);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rng.nextInt(1 << 24));
      }
    }
    return image;
  }

  private static BufferedImage filled(int w, int h, int rgb) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }
}
