package org.cnnexplainer.viz;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * thread and installs it on the event thread, dropping results of older requests; its future says
 * when (and with which trace). Every mutator that changes something fires one {@link StateEvent};
 * inside {@link #batch(Runnable)} the changes are collected and fired as one event at the end.
 *
 * <p>A state made with {@link #ExplainerState()} owns a background thread: {@link #close()} it when
 * done (a state made with an executor leaves the executor to its owner).
 */
public final class ExplainerState implements AutoCloseable {
  private final ChangeBatcher<StateProperty> changes = new ChangeBatcher<>(StateProperty.class);
  private final Map<StateListener, Consumer<Set<StateProperty>>> adapters = new IdentityHashMap<>();
  private final LatestOnly<ActivationTrace> traces;

  /** The executor this state created and so shuts down on close; null when it was given one. */
  private final ExecutorService ownExecutor;

  private volatile boolean closed;

  /** The future of the trace being computed, completed or cancelled when it is installed or not. */
  private volatile CompletableFuture<ActivationTrace> pending;

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

  /** A state that computes traces on its own daemon thread, ended by {@link #close()}. */
  public ExplainerState() {
    this(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cnn-viz-trace");
              t.setDaemon(true);
              return t;
            }),
        true);
  }

  /**
   * A state that computes traces on {@code background}, which stays the caller's: {@link #close()}
   * does not shut it down.
   *
   * @param background runs the traces
   */
  public ExplainerState(Executor background) {
    this(background, false);
  }

  private ExplainerState(Executor background, boolean owned) {
    this.traces = new LatestOnly<>(background, SwingUtilities::invokeLater);
    this.ownExecutor = owned ? (ExecutorService) background : null;
  }

  /**
   * Ends this state's background work: traces being computed are discarded (their futures
   * cancelled) and the state's own thread, if it has one, ends. Later calls to {@link #setInput}
   * throw; the rest of the state stays readable. May be called from any thread, more than once (the
   * pending future's dependents then run on that thread, as for any cancelled future).
   */
  @Override
  public void close() {
    closed = true;
    traces.cancel();
    supersedePending();
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return true after {@link #close()}
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Registers {@code listener} (see {@link StateListener} for the contract).
   *
   * @param listener the listener; added once however often this is called
   */
  public void addListener(StateListener listener) {
    Objects.requireNonNull(listener, "listener");
    Consumer<Set<StateProperty>> adapter =
        changed -> listener.stateChanged(new StateEvent(this, changed));
    if (adapters.putIfAbsent(listener, adapter) == null) {
      changes.add(adapter);
    }
  }

  /**
   * Removes {@code listener}; no effect if it was not registered.
   *
   * @param listener the listener
   */
  public void removeListener(StateListener listener) {
    Consumer<Set<StateProperty>> adapter = adapters.remove(listener);
    if (adapter != null) {
      changes.remove(adapter);
    }
  }

  /**
   * Runs {@code batch} and then fires at most one event for all of them (batches nest).
   *
   * @param batch the changes to make
   */
  public void batch(Runnable batch) {
    requireEventThread();
    changes.batch(batch);
  }

  /**
   * {@return the network shown, or empty before one is set (or after {@code setNetwork(null)})}
   * After {@link #setEditedNetwork} it is the edited network.
   */
  public Optional<Network> network() {
    return Optional.ofNullable(network);
  }

  /**
   * Shows {@code network} with nothing loaded: clears input, trace, selection and hover, and
   * discards traces still being computed.
   *
   * @param network the network to show, or {@code null} for none
   */
  public void setNetwork(Network network) {
    requireEventThread();
    traces.cancel();
    supersedePending();
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

  /**
   * {@return the current input image, shaped like the network's input; empty before one is set} It
   * is set as soon as {@link #setInput} is called, so while that trace is being computed it is
   * newer than {@link #trace()}'s input.
   */
  public Optional<Tensor> input() {
    return Optional.ofNullable(input);
  }

  /**
   * {@return the trace to show, or empty when there is none: before the first input, after a failed
   * trace (see {@link #traceError()}) and after {@link #setNetwork}} While {@link #setInput}
   * computes a new trace this still holds the previous one (so views can animate the change); it is
   * immutable and carries its own network and input, so a painter that reads only the trace sees
   * one consistent picture.
   */
  public Optional<ActivationTrace> trace() {
    return Optional.ofNullable(trace);
  }

  /**
   * Why the last trace failed, if it did.
   *
   * @return the error of the last trace, or empty
   */
  public Optional<Exception> traceError() {
    return Optional.ofNullable(traceError);
  }

  /**
   * Whether a trace for {@link #input()} is being computed.
   *
   * @return true while a trace is being computed
   */
  public boolean isTracing() {
    return tracing;
  }

  /**
   * Sets a new input image and computes its trace in the background; until it arrives {@link
   * #trace()} still holds the previous trace (so views can animate the change).
   *
   * @param input the input, shaped like the network's input
   * @return a future that completes, on the event thread, with the trace of this input once it is
   *     the state's {@link #trace()} (listeners have been told); completes exceptionally with the
   *     error when tracing fails (then {@link #traceError()} holds it too); is cancelled when a
   *     later {@code setInput}, {@link #setTrace}, {@link #setNetwork} or {@link #close()}
   *     supersedes it. Cancelling it does not stop the trace.
   * @throws IllegalStateException if no network is set or the state is closed
   * @throws IllegalArgumentException if the shape differs from the network's input shape
   */
  public CompletableFuture<ActivationTrace> setInput(Tensor input) {
    requireEventThread();
    if (closed) {
      throw new IllegalStateException("this ExplainerState is closed");
    }
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
    return traceInBackground(net, input);
  }

  /** Traces {@code in} on {@code net} in the background; see {@link #setInput}. */
  private CompletableFuture<ActivationTrace> traceInBackground(Network net, Tensor in) {
    supersedePending();
    CompletableFuture<ActivationTrace> future = new CompletableFuture<>();
    pending = future;
    try {
      traces.submit(
          () -> net.trace(in),
          result -> {
            batch(() -> changeInput(in, result, null, false));
            settle(future).complete(result);
          },
          error -> {
            batch(() -> changeInput(in, null, error, false));
            settle(future).completeExceptionally(error);
          });
    } catch (RejectedExecutionException e) {
      pending = null;
      throw new IllegalStateException("this ExplainerState is closed", e);
    }
    batch(() -> changeInput(in, trace, null, true));
    return future;
  }

  /** Forgets {@code future} as the pending one (it is being completed). */
  private CompletableFuture<ActivationTrace> settle(CompletableFuture<ActivationTrace> future) {
    if (pending == future) {
      pending = null;
    }
    return future;
  }

  /** Cancels the future of a trace that will now never be installed. */
  private void supersedePending() {
    CompletableFuture<ActivationTrace> superseded = pending;
    pending = null;
    if (superseded != null) {
      superseded.cancel(false);
    }
  }

  /**
   * Replaces the network by {@code edited}, the same network with other weights (same layer names,
   * kinds and shapes): input, selection and hover stay; the trace of the input is recomputed in the
   * background, and until it arrives {@link #trace()} holds the previous network's. Fires {@link
   * StateProperty#WEIGHTS}.
   *
   * @param edited the edited network (e.g. {@link EditHistory#current()}); the same object as the
   *     current network changes nothing
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
   * {@return the trace shown for comparison next to {@link #trace()}, e.g. the unedited network's
   * on the same input (the output shows its probabilities as ghost bars); empty when there is none}
   */
  public Optional<ActivationTrace> reference() {
    return Optional.ofNullable(reference);
  }

  /**
   * Sets the comparison trace ({@code null}: none); it must be of the same kind of network as
   * {@link #network()} (same output size). Cleared by {@link #setNetwork}.
   *
   * @param reference the comparison trace, or {@code null} for none
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
   * @param trace a trace computed by {@link #network()}
   * @throws IllegalArgumentException if the trace was not computed by {@link #network()}
   */
  public void setTrace(ActivationTrace trace) {
    requireEventThread();
    if (trace.network() != requireNetwork()) {
      throw new IllegalArgumentException("the trace was computed by another network");
    }
    traces.cancel();
    supersedePending();
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

  /**
   * The selected neuron, if any.
   *
   * @return the selection, or empty
   */
  public Optional<Selection> selection() {
    return Optional.ofNullable(selection);
  }

  /**
   * Selects a neuron ({@code null} clears the selection).
   *
   * @param selection the neuron (and cell) to select, or {@code null}
   */
  public void setSelection(Selection selection) {
    requireEventThread();
    if (!Objects.equals(selection, this.selection)) {
      this.selection = selection;
      markAndFlush(StateProperty.SELECTION);
    }
  }

  /**
   * The neuron under the pointer, if any.
   *
   * @return the hovered neuron, or empty
   */
  public Optional<Selection> hover() {
    return Optional.ofNullable(hover);
  }

  /**
   * Sets the hovered neuron ({@code null}: nothing hovered).
   *
   * @param hover the hovered neuron (and cell), or {@code null}
   */
  public void setHover(Selection hover) {
    requireEventThread();
    if (!Objects.equals(hover, this.hover)) {
      this.hover = hover;
      markAndFlush(StateProperty.HOVER);
    }
  }

  /**
   * A one-line description of the hovered neuron with its values, or empty.
   *
   * @return the description, or empty when nothing is hovered
   */
  public Optional<String> hoverText() {
    return hover().map(h -> NeuronInfo.describe(network, trace, h));
  }

  /**
   * The colour-range mode (default {@link RangeMode#UNIT}).
   *
   * @return the mode
   */
  public RangeMode rangeMode() {
    return rangeMode;
  }

  /**
   * Changes the colour-range mode; every layer is recoloured.
   *
   * @param mode the new mode
   */
  public void setRangeMode(RangeMode mode) {
    requireEventThread();
    if (Objects.requireNonNull(mode, "mode") != rangeMode) {
      rangeMode = mode;
      ranges = null;
      markAndFlush(StateProperty.RANGE_MODE);
    }
  }

  /**
   * {@return the colour ranges of {@link #trace()} under {@link #rangeMode()}, or empty without a
   * trace} Computed once per trace and mode.
   */
  public Optional<LayerRanges> ranges() {
    if (ranges == null && trace != null) {
      ranges = LayerRanges.of(trace, rangeMode);
    }
    return Optional.ofNullable(ranges);
  }

  /**
   * The colour palette (default {@link Palette#CLASSIC}).
   *
   * @return the palette
   */
  public Palette palette() {
    return palette;
  }

  /**
   * Changes the colour palette.
   *
   * @param palette the new palette
   */
  public void setPalette(Palette palette) {
    requireEventThread();
    if (Objects.requireNonNull(palette, "palette") != this.palette) {
      this.palette = palette;
      markAndFlush(StateProperty.PALETTE);
    }
  }

  /**
   * Whether details (long labels with shapes, legends) are shown; on by default.
   *
   * @return true when details are shown
   */
  public boolean isDetail() {
    return detail;
  }

  /**
   * Shows or hides details.
   *
   * @param detail true to show details
   */
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
