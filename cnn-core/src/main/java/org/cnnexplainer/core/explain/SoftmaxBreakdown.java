package org.cnnexplainer.core.explain;

import java.util.List;
import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Layer;

/**
 * The network's final softmax, term by term, as the softmax formula view shows it:
 *
 * <pre>
 * max            = max_j logit[j]
 * shiftedExp[i]  = exp(logit[i] - max)                 (at most 1, never overflows)
 * probability[i] = shiftedExp[i] / sum_j shiftedExp[j]  = exp(logit[i]) / sum_j exp(logit[j])
 * </pre>
 *
 * All in double. {@link #exp(int)} gives the unshifted {@code exp(logit[i])} the formula is written
 * with; it overflows to infinity for logits above about 709 (see {@link #expFinite()}). Works
 * whether the softmax is fused into the last Dense layer or is a separate Activation layer. Vectors
 * have one entry per class.
 */
public final class SoftmaxBreakdown {
  private final int layerIndex;
  private final List<String> labels;
  private final Tensor logits;
  private final double max;
  private final double[] shiftedExp;
  private final double shiftedSum;
  private final Tensor output;

  private SoftmaxBreakdown(ActivationTrace trace, Tensor logits) {
    this.layerIndex = trace.size() - 1;
    this.labels = trace.network().classLabels();
    this.logits = logits;
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.size(); i++) {
      m = Math.max(m, logits.at(i));
    }
    this.max = m;
    this.shiftedExp = new double[logits.size()];
    double sum = 0;
    for (int i = 0; i < shiftedExp.length; i++) {
      shiftedExp[i] = Math.exp(logits.at(i) - m);
      sum += shiftedExp[i];
    }
    this.shiftedSum = sum;
    this.output = trace.probabilities();
  }

  /**
   * {@return the softmax at the end of {@code trace}'s network}
   *
   * @param trace the traced forward pass to explain (its network, input and every layer's output)
   * @throws IllegalArgumentException if the network does not end in a softmax
   */
  public static SoftmaxBreakdown of(ActivationTrace trace) {
    Objects.requireNonNull(trace, "trace");
    Network network = trace.network();
    Tensor logits =
        trace
            .logits()
            .orElseThrow(
                () -> {
                  Layer last = network.layer(network.layers().size() - 1);
                  return new IllegalArgumentException(
                      "network '"
                          + network.name()
                          + "' does not end in a softmax: its last layer is "
                          + last
                          + "; expected a Dense layer with activation softmax or an Activation"
                          + " layer with softmax");
                });
    return new SoftmaxBreakdown(trace, logits);
  }

  /** {@return the index of the layer that applies the softmax (the last layer)} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the number of classes} */
  public int size() {
    return logits.size();
  }

  /**
   * {@return the label of class {@code i}}
   *
   * @param i the class, from 0 to {@link #size()} - 1
   */
  public String label(int i) {
    check(i);
    return labels.get(i);
  }

  /** {@return the logits, {@code (classes)}, as the network computed them} */
  public Tensor logits() {
    return logits;
  }

  /** {@return the largest logit, subtracted before exponentiating} */
  public double maxLogit() {
    return max;
  }

  /**
   * {@return {@code exp(logit[i] - max)}, in (0, 1]}
   *
   * @param i the class, from 0 to {@link #size()} - 1
   */
  public double shiftedExp(int i) {
    check(i);
    return shiftedExp[i];
  }

  /** {@return {@code sum_j exp(logit[j] - max)}, at least 1} */
  public double shiftedSum() {
    return shiftedSum;
  }

  /**
   * {@return {@code exp(logit[i])} unshifted; positive infinity when it overflows a double}
   *
   * @param i the class, from 0 to {@link #size()} - 1
   */
  public double exp(int i) {
    check(i);
    return Math.exp(logits.at(i));
  }

  /** {@return {@code sum_j exp(logit[j])}; positive infinity when a term overflows} */
  public double expSum() {
    double sum = 0;
    for (int i = 0; i < size(); i++) {
      sum += Math.exp(logits.at(i));
    }
    return sum;
  }

  /**
   * {@return true when every {@link #exp(int)} and their sum are finite and the sum is positive}
   */
  public boolean expFinite() {
    double sum = expSum();
    return Double.isFinite(sum) && sum > 0;
  }

  /**
   * {@return {@code shiftedExp(i) / shiftedSum()}}
   *
   * @param i the class, from 0 to {@link #size()} - 1
   */
  public double probability(int i) {
    check(i);
    return shiftedExp[i] / shiftedSum;
  }

  /**
   * {@return the probability of class {@code i} the network computed}
   *
   * @param i the class, from 0 to {@link #size()} - 1
   */
  public float output(int i) {
    check(i);
    return output.at(i);
  }

  private void check(int i) {
    Checks.index("classIndex", i, size(), "the " + size() + " classes");
  }
}
