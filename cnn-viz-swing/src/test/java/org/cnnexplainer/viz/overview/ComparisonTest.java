package org.cnnexplainer.viz.overview;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.junit.jupiter.api.Test;

/**
 * The overview compares the shown trace with the state's reference: difference mode colours each
 * map by (shown − reference) on the difference ranges, a pinned image shows as a second thumbnail
 * on the shown trace's scale. Pixel colours are reconciled with the core's outputs.
 */
class ComparisonTest {
  private static final Network NETWORK = SmallNetwork.create();
  private static final Tensor INPUT = SmallNetwork.input(1);
  private static final ActivationTrace ORIGINAL = NETWORK.trace(INPUT);
  private static final Network EDITED =
      NetworkEdit.scaleChannel(NETWORK.layer(SmallNetwork.CONV_A).name(), 0, -1.5f)
          .applyTo(NETWORK);
  private static final ActivationTrace EDITED_TRACE = EDITED.trace(INPUT);

  private static ExplainerState state(ActivationTrace shown, ActivationTrace reference) {
    ExplainerState state = new ExplainerState(Runnable::run);
    state.setNetwork(shown.network());
    state.setTrace(shown);
    state.setReference(reference);
    return state;
  }

  private static NetworkOverview crisp(ExplainerState state) {
    NetworkOverview overview = new NetworkOverview(state);
    overview.putClientProperty(VizKeys.CRISP_PIXELS, true);
    return overview;
  }

  private static String hex(int rgb) {
    return String.format("%06x", rgb & 0xffffff);
  }

  private static Tensor minus(Tensor a, Tensor b) {
    float[] d = new float[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.at(i) - b.at(i);
    }
    return Tensor.of(a.shape(), d);
  }

  /** The colour at the centre of cell {@code (row, col)} of a map painted into {@code r}. */
  private static int at(BufferedImage image, Rectangle2D r, Shape map, int row, int col) {
    int px = (int) (r.getX() + (col + 0.5) * r.getWidth() / map.width());
    int py = (int) (r.getY() + (row + 0.5) * r.getHeight() / map.height());
    return image.getRGB(px, py);
  }

  private static String texts(NetworkOverview overview) {
    StringBuilder all = new StringBuilder();
    for (PaintedText t : overview.paintedTexts()) {
      all.append(t.text()).append('\n');
    }
    return all.toString();
  }

  @Test
  void differenceModeColoursEachMapByEditedMinusOriginal() {
    runOnEdt(
        () -> {
          ExplainerState state = state(EDITED_TRACE, ORIGINAL);
          NetworkOverview overview = crisp(state);
          overview.setDifference(true);
          BufferedImage image = Headless.paint(overview, 1200, 700);
          assertTrue(
              texts(overview).contains("Difference: colour = edited − original network"),
              texts(overview));
          Tensor[] diffs = new Tensor[NETWORK.layers().size()];
          for (int i = 0; i < diffs.length; i++) {
            diffs[i] = minus(EDITED_TRACE.output(i), ORIGINAL.output(i));
          }
          LayerRanges ranges = LayerRanges.ofDifferences(NETWORK, i -> diffs[i], state.rangeMode());
          int checked = 0;
          for (int layer :
              new int[] {SmallNetwork.CONV_A, SmallNetwork.CONV_B, SmallNetwork.POOL}) {
            Shape shape = NETWORK.outputShape(layer);
            ColorScale scale =
                ColorScale.diverging(state.palette().activations(), ranges.range(layer));
            for (int n = 0; n < shape.channels(); n++) {
              Rectangle2D r = overview.hitMap().boundsOf(new NeuronRef(layer, n)).orElseThrow();
              for (int[] cell : new int[][] {{0, 0}, {shape.height() / 2, shape.width() / 3}}) {
                float d = diffs[layer].get(n, cell[0], cell[1]);
                assertEquals(
                    hex(scale.rgb(d)),
                    hex(at(image, r, shape, cell[0], cell[1])),
                    "layer " + layer + " node " + n + " cell " + cell[0] + "," + cell[1]);
                checked++;
              }
            }
          }
          assertTrue(checked >= 6);
          assertTrue(
              diffs[SmallNetwork.CONV_A].max() > 0 || diffs[SmallNetwork.CONV_A].min() < 0,
              "the edit changes conv_a");
          // The input is the same image: its difference is 0 everywhere, the scale's middle.
          Rectangle2D in = overview.hitMap().boundsOf(NeuronRef.input(0)).orElseThrow();
          assertEquals(
              hex(ColorScale.diverging(state.palette().activations(), 1).rgb(0)),
              hex(at(image, in, NETWORK.inputShape(), 3, 4)));

          // Off again: the maps show the edited network's activations.
          overview.setDifference(false);
          BufferedImage plain = Headless.paint(overview, 1200, 700);
          Shape shape = NETWORK.outputShape(SmallNetwork.CONV_A);
          Rectangle2D r =
              overview.hitMap().boundsOf(new NeuronRef(SmallNetwork.CONV_A, 0)).orElseThrow();
          assertEquals(
              hex(
                  ColorScale.diverging(
                          state.palette().activations(),
                          state.ranges().orElseThrow().range(SmallNetwork.CONV_A))
                      .rgb(EDITED_TRACE.output(SmallNetwork.CONV_A).get(0, 1, 2))),
              hex(at(plain, r, shape, 1, 2)));
          assertTrue(!texts(overview).contains("Difference:"));
        });
  }

