package org.cnnexplainer.viz.overview;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** Clicks on neurons reach listeners; selection changes made by code do not. */
class NeuronClickListenerTest {
  @Test
  void aClickIsReportedBeforeTheSelectionAndCanBeConsumed() {
    runOnEdt(
        () -> {
          Network network = SmallNetwork.create();
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(network);
          state.setTrace(network.trace(TestNetworks.image(network.inputShape(), 3)));
          NetworkOverview overview = new NetworkOverview(state);
          Headless.paint(overview, 1000, 600);
          NeuronRef pool = new NeuronRef(SmallNetwork.POOL, 3);
          Rectangle2D r = overview.hitMap().boundsOf(pool).orElseThrow();
          int x = (int) r.getCenterX();
          int y = (int) r.getCenterY();

          List<NeuronClickEvent> events = new ArrayList<>();
          List<Optional<Selection>> selectionWhenTold = new ArrayList<>();
          NeuronClickListener listener =
              e -> {
                events.add(e);
                selectionWhenTold.add(state.selection());
              };
          overview.addNeuronClickListener(listener);

          state.setSelection(Selection.of(new NeuronRef(SmallNetwork.CONV_A, 0)));
          assertEquals(List.of(), events, "a selection made by code is no click");

          MouseEvent click = click(overview, x, y);
          assertEquals(1, events.size());
          NeuronClickEvent event = events.get(0);
          assertSame(overview, event.getSource());
          assertEquals(pool, event.neuron());
          assertSame(click, event.mouseEvent());
          assertEquals(overview.hitMap().selectionAt(x, y), Optional.of(event.selection()));
          assertEquals(
              Optional.of(Selection.of(new NeuronRef(SmallNetwork.CONV_A, 0))),
              selectionWhenTold.get(0),
              "told before the selection changes");
          assertEquals(Optional.of(event.selection()), state.selection(), "then selected");

          overview.addNeuronClickListener(NeuronClickEvent::consume);
          state.setSelection(null);
          click(overview, x, y);
          assertEquals(2, events.size(), "both listeners told");
          assertEquals(Optional.empty(), state.selection(), "consumed: the overview left it");

          click(overview, 2, 2); // empty space
          assertEquals(2, events.size(), "only clicks on neurons");
          overview.removeNeuronClickListener(listener);
          click(overview, x, y);
          assertEquals(2, events.size());
        });
  }

  /** Delivers a click to the overview's own listeners (Swing's tool-tip manager needs a window). */
  private static MouseEvent click(NetworkOverview overview, int x, int y) {
    MouseEvent e =
        new MouseEvent(
            overview,
            MouseEvent.MOUSE_CLICKED,
            System.currentTimeMillis(),
            0,
            x,
            y,
            x,
            y,
            1,
            false,
            MouseEvent.BUTTON1);
    for (MouseListener l : overview.getMouseListeners()) {
      if (l.getClass().getName().startsWith(NetworkOverview.class.getName())) {
        l.mouseClicked(e);
      }
    }
    return e;
  }
}
