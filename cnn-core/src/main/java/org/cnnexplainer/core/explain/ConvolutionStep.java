package org.cnnexplainer.core.explain;

import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Conv2D;

/**
 * One output value of a {@link Conv2D} filter, term by term, as the convolution formula view shows
 * it:
 *
 * <pre>
 * window[c][ky][kx]   = in[c][top + ky][left + kx]        (0 where the cell is padding)
 * product[c][ky][kx]  = window[c][ky][kx] * kernel[f][c][ky][kx]
 * channelSum[c]       = sum_ky sum_kx product[c][ky][kx]  (= the intermediate map's value)
 * preActivation       = bias[f] + sum_c channelSum[c]
 * outputValue         = act(preActivation)                 (the traced value)
 * </pre>
 *
 * Shapes: {@link #window()}, {@link #kernel()} and {@link #products()} are {@code (C, kh, kw)};
 * {@link #channelSums()} is {@code (C)}. {@code top, left} may be negative under {@code same}
 * padding.
 */
public final class ConvolutionStep {
  private final int layerIndex;
  private final String layerName;
  private final int filter;
  private final Position position;
  private final int top;
  private final int left;
  private final Tensor window;
  private final boolean[] padding;
  private final Tensor kernel;
  private final Tensor products;
  private final Tensor channelSums;
  private final float bias;
  private final float preActivation;
  private final Activation activation;
  private final float outputValue;

  private ConvolutionStep(
      Conv2D conv, int layerIndex, int filter, Position position, Tensor in, float outputValue) {
    this.layerIndex = layerIndex;
    this.layerName = conv.name();
    this.filter = filter;
    this.position = position;
    this.top = conv.windowTop(in.shape(), position.row());
    this.left = conv.windowLeft(in.shape(), position.column());
    this.kernel = ConvolutionMath.kernelOf(conv, filter);
    int channels = conv.inputChannels();
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    float[] values = new float[channels * kh * kw];
    float[] terms = new float[values.length];
    float[] sums = new float[channels];
    this.padding = new boolean[kh * kw];
    double total = conv.bias().at(filter);
    ConvolutionMath math = new ConvolutionMath(conv, in);
    for (int c = 0; c < channels; c++) {
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++) {
          int y = top + ky;
          int x = left + kx;
          boolean outside = y < 0 || y >= in.shape().height() || x < 0 || x >= in.shape().width();
          padding[ky * kw + kx] = outside;
          int i = (c * kh + ky) * kw + kx;
          values[i] = outside ? 0f : in.get(c, y, x);
          terms[i] = values[i] * kernel.at(i);
        }
      }
      double sum = math.windowSum(filter, c, top, left);
      sums[c] = (float) sum;
      total += sum;
    }
    this.window = Tensor.of(kernel.shape(), values);
    this.products = Tensor.of(kernel.shape(), terms);
    this.channelSums = Tensor.of(Shape.vector(channels), sums);
    this.bias = conv.bias().at(filter);
    this.preActivation = (float) total;
    this.activation = conv.activation();
    this.outputValue = outputValue;
  }

  /**
   * Explains one output value of the Conv2D layer {@code layerIndex}.
   *
   * @param trace the traced forward pass holding the layer's input and output
   * @param layerIndex the index of a {@link Conv2D} layer in the trace's network
   * @param cell the output value: its channel is the filter, its position the output row and column
   * @return the value's window, products, channel sums, bias and activation
   * @throws IllegalArgumentException if the layer is not a Conv2D or the filter or position is out
   *     of range
   */
  public static ConvolutionStep of(ActivationTrace trace, int layerIndex, Cell cell) {
    Conv2D conv = Checks.layer(trace, layerIndex, Conv2D.class, "a Conv2D layer");
    Objects.requireNonNull(cell, "cell");
    Tensor traced = trace.output(layerIndex);
    Shape out = traced.shape();
    int filter = cell.channel();
    Checks.index("filter", filter, conv.filters(), conv + " (" + conv.filters() + " filters)");
    Checks.position(cell.position(), out, conv + " output " + out);
    return new ConvolutionStep(
        conv,
        layerIndex,
        filter,
        cell.position(),
        trace.inputOf(layerIndex),
        traced.get(filter, cell.row(), cell.column()));
  }

  /** {@return the index of the Conv2D layer} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the name of the Conv2D layer, e.g. {@code conv_1_1}} */
  public String layerName() {
    return layerName;
  }

  /** {@return the filter (output channel)} */
  public int filter() {
    return filter;
  }

  /**
   * Where the explained value lies on the filter's output map.
   *
   * @return the output row and column
   */
  public Position position() {
    return position;
  }

  /** {@return the input row of the window's top-left cell; negative inside top padding} */
  public int windowTop() {
    return top;
  }

  /** {@return the input column of the window's top-left cell; negative inside left padding} */
  public int windowLeft() {
    return left;
  }

  /** {@return the input values under the window, {@code (C, kh, kw)}, 0 on padding cells} */
  public Tensor window() {
    return window;
  }

  /**
   * {@return true when window cell {@code (ky, kx)} lies in the padding (the same for every
   * channel)}
   *
   * @param ky the window row, from 0 to the kernel height - 1
   * @param kx the window column, from 0 to the kernel width - 1
   */
  public boolean isPadding(int ky, int kx) {
    int kh = window.shape().height();
    int kw = window.shape().width();
    Checks.index("ky", ky, kh, "a " + kh + "x" + kw + " window");
    Checks.index("kx", kx, kw, "a " + kh + "x" + kw + " window");
    return padding[ky * kw + kx];
  }

  /** {@return the filter's kernel slices, {@code (C, kh, kw)}} */
  public Tensor kernel() {
    return kernel;
  }

  /** {@return {@code window * kernel} element by element, {@code (C, kh, kw)}} */
  public Tensor products() {
    return products;
  }

  /** {@return per input channel the sum of its products, {@code (C)}} */
  public Tensor channelSums() {
    return channelSums;
  }

  /** {@return the filter's bias (0 for a layer without bias)} */
  public float bias() {
    return bias;
  }

  /** {@return {@code bias + sum_c channelSums[c]}: the value before the fused activation} */
  public float preActivation() {
    return preActivation;
  }

  /** {@return the layer's fused activation} */
  public Activation activation() {
    return activation;
  }

  /**
   * The value the network computed for this cell during the trace, {@code act(preActivation)} (what
   * the overview shows). It equals {@code activation().apply(preActivation())} within float
   * rounding.
   *
   * @return the traced output value
   */
  public float outputValue() {
    return outputValue;
  }
}
