package org.cnnexplainer.viz.overview;

import java.awt.event.MouseEvent;
import java.util.EventObject;
import java.util.Objects;
import java.util.Optional;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;

/**
 * A click of the user on a neuron of a {@link NetworkOverview} (never fired for programmatic
 * selection changes). {@link #consume() Consuming} it keeps the overview from changing the
 * selection, for applications that react to clicks their own way.
 */
public final class NeuronClickEvent extends EventObject {
  private static final long serialVersionUID = 1L;

  private final transient Selection target;
  private final transient MouseEvent mouseEvent;
  private boolean consumed;

  /**
   * An event from {@code source}.
   *
   * @param source the overview clicked
   * @param target the neuron (and the cell of its map, if known) clicked
   * @param mouseEvent the click, for buttons, modifiers and click count
   */
  public NeuronClickEvent(NetworkOverview source, Selection target, MouseEvent mouseEvent) {
    super(source);
    this.target = Objects.requireNonNull(target, "target");
    this.mouseEvent = Objects.requireNonNull(mouseEvent, "mouseEvent");
  }

  /**
   * The overview clicked.
   *
   * @return the source
   */
  @Override
  public NetworkOverview getSource() {
    return (NetworkOverview) super.getSource();
  }

  /**
   * The neuron clicked.
   *
   * @return the neuron
   */
  public NeuronRef neuron() {
    return target.neuron();
  }

  /**
   * The cell of the neuron's map under the pointer, when the map is drawn large enough to tell.
   *
   * @return the cell, or empty
   */
  public Optional<Position> cell() {
    return target.cell();
  }

  /**
   * The selection the click asks for: the neuron and the cell.
   *
   * @return the neuron and cell as a selection
   */
  public Selection selection() {
    return target;
  }

  /**
   * The mouse event of the click.
   *
   * @return the mouse event
   */
  public MouseEvent mouseEvent() {
    return mouseEvent;
  }

  /** Keeps the overview from selecting (or deselecting) the neuron for this click. */
  public void consume() {
    consumed = true;
  }

  /**
   * Whether a listener {@linkplain #consume() consumed} the click.
   *
   * @return true when consumed
   */
  public boolean isConsumed() {
    return consumed;
  }
}
