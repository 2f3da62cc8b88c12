package org.cnnexplainer.viz.testing;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
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

  /** A state showing {@code network}'s trace of a seeded smooth image. */
  public static ExplainerState traced(Network network) {
    return of(network.trace(TestNetworks.image(network.inputShape(), 5)));
  }
}
