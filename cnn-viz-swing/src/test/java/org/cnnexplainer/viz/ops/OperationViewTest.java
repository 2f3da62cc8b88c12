package org.cnnexplainer.viz.ops;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.panel.NeuronViews;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.cnnexplainer.viz.testing.States;
import org.junit.jupiter.api.Test;

/** The one contract an application drives every operation view through. */
class OperationViewTest {
  private static OperationView view(ExplainerState state, NeuronRef neuron) {
    return NeuronViews.create(state, neuron).orElseThrow();
  }

  @Test
  void everyViewNamesTheNeuronItExplainsAndIsItsOwnComponent() {
    runOnEdt(
        () -> {
          ExplainerState state = States.traced(SmallNetwork.create());
          for (NeuronRef neuron :
              new NeuronRef[] {
                new NeuronRef(SmallNetwork.CONV_A, 1),
                new NeuronRef(SmallNetwork.RELU_A, 0),
                new NeuronRef(SmallNetwork.POOL, 2),
                new NeuronRef(SmallNetwork.OUTPUT, 2)
              }) {
            OperationView view = view(state, neuron);
            assertEquals(Optional.of(neuron), view.neuron(), view.getClass().getSimpleName());
            assertSame(view, view.component());
          }
          SoftmaxView softmax = new SoftmaxView(state, 2);
          assertEquals(Optional.of(new NeuronRef(SmallNetwork.OUTPUT, 2)), softmax.neuron());
          assertFalse(view(state, new NeuronRef(SmallNetwork.OUTPUT, 2)).isAnimated(), "flatten");
        });
  }

  @Test
  void steppingCardsMapTheFractionToWindowPositionsInReadingOrder() {
    runOnEdt(
        () -> {
          ExplainerState state = States.traced(SmallNetwork.create());
          SteppingView card = (SteppingView) view(state, new NeuronRef(SmallNetwork.RELU_A, 0));
          int[] size = card.outputSize();
          assertTrue(card.isAnimated());
          card.setFraction(1);
          assertEquals(size[0] - 1, card.windowPosition().row());
          assertEquals(size[1] - 1, card.windowPosition().column());
          assertEquals(1.0, card.fraction());
          card.setFraction(0);
          assertEquals(0, card.windowPosition().row());
          assertEquals(0.0, card.fraction());
          card.step();
          assertEquals(1, card.windowPosition().column());
          assertEquals(1.0 / (size[0] * size[1] - 1), card.fraction(), 1e-12);
        });
  }

  @Test
  void onceOnlyAnimationsSkipToTheirEndWhenPausedOrStepped() {
    runOnEdt(
        () -> {
          ExplainerState state = States.traced(SmallNetwork.create());
          OperationView elastic = view(state, new NeuronRef(SmallNetwork.CONV_A, 1));
          assertTrue(elastic.isAnimated());
          elastic.setFraction(0.25);
          assertEquals(0.25, elastic.fraction());
          elastic.setPlaying(false);
          assertEquals(1.0, elastic.fraction());
          assertFalse(elastic.isPlaying());
          elastic.setFraction(0.5);
          elastic.step();
          assertEquals(1.0, elastic.fraction());
        });
  }
}
