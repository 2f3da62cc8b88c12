package org.cnnexplainer.viz.panel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.NeuronRef;

/**
 * Which operation view is open: the state machine of the original (spec §2.11). From the overview a
 * click opens exactly one of the elastic view (a Conv2D neuron), the activation/pooling view (an
 * Activation or pooling neuron) or the flatten view (a class output of the last Dense layer); the
 * convolution formula view nests in the elastic view and the softmax view in the flatten view.
 * Clicking the open neuron again, clicking away or pressing Esc closes the innermost view first.
 *
 * <p>Not thread-safe; use it on the event thread. Listeners hear every change as one {@link
 * Transition}, synchronously, in order.
 */
public final class ViewStack {
  /** The open view. */
  public enum Mode {
    /** Only the overview: no view is open. */
    OVERVIEW,
    /** The convolution elastic view of a Conv2D neuron, unfolded in the overview. */
    ELASTIC,
    /** The convolution formula card of one input channel, nested in the elastic view. */
    CONV_FORMULA,
    /** The formula card of an activation or pooling neuron, beside its source neuron. */
    ACT_POOL,
    /** The flatten elastic view of a class output, unfolded in the overview. */
    FLATTEN,
    /** The softmax card of a class output, nested in the flatten view. */
    SOFTMAX
  }

  /**
   * One state.
   *
   * @param mode the innermost open view
   * @param neuron the neuron of the outer view; empty in the overview
   * @param channel the input channel of the convolution formula view; empty in other modes
   */
  public record State(Mode mode, Optional<NeuronRef> neuron, OptionalInt channel) {
    /** The overview with nothing open. */
    public static final State OVERVIEW =
        new State(Mode.OVERVIEW, Optional.empty(), OptionalInt.empty());

    /**
     * Checks that the fields fit the mode.
     *
     * @param mode the innermost open view
     * @param neuron the neuron of the outer view; present exactly when a view is open
     * @param channel the input channel (0-based) of the convolution formula view; present exactly
     *     in {@link Mode#CONV_FORMULA}
     * @throws IllegalArgumentException if the neuron or channel does not fit the mode
     */
    public State {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(neuron, "neuron");
      Objects.requireNonNull(channel, "channel");
      if ((mode == Mode.OVERVIEW) == neuron.isPresent()) {
        throw new IllegalArgumentException("a neuron is required exactly when a view is open");
      }
      if ((mode == Mode.CONV_FORMULA) != (channel.isPresent() && channel.getAsInt() >= 0)) {
        throw new IllegalArgumentException("a channel is required exactly in CONV_FORMULA");
      }
    }

    /**
     * A view of {@code neuron} without a channel.
     *
     * @param mode the innermost open view, not {@code CONV_FORMULA} or {@code OVERVIEW}
     * @param neuron the neuron of the outer view
     * @return the state
     */
    public static State of(Mode mode, NeuronRef neuron) {
      return new State(mode, Optional.of(neuron), OptionalInt.empty());
    }

    /**
     * {@return the outer view's mode (ELASTIC for CONV_FORMULA, FLATTEN for SOFTMAX, else mode)}
     */
    public Mode outer() {
      return switch (mode) {
        case CONV_FORMULA -> Mode.ELASTIC;
        case SOFTMAX -> Mode.FLATTEN;
        default -> mode;
      };
    }
  }

  /** A change from {@code from} to {@code to}. */
  public record Transition(State from, State to) {}

  private final List<Consumer<Transition>> listeners = new CopyOnWriteArrayList<>();
  private State state = State.OVERVIEW;

  /** {@return the current state ({@link State#OVERVIEW} at first)} */
  public State state() {
    return state;
  }

  /**
   * Adds a listener told of every transition, synchronously, on the thread that made it.
   *
   * @param listener the listener
   */
  public void addListener(Consumer<Transition> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener; no effect if it was not added.
   *
   * @param listener the listener
   */
  public void removeListener(Consumer<Transition> listener) {
    listeners.remove(listener);
  }

  /**
   * The outer view a click on {@code neuron} opens.
   *
   * @param network the network shown
   * @param neuron the clicked neuron of {@code network}, or {@code null} for empty space
   * @return the mode of the view it opens, or {@link Mode#OVERVIEW} when it opens none (input
   *     channels, non-element-wise layers, Dense layers other than the last, {@code null})
   */
  public static Mode modeFor(Network network, NeuronRef neuron) {
    if (neuron == null || neuron.isInput()) {
      return Mode.OVERVIEW;
    }
    Layer layer = network.layer(neuron.layer());
    boolean last = neuron.layer() == network.layers().size() - 1;
    if (layer instanceof Conv2D) {
      return Mode.ELASTIC;
    }
    if (layer instanceof Pooling2D
        || (layer instanceof ActivationLayer a
            && a.activation().isElementwise()
            && network.outputShape(neuron.layer()).isImage())) {
      return Mode.ACT_POOL;
    }
    if (last && layer instanceof Dense) {
      return Mode.FLATTEN;
    }
    return Mode.OVERVIEW;
  }

  /**
   * A click on {@code neuron} in the overview: the open neuron again closes the innermost view;
   * another neuron opens its view (replacing the open one); a neuron without a view, or {@code
   * null} (empty space), closes the innermost view.
   *
   * @param network the network shown
   * @param neuron the clicked neuron of {@code network}, or {@code null} for empty space
   */
  public void clickNeuron(Network network, NeuronRef neuron) {
    Mode mode = modeFor(network, neuron);
    if (mode == Mode.OVERVIEW || state.neuron().equals(Optional.of(neuron))) {
      closeInnermost();
    } else {
      go(State.of(mode, neuron));
    }
  }

  /**
   * A click on input channel {@code channel}'s pair in the elastic view: opens its formula view,
   * switches to it from another channel, or closes it when it is open. Ignored outside the elastic
   * view.
   *
   * @param channel the input channel of the convolution, 0-based
   */
  public void clickChannel(int channel) {
    if (state.outer() != Mode.ELASTIC) {
      return;
    }
    if (state.mode() == Mode.CONV_FORMULA && state.channel().equals(OptionalInt.of(channel))) {
      go(new State(Mode.ELASTIC, state.neuron(), OptionalInt.empty()));
    } else {
      go(new State(Mode.CONV_FORMULA, state.neuron(), OptionalInt.of(channel)));
    }
  }

  /** A click on the softmax box of the flatten view: opens or closes the softmax view. */
  public void clickSoftmax() {
    if (state.mode() == Mode.FLATTEN) {
      go(new State(Mode.SOFTMAX, state.neuron(), OptionalInt.empty()));
    } else if (state.mode() == Mode.SOFTMAX) {
      go(new State(Mode.FLATTEN, state.neuron(), OptionalInt.empty()));
    }
  }

  /** Esc or a click on empty space: closes the innermost open view (no effect in the overview). */
  public void closeInnermost() {
    switch (state.mode()) {
      case CONV_FORMULA, SOFTMAX ->
          go(new State(state.outer(), state.neuron(), OptionalInt.empty()));
      case OVERVIEW -> {}
      default -> go(State.OVERVIEW);
    }
  }

  /** Closes everything. */
  public void reset() {
    go(State.OVERVIEW);
  }

  private void go(State next) {
    if (next.equals(state)) {
      return;
    }
    Transition t = new Transition(state, next);
    state = next;
    for (Consumer<Transition> l : listeners) {
      l.accept(t);
    }
  }
}
