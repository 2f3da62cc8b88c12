package org.cnnexplainer.viz.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.ops.ConvolutionElasticView;
import org.cnnexplainer.viz.ops.ConvolutionFormulaView;
import org.cnnexplainer.viz.ops.Explainable;
import org.cnnexplainer.viz.ops.FlattenView;
import org.cnnexplainer.viz.ops.OperationView;
import org.cnnexplainer.viz.ops.PoolingFormulaView;
import org.cnnexplainer.viz.ops.SoftmaxView;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Mouse;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

class ExplainerPanelTest {
  @Test
  void selectionOpensViewsAndClickAwayClosesInnermostFirst() {
    Network network = TestNetworks.tinyVgg(3, 24, 24, 4, 8);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 1));
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(trace);
          ExplainerPanel panel = new ExplainerPanel(state);
          List<ViewStack.Mode> modes = new ArrayList<>();
          panel.viewStack().addListener(t -> modes.add(t.to().mode()));
          Headless.paint(panel, 1200, 900);
          assertEquals(0.0, panel.room());

          state.setSelection(Selection.of(new NeuronRef(2, 1)));
          assertInstanceOf(ConvolutionElasticView.class, panel.outerView().get());
          assertEquals(1.0, panel.room(), "animation is off headless: final frame at once");
          ConvolutionElasticView elastic = (ConvolutionElasticView) panel.outerView().get();
          Headless.paint(panel, 1200, 900);
          var pair = elastic.hits().find(HitMap.Kind.INTERMEDIATE, 3).get().bounds();
          Mouse.click(elastic, pair.getCenterX(), pair.getCenterY());
          assertInstanceOf(ConvolutionFormulaView.class, panel.nestedView().get());
          assertEquals(elastic, panel.outerView().get(), "the elastic view is kept (no restart)");
          assertEquals(Optional.of(Explainable.CONVOLUTION), panel.concept());
          List<Object> explained = new ArrayList<>();
          panel.addPropertyChangeListener(
              Explainable.EXPLAIN_PROPERTY, e -> explained.add(e.getNewValue()));
          ConvolutionFormulaView formula = (ConvolutionFormulaView) panel.nestedView().get();
          Headless.paint(formula, 1000, 420);
          var info =
              formula.hits().find(HitMap.Kind.BUTTON, OperationView.INFO_BUTTON).get().bounds();
          Mouse.click(formula, info.getCenterX(), info.getCenterY());
          assertEquals(List.of(Explainable.CONVOLUTION), explained);
          assertEquals(Animator.isEnabled(), formula.isPlaying(), "info is not the play button");

          // Click on empty space in the overview clears the selection: the formula closes first
          // and the elastic view's neuron stays selected.
          state.setSelection(null);
          assertEquals(ViewStack.Mode.ELASTIC, panel.viewStack().state().mode());
          assertEquals(new NeuronRef(2, 1), state.selection().get().neuron());
          assertTrue(panel.nestedView().isEmpty());

          panel.closeInnermost(); // Esc
          assertTrue(state.selection().isEmpty());
          assertTrue(panel.outerView().isEmpty());
          assertEquals(0.0, panel.room());

          state.setSelection(
              new Selection(new NeuronRef(4, 2), new org.cnnexplainer.core.Position(3, 5)));
          assertInstanceOf(PoolingFormulaView.class, panel.outerView().get());
          PoolingFormulaView pool = (PoolingFormulaView) panel.outerView().get();
          assertEquals(
              3, pool.windowPosition().row(), "starts at the cell clicked in the overview");
          assertEquals(5, pool.windowPosition().column());
          state.setSelection(Selection.of(new NeuronRef(11, 6)));
          assertInstanceOf(FlattenView.class, panel.outerView().get());
          ((FlattenView) panel.outerView().get()).setSoftmaxOpen(false);
          panel.viewStack().clickSoftmax();
          assertInstanceOf(SoftmaxView.class, panel.nestedView().get());
          Headless.paint(panel, 1200, 900);
          assertEquals(
              List.of(
                  ViewStack.Mode.ELASTIC,
                  ViewStack.Mode.CONV_FORMULA,
                  ViewStack.Mode.ELASTIC,
                  ViewStack.Mode.OVERVIEW,
                  ViewStack.Mode.ACT_POOL,
                  ViewStack.Mode.FLATTEN,
                  ViewStack.Mode.SOFTMAX),
              modes);
        });
  }
}
