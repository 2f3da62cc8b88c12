package org.cnnexplainer.viz.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** Range modes on a Tiny-VGG-shaped network (layers as in spec §2.1, flatten at index 10). */
class LayerRangesTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(3, 64, 64, 10, 11);
  private static final ActivationTrace TRACE =
      NETWORK.trace(TestNetworks.image(NETWORK.inputShape(), 5));

  /** The rule of spec §2.6, written out independently: 2 * (0.1 + round3(max |v|)). */
  private static double expectedUnit(String convName) {
    Tensor out = TRACE.output(convName);
    double maxAbs = Math.max(Math.abs(out.min()), Math.abs(out.max()));
    return 2 * (0.1 + Math.round(maxAbs * 1000) / 1000.0);
  }

  @Test
  void unitRangesComeFromEachConvAndAreReusedByItsReluAndPool() {
    LayerRanges ranges = LayerRanges.of(TRACE, RangeMode.UNIT);
    double r11 = expectedUnit("conv_1_1");
    double r12 = expectedUnit("conv_1_2");
    double r21 = expectedUnit("conv_2_1");
    double r22 = expectedUnit("conv_2_2");
    double[] expected = {r11, r11, r12, r12, r12, r21, r21, r22, r22, r22, 1, 1};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], ranges.range(i), 1e-9, NETWORK.layer(i).name());
    }
    assertEquals(
        List.of(
            new LayerRanges.Span(0, 1, r11),
            new LayerRanges.Span(2, 4, r12),
            new LayerRanges.Span(5, 6, r21),
            new LayerRanges.Span(7, 9, r22)),
        ranges.spans());
  }

  @Test
  void moduleRangeIsTheLargestUnitRangeUpToEachPool() {
    LayerRanges ranges = LayerRanges.of(TRACE, RangeMode.MODULE);
    double m1 = Math.max(expectedUnit("conv_1_1"), expectedUnit("conv_1_2"));
    double m2 = Math.max(expectedUnit("conv_2_1"), expectedUnit("conv_2_2"));
    for (int i = 0; i <= 4; i++) {
      assertEquals(m1, ranges.range(i), 1e-9, NETWORK.layer(i).name());
    }
    for (int i = 5; i <= 9; i++) {
      assertEquals(m2, ranges.range(i), 1e-9, NETWORK.layer(i).name());
    }
    assertEquals(1, ranges.range(11), 1e-9);
    assertEquals(
        List.of(new LayerRanges.Span(0, 4, m1), new LayerRanges.Span(5, 9, m2)), ranges.spans());
    assertEquals(expectedUnit("conv_2_1"), ranges.unitRange(5), 1e-9);
  }

  @Test
  void globalRangeIsTheLargestOfAll() {
    LayerRanges ranges = LayerRanges.of(TRACE, RangeMode.GLOBAL);
    double max = 0;
    for (String conv : List.of("conv_1_1", "conv_1_2", "conv_2_1", "conv_2_2")) {
      max = Math.max(max, expectedUnit(conv));
    }
    for (int i = 0; i <= 9; i++) {
      assertEquals(max, ranges.range(i), 1e-9, NETWORK.layer(i).name());
    }
    assertEquals(List.of(new LayerRanges.Span(0, 9, max)), ranges.spans());
  }
}
