package org.cnnexplainer.viz.testing;

import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.testsupport.SharedFixtures;

/** Traces of the shared fixture models (skipping the test when the fixtures are absent). */
public final class Fixtures {
  /** The original's class order (spec §2.5); the fixture folder has no labels.json. */
  public static final List<String> LABELS =
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

  private Fixtures() {}

  /** The original CNN Explainer model on {@code img/<image>}. */
  public static ActivationTrace original(String image) throws Exception {
    Path model = SharedFixtures.require("fixtures/cnn-explainer/model.json");
    Path file = SharedFixtures.require("fixtures/cnn-explainer/img/" + image);
    Network network = TfjsModel.load(model).withClassLabels(LABELS);
    return network.trace(ImageInput.fromFile(file, network.inputShape()));
  }

  /** The Fashion-MNIST-shaped 1-channel fixture model on a smooth seeded image. */
  public static ActivationTrace grayscale() throws Exception {
    Path model = SharedFixtures.require("fixtures/tfjs/grayscale-28/model.json");
    Network network = TfjsModel.load(model);
    return network.trace(TestNetworks.image(network.inputShape(), 5));
  }
}
