package org.cnnexplainer.viz.ops;

import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.color.LayerRanges;

/**
 * What an operation view paints from: the shared state and the network the view was made for. Both
 * view base classes ({@link StateView}, {@link SteppingView}) detach the same way, so the rule
 * lives here once.
 */
final class ViewSource {
  private static final String NO_TRACE = "no trace to paint: check hasTrace() first";

  private final ExplainerState state;
  private final Network madeFor;

  ViewSource(ExplainerState state) {
    this.state = Objects.requireNonNull(state, "state");
    this.madeFor =
        state.network().orElseThrow(() -> new IllegalStateException("the state has no network"));
  }

  /** Whether the state's network still has the layers of the one the view was made for. */
  boolean isAttached() {
    return state.network().map(now -> SameLayers.same(madeFor, now)).orElse(false);
  }

  /** Whether there is something to paint: attached, and the state has a trace. */
  boolean hasTrace() {
    return isAttached() && state.trace().isPresent();
  }

  /** The state's network (with its current weights), or the one the view was made for if none. */
  Network network() {
    return state.network().orElse(madeFor);
  }

  /** The state's trace; paint code asks {@link #hasTrace()} first. */
  ActivationTrace trace() {
    return state.trace().orElseThrow(() -> new IllegalStateException(NO_TRACE));
  }

  /** The colour ranges of the state's trace; paint code asks {@link #hasTrace()} first. */
  LayerRanges ranges() {
    return state.ranges().orElseThrow(() -> new IllegalStateException(NO_TRACE));
  }
}
