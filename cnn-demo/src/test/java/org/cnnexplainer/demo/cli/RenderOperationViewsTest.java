package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.ops.ConvolutionFormulaView;
import org.cnnexplainer.viz.panel.ExplainerPanel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code render --view} paints every operation view; bad view options exit with 2. */
class RenderOperationViewsTest {
  @TempDir static Path dir;
  static Path modelDir;
  static Path image;
  static Network network;

  @BeforeAll
  static void saveModelAndImage() throws IOException {
    Random random = new Random(11);
    network =
        new Network(
            "views-test",
            Shape.image(1, 14, 14),
            List.of(
                new Conv2D(
                    "conv_1",
                    tensor(Shape.of(3, 1, 3, 3), random),
                    tensor(Shape.vector(3), random),
                    2,
                    2,
                    Padding.SAME,
                    Activation.LINEAR),
                new ActivationLayer("relu_1", Activation.RELU),
                new Pooling2D("pool_1", Pooling2D.Type.AVERAGE, 2, 2, 2, 2, Padding.VALID),
                new Flatten("flatten"),
                new Dense(
                    "output",
                    tensor(Shape.of(3 * 3 * 3, 4), random),
                    tensor(Shape.vector(4), random),
                    Activation.SOFTMAX)),
            List.of("a", "b", "c", "d"));
    modelDir = dir.resolve("model");
    TfjsModel.save(network, modelDir);
    BufferedImage picture = new BufferedImage(14, 14, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 14; y++) {
      for (int x = 0; x < 14; x++) {
        picture.setRGB(x, y, (x * 18) << 16 | (y * 18) << 8 | 90);
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

  @ParameterizedTest
  @ValueSource(strings = {"conv", "conv-formula", "activation", "pool", "flatten", "softmax"})
  void everyViewRenders(String view) throws IOException {
    Path out = dir.resolve(view + ".png");
    CapturedRun r =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "-i",
            image.toString(),
            "--view",
            view,
            "--neuron",
            "1",
            "--position",
            "2,2",
            "--fraction",
            "0.5",
            "--size",
            "1024x700",
            "-o",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(1024x700, " + view + ")"), r.out());
    BufferedImage picture = ImageIO.read(out.toFile());
    assertEquals(1024, picture.getWidth(), "exactly the size asked for");
    assertEquals(700, picture.getHeight());
  }

  @Test
  void playgroundNeedsNoImage() throws IOException {
    Path out = dir.resolve("playground.png");
    CapturedRun r =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "--view",
            "hyperparameters",
            "--playground",
            "7,1,3,2",
            "--position",
            "1,1",
            "--size",
            "800x500",
            "-o",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(800, ImageIO.read(out.toFile()).getWidth());
    assertEquals(500, ImageIO.read(out.toFile()).getHeight());
  }

  /** What render paints is what the app's explainer panel shows with that card open. */
  @Test
  void theFormulaPictureIsTheAppsPicture() throws Exception {
    Path out = dir.resolve("same.png");
    CapturedRun r =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "-i",
            image.toString(),
            "--view",
            "conv-formula",
            "--layer",
            "conv_1",
            "--neuron",
            "2",
            "--channel",
            "0",
            "--position",
            "4,6",
            "--size",
            "1024x700",
            "-o",
            out.toString());
    assertEquals(0, r.code(), r.err());
    BufferedImage cli = ImageIO.read(out.toFile());
    Network loaded = TfjsModel.load(modelDir);
    ActivationTrace trace = loaded.trace(ImageInput.fromFile(image, loaded.inputShape()));
    BufferedImage[] app = new BufferedImage[1];
    SwingUtilities.invokeAndWait(
        () -> {
          UIManager.put(VizKeys.BACKGROUND, Color.WHITE);
          UIManager.put(VizKeys.FOREGROUND, new Color(0x1e1e1e));
          try {
            ExplainerState state = new ExplainerState(Runnable::run);
            state.setNetwork(loaded);
            state.setTrace(trace);
            ExplainerPanel panel = new ExplainerPanel(state);
            panel.addNotify();
            state.setSelection(Selection.of(new NeuronRef(0, 2)));
            panel.viewStack().clickChannel(0);
            panel.setSize(1024, 700);
            panel.validate();
            ConvolutionFormulaView card = (ConvolutionFormulaView) panel.card().orElseThrow();
            card.setPlaying(false);
            card.setWindowPosition(new Position(4, 6));
            app[0] = new BufferedImage(1024, 700, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = app[0].createGraphics();
            panel.printAll(g);
            g.dispose();
            panel.removeNotify();
          } finally {
            UIManager.put(VizKeys.BACKGROUND, null);
            UIManager.put(VizKeys.FOREGROUND, null);
          }
        });
    int differing = 0;
    for (int y = 0; y < cli.getHeight(); y++) {
      for (int x = 0; x < cli.getWidth(); x++) {
        differing += (cli.getRGB(x, y) & 0xffffff) != (app[0].getRGB(x, y) & 0xffffff) ? 1 : 0;
      }
    }
    assertEquals(0, differing, "pixels that differ between render and the app's panel");
  }

  @Test
  void badViewOptionsAreUsageErrors() {
    CapturedRun view =
        run("render", "-m", modelDir.toString(), "--view", "convolution", "-o", "x.png");
    assertEquals(2, view.code());
    assertTrue(view.err().contains("conv-formula"), view.err());
    CapturedRun noImage = run("render", "-m", modelDir.toString(), "--view", "pool", "-o", "x.png");
    assertEquals(2, noImage.code());
    assertTrue(noImage.err().contains("needs --image"), noImage.err());
    CapturedRun layer =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "-i",
            image.toString(),
            "--view",
            "pool",
            "--layer",
            "relu_1",
            "-o",
            dir.resolve("x.png").toString());
    assertEquals(2, layer.code(), layer.err());
    assertTrue(layer.err().contains("expected a Pooling2D"), layer.err());
    CapturedRun position =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "-i",
            image.toString(),
            "--view",
            "activation",
            "--position",
            "40,0",
            "-o",
            dir.resolve("x.png").toString());
    assertEquals(2, position.code(), position.err());
    assertTrue(position.err().contains("outside"), position.err());
    CapturedRun playground =
        run(
            "render",
            "-m",
            modelDir.toString(),
            "--view",
            "hyperparameters",
            "--playground",
            "5,0",
            "-o",
            "x.png");
    assertEquals(2, playground.code());
  }

  private static CapturedRun run(String... args) {
    return CapturedRun.of(Main::run, args);
  }
}
