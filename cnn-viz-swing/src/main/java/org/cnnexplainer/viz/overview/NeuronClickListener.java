package org.cnnexplainer.viz.overview;

import java.util.EventListener;

/**
 * Told when the user clicks a neuron of a {@link NetworkOverview}. Called on the event thread,
 * before the overview changes the selection (which it skips when the event is consumed); must not
 * block.
 */
@FunctionalInterface
public interface NeuronClickListener extends EventListener {
  /**
   * The user clicked a neuron.
   *
   * @param event the neuron, the cell and the mouse event
   */
  void neuronClicked(NeuronClickEvent event);
}
