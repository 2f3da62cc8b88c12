package org.cnnexplainer.core.explain;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Conv2D;

/**
 * One neuron (filter {@code f}) of a {@link Conv2D} layer, split the way the convolutional elastic
 * view shows it: one "intermediate" map per input channel, their sum plus the bias, the activation.
 *
 * <pre>
 * intermediate[c][oy][ox] = sum_ky sum_kx in[c][top(oy) + ky][left(ox) + kx] * kernel[f][c][ky][kx]
 * preActivation[oy][ox]   = bias[f] + sum_c intermediate[c][oy][ox]
 * output[oy][ox]          = act(preActivation[oy][ox])        (the traced value)
 * </pre>
 *
 * where {@code top} and {@code left} are {@link Conv2D#windowTop} and {@link Conv2D#windowLeft} and
 * cells outside the input count as zero. Shapes: input {@code (C, H, W)} (the trace's {@code
 * inputOf(layerIndex)}), {@link #kernel()} and {@link #intermediates()} per channel, maps {@code
 * (1, Ho, Wo)}.
 */
public final class ConvolutionNeuron {
  private final int layerIndex;
  private final String layerName;
  private final int filter;
  private final Tensor kernel;
  private final Tensor intermediates;
  private final float bias;
  private final Tensor preActivation;
  private final Activation activation;
  private final Tensor output;

  private ConvolutionNeuron(
      int layerIndex,
      Conv2D conv,
      int filter,
      Tensor intermediates,
      Tensor preActivation,
      Tensor output) {
    this.layerIndex = layerIndex;
    this.layerName = conv.name();
    this.filter = filter;
    this.kernel = ConvolutionMath.kernelOf(conv, filter);
    this.intermediates = intermediates;
    this.bias = conv.bias().at(filter);
    this.preActivation = preActivation;
    this.activation = conv.activation();
    this.output = output;
  }

  /**
   * Explains filter {@code filter} of the Conv2D layer {@code layerIndex} in {@code trace}.
   *
   * @param trace the traced forward pass to explain (its network, input and every layer's output)
   * @param layerIndex the layer's index in the trace's network, from 0
   * @param filter the filter (output channel), from 0
   * @return the filter's kernel, per-channel intermediate maps, bias and activation
   * @throws IllegalArgumentException if the layer is not a Conv2D or the filter is out of range
   */
  public static ConvolutionNeuron of(ActivationTrace trace, int layerIndex, int filter) {
    Conv2D conv = Checks.layer(trace, layerIndex, Conv2D.class, "a Conv2D layer");
    Checks.index("filter", filter, conv.filters(), conv + " (" + conv.filters() + " filters)");
    Tensor input = trace.inputOf(layerIndex);
    Tensor traced = trace.output(layerIndex);
    Shape in = input.shape();
    int channels = conv.inputChannels();
    int height = traced.shape().height();
    int width = traced.shape().width();
    int plane = height * width;
    float[] parts = new float[channels * plane];
    float[] pre = new float[plane];
    ConvolutionMath math = new ConvolutionMath(conv, input);
    for (int oy = 0; oy < height; oy++) {
      int top = conv.windowTop(in, oy);
      for (int ox = 0; ox < width; ox++) {
        int left = conv.windowLeft(in, ox);
        double total = conv.bias().at(filter);
        for (int c = 0; c < channels; c++) {
          double part = math.windowSum(filter, c, top, left);
          parts[c * plane + oy * width + ox] = (float) part;
          total += part;
        }
        pre[oy * width + ox] = (float) total;
      }
    }
    Shape map = Shape.image(1, height, width);
    return new ConvolutionNeuron(
        layerIndex,
        conv,
        filter,
        Tensor.of(Shape.image(channels, height, width), parts),
        Tensor.of(map, pre),
        Tensor.of(map, traced.channel(filter)));
  }

  /** {@return the index of the Conv2D layer in the network} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the name of the Conv2D layer, e.g. {@code conv_1_1}} */
  public String layerName() {
    return layerName;
  }

  /** {@return the filter (output channel) explained} */
  public int filter() {
    return filter;
  }

  /**
   * {@return this filter's kernel slices, shape {@code (C, kh, kw)}: slice {@code c} meets channel
   * c}
   */
  public Tensor kernel() {
    return kernel;
  }

  /**
   * {@return the per-channel cross-correlations without bias, shape {@code (C, Ho, Wo)}: channel
   * {@code c} is input channel {@code c} convolved with kernel slice {@code c}}
   */
  public Tensor intermediates() {
    return intermediates;
  }

  /** {@return the filter's bias (0 for a layer without bias)} */
  public float bias() {
    return bias;
  }

  /** {@return {@code bias + sum_c intermediates[c]}, shape {@code (1, Ho, Wo)}} */
  public Tensor preActivation() {
    return preActivation;
  }

  /** {@return the layer's fused activation ({@link Activation#LINEAR} when none)} */
  public Activation activation() {
    return activation;
  }

  /** {@return the traced output map of this filter, shape {@code (1, Ho, Wo)}} */
  public Tensor output() {
    return output;
  }

  /**
   * {@return how strongly input channel {@code channel} moves this neuron: the mean absolute value
   * of its intermediate map, {@code mean_yx |intermediates[c][y][x]|}} A channel whose kernel slice
   * meets only zeros (or is all zeros) contributes 0.
   *
   * @param channel the input channel, from 0
   * @throws IllegalArgumentException if the channel is out of range
   */
  public double contribution(int channel) {
    int channels = intermediates.shape().channels();
    Checks.index("channel", channel, channels, layerName + " (" + channels + " input channels)");
    float[] values = intermediates.channel(channel);
    double sum = 0;
    for (float v : values) {
      sum += Math.abs(v);
    }
    return sum / values.length;
  }

  /**
   * {@return the input channels ordered by {@link #contribution(int)}, largest first; equal
   * contributions keep channel order} Views that cannot show every channel show the first ones of
   * this list.
   */
  public int[] channelsByContribution() {
    int channels = intermediates.shape().channels();
    double[] contribution = new double[channels];
    Integer[] order = new Integer[channels];
    for (int c = 0; c < channels; c++) {
      contribution[c] = contribution(c);
      order[c] = c;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(contribution[b], contribution[a]));
    int[] result = new int[channels];
    for (int i = 0; i < channels; i++) {
      result[i] = order[i];
    }
    return result;
  }
}
