package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.junit.jupiter.api.Test;

/** The live overview paints what the network overview paints for the same trace. */
class LiveOverviewTest {
  @Test
  void showsTheSamePictureAsTheNetworkOverview() {
    Network network = SmallNetwork.create();
    ActivationTrace trace = network.trace(SmallNetwork.input(3));
    int[] counts =
        Headless.onEdt(
            () -> {
              LiveOverview live = new LiveOverview();
              live.setTrace(trace);
              BufferedImage a = Headless.paint(live, 900, 500);
              ExplainerState state = new ExplainerState(Runnable::run);
              state.setNetwork(network);
              state.setTrace(trace);
              NetworkOverview overview = new NetworkOverview(state);
              overview.putClientProperty(VizKeys.CRISP_PIXELS, true);
              BufferedImage b = Headless.paint(overview, 900, 500);
              int different = 0;
              java.util.Set<Integer> colours = new java.util.HashSet<>();
              for (int y = 0; y < 500; y++) {
                for (int x = 0; x < 900; x++) {
                  colours.add(a.getRGB(x, y));
                  different += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
                }
              }
              return new int[] {different, colours.size()};
            });
    assertTrue(counts[1] > 50, "heat-maps, labels and edges are drawn: " + counts[1] + " colours");
    // Antialiased edges and scaled cells may differ by a shade where the overview draws through
    // its caches (0.6 % of the pixels here).
    assertTrue(counts[0] < 900 * 500 / 50, counts[0] + " pixels differ");
  }

  @Test
  void withoutATraceItShowsTheBackground() {
    int rgb =
        Headless.onEdt(
            () -> {
              LiveOverview live = new LiveOverview();
              assertTrue(live.trace().isEmpty());
              return Headless.paint(live, 200, 100).getRGB(100, 50);
            });
    assertEquals(VizStyle.fromUIManager().background().getRGB(), rgb);
  }
}
