package org.cnnexplainer.viz.panel;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Optional;
import javax.swing.JComponent;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.ops.ActivationFormulaView;
import org.cnnexplainer.viz.ops.ConvolutionElasticView;
import org.cnnexplainer.viz.ops.FlattenView;
import org.cnnexplainer.viz.ops.PoolingFormulaView;
import org.cnnexplainer.viz.ops.StateView;
import org.cnnexplainer.viz.ops.SteppingView;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** The public factory of the view of a neuron, and views outliving their network. */
class NeuronViewsTest {
  @Test
  void eachNeuronGetsTheViewAClickInThePanelOpens() {
    runOnEdt(
        () -> {
          ExplainerState state = States.traced(SmallNetwork.create());
          assertInstanceOf(ConvolutionElasticView.class, view(state, SmallNetwork.CONV_A, 1));
          assertInstanceOf(ActivationFormulaView.class, view(state, SmallNetwork.RELU_A, 0));
          assertInstanceOf(PoolingFormulaView.class, view(state, SmallNetwork.POOL, 2));
          assertInstanceOf(FlattenView.class, view(state, SmallNetwork.OUTPUT, 2));
          assertEquals(Optional.empty(), NeuronViews.create(state, new NeuronRef(5, 0)), "flatten");
          assertEquals(Optional.empty(), NeuronViews.create(state, NeuronRef.input(0)));
          IllegalArgumentException outside =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> NeuronViews.create(state, new NeuronRef(9, 0)));
          assertEquals(
              "layer 9 does not exist: network 'small' has layers 0 to 6", outside.getMessage());
          ConvolutionElasticView conv =
              (ConvolutionElasticView) view(state, SmallNetwork.CONV_B, 1);
          assertEquals(SmallNetwork.CONV_B, conv.layerIndex());
          assertEquals(1, conv.filter());
          assertEquals(2, ((FlattenView) view(state, SmallNetwork.OUTPUT, 2)).classIndex());
        });
  }

  private static JComponent view(ExplainerState state, int layer, int neuron) {
    return NeuronViews.create(state, new NeuronRef(layer, neuron)).orElseThrow().component();
  }

  @Test
  void viewsKeptOnScreenGoBlankWhenTheStateSwitchesToASmallerNetwork() {
    runOnEdt(
        () -> {
          Network big = TestNetworks.tinyVgg(1, 28, 28, 6, 3); // 12 layers
          ExplainerState state = States.traced(big);
          StateView conv = (StateView) view(state, 7, 2); // conv_2_2
          SteppingView pool = (SteppingView) view(state, 9, 1); // max_pool_2
          StateView flatten = (StateView) view(state, 11, 3);
          Headless.paint(conv, 900, 600);
          Headless.paint(pool, 500, 400);
          Headless.paint(flatten, 900, 600);
          assertFalse(conv.hits().regions().isEmpty(), "painted before the switch");
          assertFalse(pool.hits().regions().isEmpty());

          Network small = SmallNetwork.create(); // 7 layers: index 7, 9 and 11 no longer exist
          state.setNetwork(small);
          state.setTrace(small.trace(TestNetworks.image(small.inputShape(), 6)));

          for (JComponent v : new JComponent[] {conv, pool, flatten}) {
            BufferedImage image = Headless.paint(v, 900, 600); // threw IndexOutOfBounds before
            int background = image.getRGB(450, 300);
            assertEquals(background, image.getRGB(200, 150), v.getClass() + " is blank");
          }
          assertFalse(conv.isAttached());
          assertFalse(pool.isAttached());
          assertTrue(conv.hits().regions().isEmpty(), "nothing to click in a blank view");
          assertTrue(pool.hits().regions().isEmpty());
          pool.step(); // the timer's step does nothing
          pool.setWindowPosition(new Position(0, 0));
        });
  }

  @Test
  void viewsFollowANetworkWithTheSameLayers() {
    runOnEdt(
        () -> {
          Network network = SmallNetwork.create();
          ExplainerState state = States.traced(network);
          StateView conv = (StateView) view(state, SmallNetwork.CONV_B, 1);
          Network relabelled = network.withClassLabels(java.util.List.of("x", "y", "z"));
          state.setNetwork(relabelled);
          state.setTrace(relabelled.trace(TestNetworks.image(relabelled.inputShape(), 6)));
          Headless.paint(conv, 900, 600);
          assertTrue(conv.isAttached(), "same layers, other labels: still its neuron");
          assertFalse(conv.hits().regions().isEmpty(), "and painted");
        });
  }
}
