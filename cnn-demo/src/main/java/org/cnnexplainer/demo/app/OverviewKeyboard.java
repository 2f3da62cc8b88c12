package org.cnnexplainer.demo.app;

import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.swing.AbstractAction;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * Keyboard use of the overview: the arrows move a cursor (shown as the hover) between neurons —
 * left/right across layers, up/down within one — Enter opens the neuron's view. The overview's
 * accessible description follows the cursor, so a screen reader reads the focused neuron.
 */
final class OverviewKeyboard {
  private final NetworkOverview overview;
  private final ExplainerState state;

  private OverviewKeyboard(NetworkOverview overview) {
    this.overview = overview;
    this.state = overview.state();
  }

  /**
   * Binds the keys on {@code overview}. The cursor is the state's hover, so the overview's
   * accessible description (which follows the hover) names the focused neuron.
   */
  static void install(NetworkOverview overview) {
    new OverviewKeyboard(overview).bind();
  }

  private void bind() {
    overview.setFocusable(true);
    InputMap keys = overview.getInputMap(JComponent.WHEN_FOCUSED);
    bind(keys, KeyEvent.VK_LEFT, "cnn-left", -1, 0);
    bind(keys, KeyEvent.VK_RIGHT, "cnn-right", 1, 0);
    bind(keys, KeyEvent.VK_UP, "cnn-up", 0, -1);
    bind(keys, KeyEvent.VK_DOWN, "cnn-down", 0, 1);
    keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "cnn-open");
    keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "cnn-open");
    overview
        .getActionMap()
        .put(
            "cnn-open",
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                state.hover().ifPresent(h -> state.setSelection(Selection.of(h.neuron())));
              }
            });
    overview.addFocusListener(
        new FocusAdapter() {
          @Override
          public void focusGained(FocusEvent e) {
            if (state.hover().isEmpty()) {
              move(0, 0);
            }
          }
        });
  }

  private void bind(InputMap keys, int key, String name, int dLayer, int dNeuron) {
    keys.put(KeyStroke.getKeyStroke(key, 0), name);
    overview
        .getActionMap()
        .put(
            name,
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                move(dLayer, dNeuron);
              }
            });
  }

  /** Moves the cursor by whole columns and rows of the last painted overview. */
  void move(int dLayer, int dNeuron) {
    List<List<NeuronRef>> columns = columns(overview.hitMap());
    if (columns.isEmpty()) {
      return;
    }
    NeuronRef at =
        state.hover().or(state::selection).map(Selection::neuron).orElse(columns.get(0).get(0));
    int column = 0;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).get(0).layer() == at.layer()) {
        column = i;
      }
    }
    column = Math.max(0, Math.min(columns.size() - 1, column + dLayer));
    List<NeuronRef> neurons = columns.get(column);
    int row = Math.max(0, Math.min(neurons.size() - 1, at.neuron() + dNeuron));
    Selection target = Selection.of(neurons.get(row));
    state.setHover(target);
    overview
        .hitMap()
        .boundsOf(target.neuron())
        .ifPresent(b -> overview.scrollRectToVisible(b.getBounds()));
  }

  private static List<List<NeuronRef>> columns(HitMap hits) {
    TreeMap<Integer, List<NeuronRef>> byLayer = new TreeMap<>();
    for (HitMap.Entry entry : hits.entries()) {
      byLayer.computeIfAbsent(entry.neuron().layer(), k -> new ArrayList<>()).add(entry.neuron());
    }
    byLayer.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.neuron(), b.neuron())));
    return new ArrayList<>(byLayer.values());
  }
}
