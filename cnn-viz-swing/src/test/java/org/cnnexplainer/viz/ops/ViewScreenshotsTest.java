package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.swing.JComponent;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.panel.ExplainerPanel;
import org.cnnexplainer.viz.testing.Fixtures;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Shots;
import org.cnnexplainer.viz.testing.States;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paints every view for the original model and the 1-channel fixture, on light and dark
 * backgrounds; with {@code -Dviz.shots=DIR} writes the PNGs there to look at. Asserts each view
 * painted its interactive regions and more than one colour.
 */
class ViewScreenshotsTest {
  @AfterEach
  void resetTheme() {
    UIManager.put(VizKeys.BACKGROUND, null);
    UIManager.put(VizKeys.FOREGROUND, null);
  }

  static Map<String, Function<ExplainerState, JComponent>> views(Network n) {
    Map<String, Function<ExplainerState, JComponent>> views = new LinkedHashMap<>();
    int conv1 = n.indexOf("conv_1_1").getAsInt();
    int conv2 = n.indexOf("conv_1_2").getAsInt();
    int relu = n.indexOf("relu_1_1").getAsInt();
    int pool = n.indexOf("max_pool_1").getAsInt();
    views.put("elastic-first", s -> new ConvolutionElasticView(s, conv1, 0));
    views.put("elastic", s -> new ConvolutionElasticView(s, conv2, 2));
    views.put("formula-first", s -> new ConvolutionFormulaView(s, conv1, 1, 0));
    views.put("formula", s -> new ConvolutionFormulaView(s, conv2, 2, 1));
    views.put("relu", s -> new ActivationFormulaView(s, relu, 1));
    views.put("pool", s -> new PoolingFormulaView(s, pool, 1));
    views.put("flatten", s -> new FlattenView(s, s.trace().orElseThrow().predicted().index()));
    views.put("softmax", s -> new SoftmaxView(s, s.trace().orElseThrow().predicted().index()));
    return views;
  }

  private static void shoot(ActivationTrace trace, String prefix) throws IOException {
    for (Map.Entry<String, Function<ExplainerState, JComponent>> e :
        views(trace.network()).entrySet()) {
      BufferedImage image =
          Headless.onEdt(
              () -> {
                ExplainerState state = States.of(trace);
                JComponent view = e.getValue().apply(state);
                Dimension size = view.getPreferredSize();
                BufferedImage painted = Headless.paint(view, size.width, size.height);
                HitMap hits =
                    view instanceof StateView sv ? sv.hits() : ((SteppingView) view).hits();
                assertFalse(hits.regions().isEmpty(), e.getKey() + " recorded no regions");
                return painted;
              });
      assertTrue(distinctColours(image) > 10, e.getKey() + " painted almost nothing");
      Shots.save(image, prefix + "-" + e.getKey());
    }
  }

  static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void originalModel() throws Exception {
    shoot(Fixtures.original("espresso_1.jpeg"), "original");
  }

  @Test
  void grayscaleModelOnDark() throws Exception {
    ActivationTrace trace = Fixtures.grayscale();
    UIManager.put(VizKeys.BACKGROUND, new Color(0x2b2b2b));
    UIManager.put(VizKeys.FOREGROUND, new Color(0xdddddd));
    shoot(trace, "grayscale-dark");
  }

  @Test
  void panelWithOpenViews() throws Exception {
    ActivationTrace trace = Fixtures.original("espresso_1.jpeg");
    Network n = trace.network();
    String[][] cases = {{"conv_1_2", "2", "1"}, {"relu_1_1", "0", "-1"}, {"output", "6", "-2"}};
    for (String[] c : cases) {
      BufferedImage image =
          Headless.onEdt(
              () -> {
                ExplainerState state = States.of(trace);
                ExplainerPanel panel = new ExplainerPanel(state);
                Headless.paint(panel, 1400, 1000);
                state.setSelection(
                    org.cnnexplainer.viz.Selection.of(
                        new org.cnnexplainer.viz.NeuronRef(
                            n.indexOf(c[0]).getAsInt(), Integer.parseInt(c[1]))));
                int nested = Integer.parseInt(c[2]);
                if (nested >= 0) {
                  panel.viewStack().clickChannel(nested);
                } else if (nested == -2) {
                  panel.viewStack().clickSoftmax();
                }
                assertTrue(panel.outerView().isPresent());
                return Headless.paint(panel, 1400, 1000);
              });
      Shots.save(image, "panel-" + c[0]);
    }
  }

  @Test
  void fiveByFiveKernelsAndSixteenChannels() throws Exception {
    java.util.Random random = new java.util.Random(4);
    Network network =
        new Network(
            "wide",
            org.cnnexplainer.core.Shape.image(16, 12, 12),
            java.util.List.of(
                new org.cnnexplainer.core.layer.Conv2D(
                    "conv_wide",
                    org.cnnexplainer.core.testing.RandomTensors.gaussian(
                        org.cnnexplainer.core.Shape.of(2, 16, 5, 5), 0.1, random),
                    org.cnnexplainer.core.testing.RandomTensors.gaussian(
                        org.cnnexplainer.core.Shape.vector(2), 0.1, random),
                    1,
                    1,
                    org.cnnexplainer.core.Padding.SAME,
                    org.cnnexplainer.core.layer.Activation.RELU),
                new org.cnnexplainer.core.layer.Flatten("flatten"),
                new org.cnnexplainer.core.layer.Dense(
                    "output",
                    org.cnnexplainer.core.testing.RandomTensors.gaussian(
                        org.cnnexplainer.core.Shape.of(288, 2), 0.1, random),
                    org.cnnexplainer.core.testing.RandomTensors.gaussian(
                        org.cnnexplainer.core.Shape.vector(2), 0.1, random),
                    org.cnnexplainer.core.layer.Activation.SOFTMAX)),
            java.util.List.of("a", "b"));
    ActivationTrace trace =
        network.trace(org.cnnexplainer.viz.testing.TestNetworks.image(network.inputShape(), 1));
    for (boolean elastic : new boolean[] {false, true}) {
      BufferedImage image =
          Headless.onEdt(
              () -> {
                ExplainerState state = States.of(trace);
                JComponent view =
                    elastic
                        ? new ConvolutionElasticView(state, 0, 1)
                        : new ConvolutionFormulaView(state, 0, 1, 7);
                Dimension size = view.getPreferredSize();
                BufferedImage painted = Headless.paint(view, size.width, size.height);
                if (!elastic) {
                  HitMap hits = ((SteppingView) view).hits();
                  for (int c = 0; c < 16; c++) {
                    assertTrue(hits.text("channelSum " + c).isPresent(), "channel " + c);
                  }
                  assertTrue(hits.text("product 4 4").isPresent());
                }
                return painted;
              });
      Shots.save(image, elastic ? "wide-elastic" : "wide-formula");
    }
  }

  @Test
  void playground() throws Exception {
    for (ConvGeometry geo :
        new ConvGeometry[] {
          ConvGeometry.DEFAULT, new ConvGeometry(7, 1, 3, 2), new ConvGeometry(5, 0, 7, 1)
        }) {
      BufferedImage image =
          Headless.onEdt(
              () -> {
                HyperparameterPlayground p = new HyperparameterPlayground();
                p.setGeometry(geo);
                return Headless.paint(p, 780, 460);
              });
      Shots.save(
          image,
          "playground-"
              + geo.input()
              + "-"
              + geo.padding()
              + "-"
              + geo.kernel()
              + "-"
              + geo.stride());
    }
  }
}
