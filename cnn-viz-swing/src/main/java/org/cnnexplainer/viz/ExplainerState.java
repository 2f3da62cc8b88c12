package org.cnnexplainer.viz;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;
import org.cnnexplainer.viz.internal.ChangeBatcher;
import org.cnnexplainer.viz.internal.LatestOnly;

/**
 * The one observable model every CNN Explainer component shares: the network, the input image and
 * its trace, the selection, the hover, the colour-range mode, the palette and the detail toggle.
 *
 * <p>Threading: read and change it on the Swing event dispatch thread only; mutators throw {@link
 * IllegalStateException} elsewhere. {@link #setInput(Tensor)} computes the trace on a background
 * thread and installs it on the event thread, dropping results of older requests. Every mutator
 * that changes something fires one {@link StateEvent}; inside {@link #batch(Runnable)} the changes
 * are collected and fired as one event at the end.
 */
public final class ExplainerState {
  private final ChangeBatcher<StateProperty> changes = new ChangeBatcher<>(StateProperty.class);
  private final Map<StateListener, Consumer<Set<StateProperty>>> adapters = new IdentityHashMap<>();
  private final LatestOnly<ActivationTrace> traces;

  private Network network;
  private Tensor input;
  private ActivationTrace trace;
  private ActivationTrace reference;
  private Exception traceError;
  private boolean tracing;
  private Selection selection;
  private Selection hover;
  private RangeMode rangeMode = RangeMode.UNIT;
  private Palette palette = Palette.CLASSIC;
  private boolean detail = true;
  private LayerRanges ranges;

