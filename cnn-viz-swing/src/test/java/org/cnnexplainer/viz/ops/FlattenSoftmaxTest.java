package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.DenseBreakdown;
import org.cnnexplainer.core.explain.FlattenMapping;
import org.cnnexplainer.core.explain.SoftmaxBreakdown;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Fixtures;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Mouse;
import org.cnnexplainer.viz.testing.OddNetworks;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

class FlattenSoftmaxTest {
  @Test
  void flattenOfTheOriginalModelShowsItsTerms() throws Exception {
    ActivationTrace trace = Fixtures.original("espresso_1.jpeg");
    int out = trace.network().layers().size() - 1;
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(trace);
          FlattenView view = new FlattenView(state, 6);
          Headless.paint(view, 760, 700);
          DenseBreakdown b = DenseBreakdown.of(trace, out, 6);
          assertEquals(DisplayNumbers.two(b.preActivation()), view.hits().text("logit").get());
          assertEquals(DisplayNumbers.two(b.bias()), view.hits().text("bias").get());
          assertEquals(DisplayNumbers.four(b.outputValue()), view.hits().text("probability").get());
          assertEquals(10, view.hits().all(HitMap.Kind.STRIP).size(), "all channels drawn");
          // Hover source pixel (row 4, col 7) of channel 9: its strip and its numbers.
          Rectangle2D tile = view.hits().find(HitMap.Kind.CHANNEL, 9).get().bounds();
          double cell = tile.getWidth() / 13;
          double x = tile.getX() + 7.5 * cell;
          double y = tile.getY() + 4.5 * cell;
          int position = view.positionAt(x, y).orElseThrow();
          assertEquals(9 * 169 + 4 * 13 + 7, position);
          Mouse.move(view, x, y);
          Headless.paint(view, 760, 700);
          FlattenMapping mapping = b.flatten().orElseThrow();
          int index = mapping.index(new Cell(9, 4, 7));
          assertEquals(index, b.inputAtDisplay(position));
          assertEquals(
              DisplayNumbers.four(b.inputs().at(index)), view.hits().text("hover value").get());
          assertEquals(
              DisplayNumbers.four(b.weights().at(index)), view.hits().text("hover weight").get());
          assertEquals(
              DisplayNumbers.four(b.products().at(index)), view.hits().text("hover product").get());
          // The strip at the same display position resolves to the same element.
          Rectangle2D strips = view.hits().find(HitMap.Kind.STRIP, 9).get().bounds();
          double sy = strips.getY() + (4 * 13 + 7 + 0.5) * strips.getHeight() / 169;
          assertEquals(position, view.positionAt(strips.getCenterX(), sy).orElseThrow());
          List<String> softmax = new ArrayList<>();
          view.setSoftmaxListener(() -> softmax.add("clicked"));
          Rectangle2D box = view.hits().find(HitMap.Kind.SOFTMAX_BUTTON, 0).get().bounds();
          Mouse.click(view, box.getCenterX(), box.getCenterY());
          assertEquals(List.of("clicked"), softmax);
          assertEquals(Explainable.FLATTEN, view.concept());
        });
  }

  @Test
  void softmaxShowsEveryTermAndLinksHover() throws Exception {
    ActivationTrace trace = Fixtures.original("espresso_1.jpeg");
    Headless.runOnEdt(
        () -> {
          SoftmaxView view = new SoftmaxView(States.of(trace), 6);
          Headless.paint(view, 900, 360);
          SoftmaxBreakdown b = SoftmaxBreakdown.of(trace);
          for (int i = 0; i < b.size(); i++) {
            String logit = DisplayNumbers.two(b.logits().at(i));
            assertEquals(logit, view.hits().text("term " + i).get());
            assertEquals(logit, view.hits().text("logit " + i).get());
          }
          assertEquals(DisplayNumbers.two(b.logits().at(6)), view.hits().text("numerator").get());
          assertEquals(
              DisplayNumbers.four(b.probability(6)), view.hits().text("probability").get());
          assertEquals(
              "= " + DisplayNumbers.compact(b.exp(6)) + " / " + DisplayNumbers.compact(b.expSum()),
              view.hits().text("ratio").get());
          // espresso p ≈ 0.880 (spec §2.9)
          assertEquals(0.880, b.probability(6), 0.01);
          assertEquals(OptionalInt.empty(), view.hoverClass(), "nothing hovered yet");
          Rectangle2D term = view.hits().find(HitMap.Kind.TERM, 3).get().bounds();
          Mouse.move(view, term.getCenterX(), term.getCenterY());
          assertEquals(OptionalInt.of(3), view.hoverClass());
          Headless.paint(view, 900, 360);
          assertTrue(
              view.hits().text("hover").get().contains(DisplayNumbers.four(b.logits().at(3))));
          Rectangle2D circle = view.hits().find(HitMap.Kind.LOGIT, 8).get().bounds();
          Mouse.move(view, circle.getCenterX(), circle.getCenterY());
          assertEquals(OptionalInt.of(8), view.hoverClass());
        });
  }

  @Test
  void termsFadeInSelectedFirst() {
    assertEquals(0.0, SoftmaxView.termAlpha(0, 2, 2, 4));
    assertEquals(1.0, SoftmaxView.termAlpha(0.25, 2, 2, 4));
    assertEquals(0.0, SoftmaxView.termAlpha(0.25, 0, 2, 4));
    assertEquals(0.6, SoftmaxView.termAlpha(0.4, 0, 2, 4), 1e-9);
    assertEquals(0.0, SoftmaxView.termAlpha(0.5, 3, 2, 4));
    for (int c = 0; c < 4; c++) {
      assertEquals(1.0, SoftmaxView.termAlpha(1, c, 2, 4));
    }
  }

  @Test
  void smallNetworkFlattenAndSoftmax() {
    Network network = OddNetworks.sameStrideAverage(9);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 9));
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(trace);
          FlattenView flatten = new FlattenView(state, 1);
          Headless.paint(flatten, 760, 400);
          DenseBreakdown b = DenseBreakdown.of(trace, OddNetworks.OUTPUT, 1);
          assertEquals(DisplayNumbers.two(b.preActivation()), flatten.hits().text("logit").get());
          assertEquals(4, flatten.hits().all(HitMap.Kind.STRIP).size());
          SoftmaxView softmax = new SoftmaxView(state, 1);
          softmax.setFraction(0);
          Headless.paint(softmax, 900, 300);
          assertEquals(
              DisplayNumbers.four(SoftmaxBreakdown.of(trace).probability(1)),
              softmax.hits().text("probability").get());
        });
  }
}
