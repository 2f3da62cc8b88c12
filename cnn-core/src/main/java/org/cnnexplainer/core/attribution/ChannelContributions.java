package org.cnnexplainer.core.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;

/**
 * Which convolution channels contribute most to one class's logit {@code S_c}, for "what if I
 * silenced it?" experiments. A channel {@code k} of a Conv2D layer with output maps {@code A}
 * contributes by gradient × activation,
 *
 * <pre>  contribution(k) = Σ_ij dS_c/dA_kij · A_kij</pre>
 *
 * the first-order (Taylor) estimate of how much {@code S_c} drops when the channel is silenced
 * ({@link NetworkEdit#zeroChannel}: kernel slice and bias 0, so {@code A_k = 0}). One backward pass
 * ranks every channel of every Conv2D layer; {@link Channel#logitDrop} then measures the exact drop
 * by tracing the silenced network.
 */
public final class ChannelContributions {
  private ChannelContributions() {}

  /**
   * One channel and its contribution.
   *
   * @param layer the Conv2D layer's name
   * @param layerIndex its index in the network
   * @param channel the output channel (filter)
   * @param contribution {@code Σ dS_c/dA · A} over the channel's map
   */
  public record Channel(String layer, int layerIndex, int channel, float contribution) {
    /** {@return the edit that silences this channel} */
    public NetworkEdit silence() {
      return NetworkEdit.zeroChannel(layer, channel);
    }

    /**
     * {@return how much class {@code classIndex}'s logit drops when this channel is silenced:
     * {@code trace}'s logit minus the silenced network's logit on the same input (one more forward
     * pass)}
     *
     * @param trace the trace the ranking was made from
     * @param classIndex the class
     */
    public float logitDrop(ActivationTrace trace, int classIndex) {
      float before = logitsOf(trace).at(classIndex);
      Network silenced = silence().applyTo(trace.network());
      return before - logitsOf(silenced.trace(trace.input())).at(classIndex);
    }
  }

  /**
   * {@return every channel of every Conv2D layer of {@code trace}'s network, the largest
   * contribution to class {@code classIndex}'s logit first (ties: network order)}
   *
   * @param trace the traced image
   * @param classIndex the class, from 0 to the number of classes - 1
   * @throws IllegalArgumentException if the class is out of range, the network has no logits or no
   *     Conv2D layer
   */
  public static List<Channel> rank(ActivationTrace trace, int classIndex) {
    Objects.requireNonNull(trace, "trace");
    Network network = trace.network();
    logitsOf(trace);
    GradientTrace backward = trace.gradients(GradientTarget.logit(classIndex));
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < network.layers().size(); i++) {
      if (!(network.layer(i) instanceof Conv2D conv)) {
        continue;
      }
      float[] a = Checks.data(trace.output(i));
      float[] g = Checks.data(backward.output(i));
      Shape shape = network.outputShape(i);
      int plane = shape.height() * shape.width();
      for (int k = 0; k < conv.filters(); k++) {
        double sum = 0;
        for (int p = k * plane; p < (k + 1) * plane; p++) {
          sum += (double) g[p] * a[p];
        }
        channels.add(new Channel(conv.name(), i, k, (float) sum));
      }
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException(
          "network '" + network.name() + "' has no Conv2D layer whose channels could be silenced");
    }
    channels.sort(Comparator.comparingDouble(Channel::contribution).reversed());
    return List.copyOf(channels);
  }

  private static Tensor logitsOf(ActivationTrace trace) {
    return trace
        .logits()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "network '"
                        + trace.network().name()
                        + "' does not end in a softmax: there are no logits to explain"));
  }
}
