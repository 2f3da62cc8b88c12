package org.cnnexplainer.viz.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unit ranges of the original Tiny VGG for its example images equal spec §2.10 (espresso_1 is
 * §2.6's example), and Module / Global combine them as the original does. The spec's values come
 * from Pillow-decoded JPEGs; the JDK's decoder differs slightly, hence the tolerance.
 */
class OriginalModelRangesTest {
  private static final double TOLERANCE = 0.02;

  @ParameterizedTest(name = "{0}: {1} / {2} / {3} / {4}")
  @CsvSource({
    "espresso_1, 3.114, 5.644, 9.336, 11.518",
    "boat_1, 2.980, 4.416, 9.312, 11.692",
    "koala_1, 3.096, 4.128, 8.684, 8.882",
    "car_1, 4.110, 5.326, 10.510, 9.974",
    "orange_1, 2.934, 7.884, 13.852, 20.038"
  })
  void rangesMatchTheOriginal(String image, double r11, double r12, double r21, double r22)
      throws IOException {
    Path model = SharedFixtures.require("fixtures/cnn-explainer/model.json");
    Path file = SharedFixtures.require("fixtures/cnn-explainer/img/" + image + ".jpeg");
    Network network = TfjsModel.load(model);
    ActivationTrace trace = network.trace(ImageInput.fromFile(file, network.inputShape()));

    LayerRanges unit = LayerRanges.of(trace, RangeMode.UNIT);
    assertEquals(r11, unit.range(network.indexOf("conv_1_1").getAsInt()), TOLERANCE, "r11");
    assertEquals(
        r11, unit.range(network.indexOf("relu_1_1").getAsInt()), TOLERANCE, "relu_1_1 uses r11");
    assertEquals(r12, unit.range(network.indexOf("conv_1_2").getAsInt()), TOLERANCE, "r12");
    assertEquals(
        r12,
        unit.range(network.indexOf("max_pool_1").getAsInt()),
        TOLERANCE,
        "max_pool_1 uses r12");
    assertEquals(r21, unit.range(network.indexOf("conv_2_1").getAsInt()), TOLERANCE, "r21");
    assertEquals(r22, unit.range(network.indexOf("conv_2_2").getAsInt()), TOLERANCE, "r22");
    assertEquals(
        r22,
        unit.range(network.indexOf("max_pool_2").getAsInt()),
        TOLERANCE,
        "max_pool_2 uses r22");
    assertEquals(1, unit.range(network.indexOf("output").getAsInt()), 0);

    LayerRanges module = LayerRanges.of(trace, RangeMode.MODULE);
    assertEquals(
        Math.max(r11, r12), module.range(network.indexOf("relu_1_1").getAsInt()), TOLERANCE);
    // conv_2_1 must take the block's maximum too (the original left it stale when r22 > r21).
    assertEquals(
        Math.max(r21, r22), module.range(network.indexOf("conv_2_1").getAsInt()), TOLERANCE);
    assertEquals(2, module.spans().size());

    LayerRanges global = LayerRanges.of(trace, RangeMode.GLOBAL);
    double max = Math.max(Math.max(r11, r12), Math.max(r21, r22));
    assertEquals(max, global.range(network.indexOf("conv_1_1").getAsInt()), TOLERANCE);
    assertEquals(max, global.range(network.indexOf("max_pool_2").getAsInt()), TOLERANCE);
  }
}
