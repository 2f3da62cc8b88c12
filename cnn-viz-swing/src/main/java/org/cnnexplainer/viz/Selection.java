package org.cnnexplainer.viz;

import java.util.Objects;
import java.util.Optional;
import org.cnnexplainer.core.Position;

/**
 * A neuron and, optionally, one cell of its feature map: what is selected (clicked) or hovered.
 *
 * @param neuron the neuron
 * @param cell the cell (row and column) within the neuron's map, or empty for the neuron as a whole
 */
public record Selection(NeuronRef neuron, Optional<Position> cell) {
  /**
   * Checks that both parts are given.
   *
   * @param neuron the neuron
   * @param cell the cell, or empty
   */
  public Selection {
    Objects.requireNonNull(neuron, "neuron");
    Objects.requireNonNull(cell, "cell (use Optional.empty() or Selection.of(neuron))");
  }

  /**
   * One cell of a neuron's map.
   *
   * @param neuron the neuron
   * @param cell the cell within its map (row and column of the neuron's output)
   */
  public Selection(NeuronRef neuron, Position cell) {
    this(neuron, Optional.of(Objects.requireNonNull(cell, "cell")));
  }

  /**
   * The whole neuron.
   *
   * @param neuron the neuron
   * @return a selection without a cell
   */
  public static Selection of(NeuronRef neuron) {
    return new Selection(neuron, Optional.empty());
  }
}