  @Test
  void aPinnedImageShowsAsASecondThumbnailOnTheSameScale() {
    ActivationTrace pinned = NETWORK.trace(SmallNetwork.input(7));
    runOnEdt(
        () -> {
          ExplainerState state = state(ORIGINAL, pinned);
          NetworkOverview overview = crisp(state);
          BufferedImage image = Headless.paint(overview, 1200, 700);
          assertTrue(texts(overview).contains("this image (left)"), texts(overview));
          int layer = SmallNetwork.CONV_B;
          Shape shape = NETWORK.outputShape(layer);
          ColorScale scale =
              ColorScale.diverging(
                  state.palette().activations(), state.ranges().orElseThrow().range(layer));
          // The canvas: both maps side by side with a 1-pixel gap, centred vertically.
          int width = 2 * shape.width() + 1;
          int height =
              Math.max(
                  shape.height(),
                  (int) Math.round((double) width * shape.height() / shape.width()));
          int top = (height - shape.height()) / 2;
          Shape canvas = Shape.image(1, height, width);
          for (int n = 0; n < shape.channels(); n++) {
            Rectangle2D r = overview.hitMap().boundsOf(new NeuronRef(layer, n)).orElseThrow();
            for (int[] cell : new int[][] {{0, 0}, {shape.height() - 1, shape.width() / 2}}) {
              int row = top + cell[0];
              assertEquals(
                  hex(scale.rgb(ORIGINAL.output(layer).get(n, cell[0], cell[1]))),
                  hex(at(image, r, canvas, row, cell[1])),
                  "this image, node " + n);
              assertEquals(
                  hex(scale.rgb(pinned.output(layer).get(n, cell[0], cell[1]))),
                  hex(at(image, r, canvas, row, shape.width() + 1 + cell[1])),
                  "pinned image, node " + n);
            }
          }

          // Difference mode with a pinned image: this image − the pinned one, the input too.
          overview.setDifference(true);
          BufferedImage diff = Headless.paint(overview, 1200, 700);
          assertTrue(texts(overview).contains("this image − the pinned image"), texts(overview));
          Tensor inputDiff = minus(INPUT, pinned.input());
          double maxAbs = Math.max(Math.abs(inputDiff.min()), Math.abs(inputDiff.max()));
          Rectangle2D in = overview.hitMap().boundsOf(NeuronRef.input(2)).orElseThrow();
          assertEquals(
              hex(
                  ColorScale.diverging(state.palette().activations(), 2 * maxAbs)
                      .rgb(inputDiff.get(2, 5, 9))),
              hex(at(diff, in, NETWORK.inputShape(), 5, 9)));
        });
  }
}
