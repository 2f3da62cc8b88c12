package org.cnnexplainer.viz.testing;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.viz.ExplainerState;

/** Explainer states for tests, notifying on the calling thread. */
public final class States {
  private States() {}

  /** A state showing {@code trace} of its network. */
  public static ExplainerState of(ActivationTrace trace) {
    ExplainerState state = new ExplainerState(Runnable::run);
    state.setNetwork(trace.network());
    state.setTrace(trace);
    return state;
  }
}
