package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.swing.UIManager;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paints the overview of random Tiny-VGG-shaped networks at a few sizes; with {@code
 * -Dviz.shots=DIR} it also writes the PNGs there to look at.
 */
class OverviewScreenshotsTest {
  @ParameterizedTest
  @CsvSource({
    "3, 64, 64, 10, 1600, 900",
    "3, 64, 64, 10, 900, 560",
    "1, 28, 28, 6, 1600, 900",
    "1, 28, 28, 6, 700, 450",
    "3, 20, 24, 32, 1600, 900",
    "3, 20, 24, 32, 1000, 600"
  })
  void paintsEveryNeuron(int channels, int h, int w, int filters, int width, int height)
      throws IOException {
    Network network = TestNetworks.tinyVgg(channels, h, w, filters, 7);
    BufferedImage image =
        Headless.onEdt(
            () -> {
              ExplainerState state = new ExplainerState(Runnable::run);
              state.setNetwork(network);
              state.setTrace(network.trace(TestNetworks.image(network.inputShape(), 3)));
              NetworkOverview overview = new NetworkOverview(state);
              BufferedImage painted = Headless.paint(overview, width, height);
              int expected = channels + 10 * filters + 10;
              assertTrue(
                  overview.hitMap().entries().size() == expected,
                  "painted "
                      + overview.hitMap().entries().size()
                      + " neurons, expected "
                      + expected);
              return painted;
            });
    save(image, "overview-" + channels + "x" + h + "x" + w + "-f" + filters + "-" + width + ".png");
  }

  @Test
  void paintsDarkWithHoverSelectionAndShortLabels() throws IOException {
    Network network = TestNetworks.tinyVgg(3, 64, 64, 10, 7);
    BufferedImage image =
        Headless.onEdt(
            () -> {
              UIManager.put(VizKeys.BACKGROUND, new Color(0x1e1f22));
              UIManager.put(VizKeys.FOREGROUND, new Color(0xdfe1e5));
              try {
                ExplainerState state = new ExplainerState(Runnable::run);
                state.setNetwork(network);
                state.setTrace(network.trace(TestNetworks.image(network.inputShape(), 3)));
                state.setDetail(false);
                state.setHover(Selection.of(new NeuronRef(2, 4)));
                state.setSelection(Selection.of(new NeuronRef(network.layers().size() - 1, 6)));
                NetworkOverview overview = new NetworkOverview(state);
                BufferedImage painted = Headless.paint(overview, 1400, 800);
                int bg = painted.getRGB(2, 2) & 0xffffff;
                assertEquals(0x1e1f22, bg, "background from CnnViz.background");
                return painted;
              } finally {
                UIManager.put(VizKeys.BACKGROUND, null);
                UIManager.put(VizKeys.FOREGROUND, null);
              }
            });
    save(image, "overview-dark-hover-1400.png");
  }

  /** Writes {@code image} to the {@code viz.shots} folder when that property is set. */
  static void save(BufferedImage image, String name) {
    String dir = System.getProperty("viz.shots");
    if (dir != null) {
      try {
        new File(dir).mkdirs();
        ImageIO.write(image, "png", new File(dir, name));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