  /** A state that computes traces on a single daemon thread. */
  public ExplainerState() {
    this(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cnn-viz-trace");
              t.setDaemon(true);
              return t;
            }));
  }

  /** A state that computes traces on {@code background}. */
  public ExplainerState(Executor background) {
    this.traces = new LatestOnly<>(background, SwingUtilities::invokeLater);
  }

  /** Registers {@code listener} (see {@link StateListener} for the contract). */
  public void addListener(StateListener listener) {
    Objects.requireNonNull(listener, "listener");
    Consumer<Set<StateProperty>> adapter =
        changed -> listener.stateChanged(new StateEvent(this, changed));
    if (adapters.putIfAbsent(listener, adapter) == null) {
      changes.add(adapter);
    }
  }

  /** Removes {@code listener}; no effect if it was not registered. */
  public void removeListener(StateListener listener) {
    Consumer<Set<StateProperty>> adapter = adapters.remove(listener);
    if (adapter != null) {
      changes.remove(adapter);
    }
  }

  /** Runs {@code changes} and then fires at most one event for all of them (batches nest). */
  public void batch(Runnable batch) {
    requireEventThread();
    changes.batch(batch);
  }

  /** The network, or {@code null} before one is set. */
  public Network network() {
    return network;
  }

  /**
   * Shows {@code network} with nothing loaded: clears input, trace, selection and hover, and
   * discards traces still being computed.
   */
  public void setNetwork(Network network) {
    requireEventThread();
    traces.cancel();
    batch(
        () -> {
          this.network = network;
          mark(StateProperty.NETWORK);
          changeInput(null, null, null, false);
          setReference(null);
          setSelection(null);
          setHover(null);
        });
  }

  /** The current input image tensor, or {@code null}. */
  public Tensor input() {
    return input;
  }

  /** The trace of {@link #input()}, or {@code null} while none is available. */
  public ActivationTrace trace() {
    return trace;
  }

  /** Why the last trace failed, if it did. */
  public Optional<Exception> traceError() {
    return Optional.ofNullable(traceError);
  }

  /** Whether a trace for {@link #input()} is being computed. */
  public boolean isTracing() {
    return tracing;
  }

  /**
   * Sets a new input image and computes its trace in the background; until it arrives {@link
   * #trace()} still holds the previous trace (so views can animate the change).
   *
   * @throws IllegalStateException if no network is set
   * @throws IllegalArgumentException if the shape differs from the network's input shape
   */
  public void setInput(Tensor input) {
    requireEventThread();
    Network net = requireNetwork();
    if (!input.shape().equals(net.inputShape())) {
      throw new IllegalArgumentException(
          "network '"
              + net.name()
              + "' expects input "
              + net.inputShape()
              + ", got "
              + input.shape());
    }
    traceInBackground(net, input);
  }

  private void traceInBackground(Network net, Tensor in) {
    traces.submit(
        () -> net.trace(in),
        result -> batch(() -> changeInput(in, result, null, false)),
        error -> batch(() -> changeInput(in, null, error, false)));
    batch(() -> changeInput(in, trace, null, true));
  }

  /**
   * Replaces the network by {@code edited}, the same network with other weights (same layer names,
   * kinds and shapes): input, selection and hover stay; the trace of the input is recomputed in the
   * background, and until it arrives {@link #trace()} holds the previous network's. Fires {@link
   * StateProperty#WEIGHTS}.
   *
   * @throws IllegalStateException if no network is set
   * @throws IllegalArgumentException if {@code edited} has other layers or shapes
   */
  public void setEditedNetwork(Network edited) {
    requireEventThread();
    Network current = requireNetwork();
    if (!sameLayout(current, edited)) {
      throw new IllegalArgumentException(
          "network '"
              + edited.name()
              + "' is not an edited copy of '"
              + current.name()
              + "': its layers or shapes differ");
    }
    if (edited == current) {
      return;
    }
    batch(
        () -> {
          network = edited;
          mark(StateProperty.WEIGHTS);
          if (input != null) {
            traceInBackground(edited, input);
          }
        });
  }

  private static boolean sameLayout(Network a, Network b) {
    if (!a.inputShape().equals(b.inputShape()) || a.layers().size() != b.layers().size()) {
      return false;
    }
    for (int i = 0; i < a.layers().size(); i++) {
      if (!a.layer(i).name().equals(b.layer(i).name())
          || !a.layer(i).kind().equals(b.layer(i).kind())
          || !a.outputShape(i).equals(b.outputShape(i))) {
        return false;
      }
    }
    return a.classLabels().equals(b.classLabels());
  }

  /**
   * The trace shown for comparison next to {@link #trace()}, e.g. the unedited network's on the
   * same input (the output shows its probabilities as ghost bars), if any.
   */
  public Optional<ActivationTrace> reference() {
    return Optional.ofNullable(reference);
  }

  /**
   * Sets the comparison trace ({@code null}: none); it must be of the same kind of network as
   * {@link #network()} (same output size). Cleared by {@link #setNetwork}.
   *
   * @throws IllegalArgumentException if its output size differs from the network's
   */
  public void setReference(ActivationTrace reference) {
    requireEventThread();
    if (reference != null
        && (network == null || !reference.network().outputShape().equals(network.outputShape()))) {
      throw new IllegalArgumentException(
          "the reference trace's network has another output than the state's");
    }
    if (reference != this.reference) {
      this.reference = reference;
      markAndFlush(StateProperty.REFERENCE);
    }
  }

  /**
   * Installs a trace computed elsewhere (synchronously); its input becomes {@link #input()}.
   *
   * @throws IllegalArgumentException if the trace was not computed by {@link #network()}
   */
  public void setTrace(ActivationTrace trace) {
    requireEventThread();
    if (trace.network() != requireNetwork()) {
      throw new IllegalArgumentException("the trace was computed by another network");
    }
    traces.cancel();
    batch(() -> changeInput(trace.input(), trace, null, false));
  }

  private void changeInput(Tensor in, ActivationTrace tr, Exception error, boolean busy) {
    if (in != input) {
      input = in;
      mark(StateProperty.INPUT);
    }
    if (tr != trace || error != traceError || busy != tracing) {
      trace = tr;
      traceError = error;
      tracing = busy;
      ranges = null;
      mark(StateProperty.TRACE);
    }
  }

  /** The selected neuron, if any. */
  public Optional<Selection> selection() {
    return Optional.ofNullable(selection);
  }

  /** Selects a neuron ({@code null} clears the selection). */
  public void setSelection(Selection selection) {
    requireEventThread();
    if (!Objects.equals(selection, this.selection)) {
      this.selection = selection;
      markAndFlush(StateProperty.SELECTION);
    }
  }

  /** The neuron under the pointer, if any. */
  public Optional<Selection> hover() {
    return Optional.ofNullable(hover);
  }

  /** Sets the hovered neuron ({@code null}: nothing hovered). */
  public void setHover(Selection hover) {
    requireEventThread();
    if (!Objects.equals(hover, this.hover)) {
      this.hover = hover;
      markAndFlush(StateProperty.HOVER);
    }
  }

  /** A one-line description of the hovered neuron with its values, or empty. */
  public Optional<String> hoverText() {
    return hover().map(h -> NeuronInfo.describe(network, trace, h));
  }

  /** The colour-range mode (default {@link RangeMode#UNIT}). */
  public RangeMode rangeMode() {
    return rangeMode;
  }

  /** Changes the colour-range mode; every layer is recoloured. */
  public void setRangeMode(RangeMode mode) {
    requireEventThread();
    if (Objects.requireNonNull(mode, "mode") != rangeMode) {
      rangeMode = mode;
      ranges = null;
      markAndFlush(StateProperty.RANGE_MODE);
    }
  }

  /** The ranges of the current trace under the current mode, or {@code null} without a trace. */
  public LayerRanges ranges() {
    if (ranges == null && trace != null) {
      ranges = LayerRanges.of(trace, rangeMode);
    }
    return ranges;
  }

  /** The colour palette (default {@link Palette#CLASSIC}). */
  public Palette palette() {
    return palette;
  }

  /** Changes the colour palette. */
  public void setPalette(Palette palette) {
    requireEventThread();
    if (Objects.requireNonNull(palette, "palette") != this.palette) {
      this.palette = palette;
      markAndFlush(StateProperty.PALETTE);
    }
  }

  /** Whether details (long labels with shapes, legends) are shown; on by default. */
  public boolean isDetail() {
    return detail;
  }

  /** Shows or hides details. */
  public void setDetail(boolean detail) {
    requireEventThread();
    if (detail != this.detail) {
      this.detail = detail;
      markAndFlush(StateProperty.DETAIL);
    }
  }

  private Network requireNetwork() {
    if (network == null) {
      throw new IllegalStateException("set a network before an input or a trace");
    }
    return network;
  }

  private void mark(StateProperty property) {
    changes.mark(property);
  }

  private void markAndFlush(StateProperty property) {
    changes.changed(property);
  }

  private static void requireEventThread() {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException(
          "ExplainerState may only be changed on the Swing event dispatch thread"
              + " (use SwingUtilities.invokeLater)");
    }
  }
}
