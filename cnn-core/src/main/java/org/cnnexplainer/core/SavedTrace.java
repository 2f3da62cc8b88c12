package org.cnnexplainer.core;

import java.util.Objects;

/**
 * A trace read back from the trace JSON format (see {@link TraceJson}), with the name of the input
 * it was computed for.
 *
 * @param inputName the input's name as written (for the {@code trace} command, the image path)
 * @param trace the trace, on the network it was read against
 */
public record SavedTrace(String inputName, ActivationTrace trace) {
  /**
   * Checks that both parts are present.
   *
   * @param inputName the input's name as written
   * @param trace the trace
   */
  public SavedTrace {
    Objects.requireNonNull(inputName, "inputName");
    Objects.requireNonNull(trace, "trace");
  }
}
