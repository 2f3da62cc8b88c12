package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.color.RangeMode;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shared fixture model and the original model paint at several sizes, with and without a
 * trace, in every range mode, with one hit-map entry per shown neuron. With {@code -Dviz.shots=DIR}
 * the 1600 x 900 paints are written there.
 */
class FixtureModelsRenderTest {
  /** Spec §2.5. */
  private static final List<String> ORIGINAL_LABELS =
      List.of(
          "lifeboat",
          "ladybug",
          "pizza",
          "bell pepper",
          "school bus",
          "koala",
          "espresso",
          "red panda",
          "orange",
          "sport car");

  private static final int[][] SIZES = {{1600, 900}, {1024, 600}, {640, 400}, {400, 1000}};

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fixtures/tfjs/tiny-vgg-random/model.json",
        "fixtures/tfjs/varied/model.json",
        "fixtures/tfjs/functional-chain/model.json",
        "fixtures/tfjs/grayscale-28/model.json",
        "fixtures/cnn-explainer/model.json"
      })
  void rendersAtSeveralSizes(String model) throws IOException {
    Path file = SharedFixtures.require(model);
    boolean original = model.contains("cnn-explainer");
    Network loaded = TfjsModel.load(file);
    // The original's fixture has no labels.json; give it its class names for the pictures.
    Network network = original ? loaded.withClassLabels(ORIGINAL_LABELS) : loaded;
    var input =
        original
            ? ImageInput.fromFile(
                SharedFixtures.require("fixtures/cnn-explainer/img/espresso_1.jpeg"),
                network.inputShape())
            : TestNetworks.image(network.inputShape(), 1);
    int expected = shownNeurons(network);
    for (int[] size : SIZES) {
      Headless.runOnEdt(
          () -> {
            ExplainerState state = new ExplainerState(Runnable::run);
            state.setNetwork(network);
            NetworkOverview overview = new NetworkOverview(state);
            Headless.paint(overview, size[0], size[1]);
            assertEquals(expected, overview.hitMap().entries().size(), "structure only " + size[0]);
            state.setTrace(network.trace(input));
            for (RangeMode mode : RangeMode.values()) {
              state.setRangeMode(mode);
              state.setDetail(mode != RangeMode.MODULE);
              BufferedImage image = Headless.paint(overview, size[0], size[1]);
              assertEquals(expected, overview.hitMap().entries().size(), mode + " " + size[0]);
              if (mode == RangeMode.UNIT && size[0] >= 1024) {
                save(image, file.getParent().getFileName() + "-" + size[0] + ".png");
              }
            }
          });
    }
  }

  /** Input channels plus the channels or units of every layer the overview shows. */
  private static int shownNeurons(Network network) {
    Shape in = network.inputShape();
    int count = in.channels();
    for (int i = 0; i < network.layers().size(); i++) {
      Layer layer = network.layer(i);
      if (layer instanceof InputLayer || layer instanceof Flatten || layer instanceof Dropout) {
        continue;
      }
      Shape out = network.outputShape(i);
      count += out.isImage() ? out.channels() : out.size();
    }
    return count;
  }

  private static void save(BufferedImage image, String name) {
    String dir = System.getProperty("viz.shots");
    if (dir == null) {
      return;
    }
    try {
      new File(dir).mkdirs();
      ImageIO.write(image, "png", new File(dir, name.replaceAll("[^A-Za-z0-9_.-]", "_")));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
