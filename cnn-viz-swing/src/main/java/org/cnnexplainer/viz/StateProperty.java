package org.cnnexplainer.viz;

/** The parts of an {@link ExplainerState} that a {@link StateEvent} can report as changed. */
public enum StateProperty {
  /** The network (a new network also clears input, trace, selection and hover). */
  NETWORK,
  /**
   * The network's weights were edited: {@code network()} is another network with the same layers
   * and shapes (see {@code NetworkEdit}); input, selection and hover stay, and the trace follows.
   */
  WEIGHTS,
  /** The reference trace, shown for comparison (the unedited network's, or a pinned image's). */
  REFERENCE,
  /** The input image tensor. */
  INPUT,
  /** The activation trace, or the trace error, or whether a trace is being computed. */
  TRACE,
  /** The selected neuron. */
  SELECTION,
  /** The hovered neuron. */
  HOVER,
  /** The colour-range mode. */
  RANGE_MODE,
  /** The detail toggle (long labels and legends). */
  DETAIL,
  /** The colour palette. */
  PALETTE
}
