package org.cnnexplainer.viz.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.ops.ActivationFormulaView;
import org.cnnexplainer.viz.ops.ConvolutionElasticView;
import org.cnnexplainer.viz.ops.ConvolutionFormulaView;
import org.cnnexplainer.viz.ops.SteppingView;
import org.cnnexplainer.viz.overview.Unfolding;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Mouse;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * The explanations open inside the overview: the overview unfolds for each kind of view, the
 * elastic view takes the pointer only where it painted, clicks on empty space, the card's close
 * button and Esc close the innermost view, a click on an input neuron of an open pair means its
 * partner, and the channels of a wide layer page by contribution.
 */
class UnfoldInteractionTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(3, 24, 24, 6, 4);
  private static final ActivationTrace TRACE =
      NETWORK.trace(TestNetworks.image(NETWORK.inputShape(), 1));

  @Test
  void eachViewUnfoldsTheOverviewItsWay() {
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(TRACE);
          ExplainerPanel panel = open(state);
          state.setSelection(Selection.of(new NeuronRef(2, 1)));
          assertEquals(Unfolding.Kind.CONVOLUTION, kind(panel));
          assertEquals(1.0, panel.overview().unfoldProgress(), "animation is off headless");
          state.setSelection(Selection.of(new NeuronRef(3, 4)));
          assertEquals(Unfolding.Kind.PAIR, kind(panel));
          int output = NETWORK.layers().size() - 1;
          state.setSelection(Selection.of(new NeuronRef(output, 2)));
          assertEquals(Unfolding.Kind.FLATTEN, kind(panel));
          panel.closeInnermost();
          assertTrue(panel.overview().unfolding().isEmpty());
          assertEquals(0.0, panel.overview().unfoldProgress());
          Headless.paint(panel, 1200, 650);
          assertEquals(
              1, componentsOf(panel), "the folded-away view was removed: only the overview");
        });
  }

  @Test
  void theElasticViewTakesThePointerOnlyWhereItPainted() {
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(TRACE);
          ExplainerPanel panel = open(state);
          state.setSelection(Selection.of(new NeuronRef(2, 1)));
          Headless.paint(panel, 1200, 650);
          ConvolutionElasticView elastic = (ConvolutionElasticView) panel.outerView().orElseThrow();
          Rectangle2D pair =
              elastic.hits().find(HitMap.Kind.INTERMEDIATE, 3).orElseThrow().bounds();
          assertTrue(elastic.contains((int) pair.getCenterX(), (int) pair.getCenterY()));
          assertFalse(elastic.contains(3, 3), "empty space belongs to the overview below");
          // A click on the pair opens its formula card beside the output neuron.
          Mouse.click(elastic, pair.getCenterX(), pair.getCenterY());
          ConvolutionFormulaView card = (ConvolutionFormulaView) panel.card().orElseThrow();
          assertEquals(3, card.channel());
          Headless.paint(panel, 1200, 650);
          assertFalse(card.getBounds().intersects(panel.cardAnchor().orElseThrow()));
          // A click on empty overview space closes the card first, then the view.
          Mouse.click(panel.overview(), 3, 3);
          assertTrue(panel.card().isEmpty());
          assertInstanceOf(ConvolutionElasticView.class, panel.outerView().orElseThrow());
          Mouse.click(panel.overview(), 3, 3);
          assertTrue(panel.outerView().isEmpty());
        });
  }

  @Test
  void theCardsCloseButtonClosesIt() {
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(TRACE);
          ExplainerPanel panel = open(state);
          state.setSelection(Selection.of(new NeuronRef(4, 2)));
          Headless.paint(panel, 1200, 650);
          SteppingView card = (SteppingView) panel.card().orElseThrow();
          assertEquals("Max pooling", card.hits().text("title").orElseThrow());
          Rectangle2D close =
              card.hits()
                  .find(HitMap.Kind.BUTTON, SteppingView.CLOSE_BUTTON)
                  .orElseThrow()
                  .bounds();
          Mouse.click(card, close.getCenterX(), close.getCenterY());
          assertTrue(panel.card().isEmpty());
          assertTrue(state.selection().isEmpty(), "the pooling card was the open view");
        });
  }

  @Test
  void aClickOnAnInputNeuronOfAnOpenPairMeansItsPartner() {
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(TRACE);
          ExplainerPanel panel = open(state);
          state.setSelection(Selection.of(new NeuronRef(3, 1))); // relu_1_2 of conv_1_2
          Headless.paint(panel, 1200, 650);
          Rectangle2D source =
              panel.overview().hitMap().boundsOf(new NeuronRef(2, 4)).orElseThrow();
          assertTrue(
              panel.overview().hitMap().boundsOf(new NeuronRef(0, 0)).isEmpty(),
              "veiled neurons do not react");
          Mouse.click(panel.overview(), source.getCenterX(), source.getCenterY());
          assertEquals(new NeuronRef(3, 4), state.selection().orElseThrow().neuron());
          assertInstanceOf(ActivationFormulaView.class, panel.card().orElseThrow());
        });
  }

  @Test
  void wideLayersPageTheirChannelsMostRelevantFirst() {
    Network wide = TestNetworks.tinyVgg(3, 24, 24, 48, 9);
    ActivationTrace trace = wide.trace(TestNetworks.image(wide.inputShape(), 2));
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(trace);
          ExplainerPanel panel = open(state);
          state.setSelection(Selection.of(new NeuronRef(2, 5)));
          Headless.paint(panel, 1024, 525);
          ConvolutionElasticView elastic = (ConvolutionElasticView) panel.outerView().orElseThrow();
          List<Integer> firstPage = channels(elastic);
          assertTrue(firstPage.size() < 48, "48 channels do not fit 525 px: " + firstPage.size());
          int[] ranked = ConvolutionNeuron.of(trace, 2, 5).channelsByContribution();
          for (int i = 0; i < firstPage.size(); i++) {
            assertEquals(ranked[i], firstPage.get(i), "row " + i);
          }
          assertEquals(
              "+ " + (48 - firstPage.size()) + " more", elastic.hits().text("pager").orElseThrow());
          Rectangle2D next =
              elastic
                  .hits()
                  .find(HitMap.Kind.BUTTON, ConvolutionElasticView.NEXT_PAGE)
                  .orElseThrow()
                  .bounds();
          Mouse.click(elastic, next.getCenterX(), next.getCenterY());
          assertEquals(1, elastic.page());
          Headless.paint(panel, 1024, 525);
          assertEquals(ranked[firstPage.size()], channels(elastic).get(0));
          assertTrue(
              elastic
                  .hits()
                  .find(HitMap.Kind.BUTTON, ConvolutionElasticView.PREVIOUS_PAGE)
                  .isPresent());
        });
  }

  private static List<Integer> channels(ConvolutionElasticView elastic) {
    List<Integer> shown = new ArrayList<>();
    elastic.hits().all(HitMap.Kind.INTERMEDIATE).forEach(r -> shown.add(r.index()));
    return shown;
  }

  private static ExplainerPanel open(ExplainerState state) {
    ExplainerPanel panel = new ExplainerPanel(state);
    panel.addNotify();
    panel.setSize(1200, 650);
    panel.validate();
    return panel;
  }

  private static Unfolding.Kind kind(ExplainerPanel panel) {
    return panel.overview().unfolding().orElseThrow().kind();
  }

  private static int componentsOf(ExplainerPanel panel) {
    int n = 0;
    for (Component c : panel.getComponents()) {
      n += c.isVisible() ? 1 : 0;
    }
    return n;
  }
}
