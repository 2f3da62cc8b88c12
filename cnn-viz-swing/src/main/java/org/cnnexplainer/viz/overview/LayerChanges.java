package org.cnnexplainer.viz.overview;

import java.util.BitSet;
import org.cnnexplainer.core.ActivationTrace;

/**
 * Which layers differ between the shown trace and the state's reference trace of the same input,
 * for the marks beside the column labels: layers whose weights were edited (the edited network
 * shares every untouched layer, so a layer object that differs is an edited one) and layers whose
 * outputs changed.
 *
 * @param weights indices of layers whose weights differ
 * @param outputs indices of layers whose outputs differ
 */
record LayerChanges(BitSet weights, BitSet outputs) {
  /**
   * The changes between {@code shown} and {@code reference}, or null when there is no reference or
   * it is of another input (a pinned image) or another kind of network.
   */
  static LayerChanges of(ActivationTrace shown, ActivationTrace reference) {
    if (shown == null
        || reference == null
        || reference.input() != shown.input()
        || reference.size() != shown.size()) {
      return null;
    }
    BitSet weights = new BitSet();
    BitSet outputs = new BitSet();
    for (int i = 0; i < shown.size(); i++) {
      if (shown.network().layer(i) != reference.network().layer(i)) {
        weights.set(i);
      }
      if (!shown.output(i).equals(reference.output(i))) {
        outputs.set(i);
      }
    }
    return new LayerChanges(weights, outputs);
  }

  /** The tooltip's note for layer {@code layer}, or "". */
  String note(int layer) {
    if (layer < 0) {
      return ""; // the input column
    }
    return weights.get(layer)
        ? " (weights edited)"
        : outputs.get(layer) ? " (output changed by the edit)" : "";
  }
}
