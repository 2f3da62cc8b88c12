package org.cnnexplainer.viz;

import java.util.Objects;
import java.util.Optional;
import org.cnnexplainer.core.Position;

/**
 * A neuron and, optionally, one cell of its feature map: what is selected (clicked) or hovered.
 *
 * @param neuron the neuron
 * @param position the cell within its map, or {@code null} for the neuron as a whole
 */
public record Selection(NeuronRef neuron, Position position) {
  /**
   * Checks that the neuron is given.
   *
   * @param neuron the neuron
   * @param position the cell, or {@code null}
   */
  public Selection {
    Objects.requireNonNull(neuron, "neuron");
  }

  /**
   * The whole neuron.
   *
   * @param neuron the neuron
   * @return a selection without a cell
   */
  public static Selection of(NeuronRef neuron) {
    return new Selection(neuron, null);
  }

  /**
   * The cell, if one was chosen.
   *
   * @return the cell, or empty
   */
  public Optional<Position> cell() {
    return Optional.ofNullable(position);
  }
}
