package org.cnnexplainer.viz.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.testing.Fixtures;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Shots;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every view open in the explainer panel at the sizes a learner's window gives it (1024×700 down to
 * 1920×1080 windows, less the toolbar, image strip and status bar, and the full windows for {@code
 * render}), in the light and the dark theme, for the bundled model, the original CNN Explainer
 * model and networks unlike both: no two painted texts overlap, every text lies inside the panel,
 * the card lies inside the panel and off the neuron it explains. With {@code -Dviz.shots=DIR} the
 * pictures are written there to look at.
 */
class UnfoldedLayoutTest {
  /** Window sizes, and what the app's toolbar, strip, menu and status bar leave of them. */
  static final int[][] SIZES = {
    {1024, 700 - 175}, {1280, 800 - 175}, {1600, 1000 - 175}, {1920, 1080 - 175}, {1024, 700}
  };

  @AfterEach
  void resetTheme() {
    UIManager.put(VizKeys.BACKGROUND, null);
    UIManager.put(VizKeys.FOREGROUND, null);
  }

  @Test
  void bundledModel() throws Exception {
    Path dir = Path.of("..", "models", "tiny-vgg-fashion");
    Network network = TfjsModel.load(dir.resolve("model.json"));
    ActivationTrace trace =
        network.trace(
            ImageInput.fromFile(dir.resolve("examples/sneaker_1.png"), network.inputShape()));
    checkEveryView(trace, "bundled");
  }

  @Test
  void originalModel() throws Exception {
    checkEveryView(Fixtures.original("espresso_1.jpeg"), "original");
  }

  /** Three input channels, 64 filters, non-square maps: the channels page, nothing overlaps. */
  @Test
  void manyChannelsAndNonSquareMaps() {
    Network network = TestNetworks.tinyVgg(3, 30, 44, 64, 5);
    checkEveryView(network.trace(TestNetworks.image(network.inputShape(), 3)), "wide64");
  }

  /** One input channel and four filters. */
  @Test
  void fewChannels() {
    Network network = TestNetworks.tinyVgg(1, 26, 26, 4, 8);
    checkEveryView(network.trace(TestNetworks.image(network.inputShape(), 2)), "narrow4");
  }

  private void checkEveryView(ActivationTrace trace, String model) {
    Network n = trace.network();
    Map<String, List<Object>> views = new LinkedHashMap<>();
    int conv1 = first(n, Conv2D.class, 0);
    int conv2 = first(n, Conv2D.class, 2); // the second block's first convolution
    int out = n.layers().size() - 1;
    views.put("overview", List.of());
    views.put("conv-first", List.of(new NeuronRef(conv1, 0)));
    views.put("conv", List.of(new NeuronRef(conv2, 1)));
    views.put("conv-formula", List.of(new NeuronRef(conv2, 1), "channel", 1));
    views.put("activation", List.of(new NeuronRef(first(n, ActivationLayer.class, 1), 2)));
    views.put("pool", List.of(new NeuronRef(first(n, Pooling2D.class, 0), 3)));
    views.put("flatten", List.of(new NeuronRef(out, trace.predicted().index())));
    views.put("softmax", List.of(new NeuronRef(out, trace.predicted().index()), "softmax"));
    views.put("flatten-last", List.of(new NeuronRef(out, n.outputShape().size() - 1)));
    for (boolean dark : new boolean[] {false, true}) {
      UIManager.put(VizKeys.BACKGROUND, dark ? new Color(0x2b2d30) : null);
      UIManager.put(VizKeys.FOREGROUND, dark ? new Color(0xdfe1e5) : null);
      for (int[] size : SIZES) {
        for (Map.Entry<String, List<Object>> view : views.entrySet()) {
          String name =
              model + "-" + view.getKey() + "-" + size[0] + "x" + size[1] + (dark ? "-dark" : "");
          BufferedImage image =
              Headless.onEdt(() -> paintAndCheck(trace, view.getValue(), size, name));
          try {
            Shots.save(image, name);
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
  }

  private static BufferedImage paintAndCheck(
      ActivationTrace trace, List<Object> open, int[] size, String name) {
    ExplainerState state = States.of(trace);
    ExplainerPanel panel = new ExplainerPanel(state);
    panel.addNotify();
    try {
      if (!open.isEmpty()) {
        state.setSelection(Selection.of((NeuronRef) open.get(0)));
        if (open.size() > 2 && open.get(1).equals("channel")) {
          panel.viewStack().clickChannel((Integer) open.get(2));
        } else if (open.size() > 1 && open.get(1).equals("softmax")) {
          panel.viewStack().clickSoftmax();
        }
      }
      BufferedImage image = Headless.paint(panel, size[0], size[1]);
      List<PaintedText> texts = panel.paintedTexts();
      assertFalse(texts.isEmpty(), name + ": no texts recorded");
      Rectangle2D bounds = new Rectangle2D.Double(-0.5, -0.5, size[0] + 1, size[1] + 1);
      for (PaintedText t : texts) {
        assertTrue(bounds.contains(t.bounds()), name + ": cut off at the panel's edge: " + t);
      }
      Optional<String> overlap = PaintedText.firstOverlap(texts, 0.5);
      assertTrue(overlap.isEmpty(), name + ": " + overlap.orElse(""));
      if (!open.isEmpty()) {
        assertTrue(panel.outerView().isPresent(), name + ": nothing opened");
        assertEquals(1.0, panel.room(), name + ": animation is off headless, so fully open");
      }
      panel
          .card()
          .ifPresent(
              card -> {
                Rectangle r = card.component().getBounds();
                assertTrue(
                    r.x >= 0 && r.y >= 0 && r.getMaxX() <= size[0] && r.getMaxY() <= size[1],
                    name + ": the card " + r + " is not inside " + size[0] + "x" + size[1]);
                Rectangle2D neuron = panel.cardAnchor().orElseThrow();
                assertFalse(
                    r.intersects(neuron),
                    name + ": the card " + r + " covers its neuron " + neuron);
              });
      return image;
    } finally {
      panel.removeNotify();
    }
  }

  /** The {@code nth} (from 0) layer of {@code kind}. */
  private static int first(Network n, Class<?> kind, int nth) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < n.layers().size(); i++) {
      if (kind.isInstance(n.layer(i))) {
        found.add(i);
      }
    }
    return found.get(Math.min(nth, found.size() - 1));
  }
}
