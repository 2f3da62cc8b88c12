package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.cnnexplainer.viz.overview.OverviewBenchmark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} writes PNGs headless; bad options exit with 2, bad models with 3. */
class RenderCommandTest {
  @TempDir static Path dir;
  static Path modelDir;
  static Path image;
  static Network network;

  @BeforeAll
  static void saveModelAndImage() throws IOException {
    Random random = new Random(5);
    network =
        new Network(
            "render-test",
            Shape.image(3, 16, 16),
            List.of(
                new Conv2D(
                    "conv_1",
                    tensor(Shape.of(4, 3, 3, 3), random),
                    tensor(Shape.vector(4), random),
                    1,
                    1,
                    Padding.VALID,
                    Activation.LINEAR),
                new ActivationLayer("relu_1", Activation.RELU),
                new Pooling2D("pool_1", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID),
                new Flatten("flatten"),
                new Dense(
                    "output",
                    tensor(Shape.of(4 * 7 * 7, 3), random),
                    tensor(Shape.vector(3), random),
                    Activation.SOFTMAX)),
            List.of("cat", "dog", "bird"));
    modelDir = dir.resolve("model");
    TfjsModel.save(network, modelDir);
    BufferedImage picture = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        picture.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    image = dir.resolve("picture.png");
    ImageIO.write(picture, "png", image.toFile());
  }

  private static Tensor tensor(Shape shape, Random random) {
    float[] v = new float[shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian() * 0.5f;
    }
    return Tensor.of(shape, v);
  }

  @Test
  void writesTheOverviewAtTheRequestedSizeInTheRequestedTheme() throws IOException {
    Path light = dir.resolve("light.png");
    Path dark = dir.resolve("out/dark.png");
    CapturedRun a =
        run("render", "-m", modelDir.toString(), "--size", "800x450", "-o", light.toString());
    CapturedRun b =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "-i",
            image.toString(),
            "--size",
            "800x450",
            "--theme",
            "dark",
            "--range",
            "global",
            "--crisp",
            "-o",
            dark.toString());

    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    assertTrue(a.out().startsWith("wrote " + light + " (800x450"), a.out());
    BufferedImage lightImage = ImageIO.read(light.toFile());
    BufferedImage darkImage = ImageIO.read(dark.toFile());
    assertEquals(800, lightImage.getWidth());
    assertEquals(450, lightImage.getHeight());
    assertEquals(0xffffff, lightImage.getRGB(1, 1) & 0xffffff);
    assertEquals(0x1e1f22, darkImage.getRGB(1, 1) & 0xffffff);
  }

  @Test
  void aTraceChangesThePicture() throws IOException {
    Path empty = dir.resolve("empty.png");
    Path traced = dir.resolve("traced.png");
    run("render", "-m", modelDir.toString(), "--size", "600x400", "-o", empty.toString());
    CapturedRun r =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "--image",
            image.toString(),
            "--size",
            "600x400",
            "--colorblind",
            "--no-detail",
            "-o",
            traced.toString());
    assertEquals(0, r.code(), r.err());
    BufferedImage a = ImageIO.read(empty.toFile());
    BufferedImage b = ImageIO.read(traced.toFile());
    int differing = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
      }
    }
    assertTrue(differing > 1000, "heat-maps and bars drawn: " + differing + " pixels differ");
  }

  @Test
  void badOptionsAreUsageErrorsAndBadModelsExitWith3() {
    CapturedRun size = run("render", "-m", modelDir.toString(), "--size", "80x", "-o", "x.png");
    assertEquals(2, size.code());
    assertTrue(size.err().contains("--size must be WIDTHxHEIGHT"), size.err());
    CapturedRun range = run("render", "-m", modelDir.toString(), "--range", "local", "-o", "x.png");
    assertEquals(2, range.code());
    assertTrue(range.err().contains("--range must be unit, module or global"), range.err());
    CapturedRun model = run("render", "-m", dir.resolve("missing").toString(), "-o", "x.png");
    assertEquals(3, model.code(), model.err());
    assertNotEquals("", model.err());
  }

  @Test
  void renderBenchmarkReportsBothMedians() {
    OverviewBenchmark.Result result = RenderBenchmark.run(network, null);
    assertTrue(result.overviewPaintMedianMs() > 0);
    assertTrue(result.traceSwitchMedianMs() > 0);
    assertEquals(RenderBenchmark.RUNS, result.runs());
  }

  private static CapturedRun run(String... args) {
    return CapturedRun.of(Main::run, args);
  }
}
