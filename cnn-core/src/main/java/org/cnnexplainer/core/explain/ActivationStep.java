package org.cnnexplainer.core.explain;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;

/**
 * One element-wise activation, {@code output = f(input)}, as the ReLU formula view shows it. Works
 * for a stand-alone {@link ActivationLayer} (input = the previous layer's value) and for the
 * activation fused into a {@link Conv2D} or {@link Dense} (input = the rebuilt pre-activation).
 * Softmax mixes values and is explained by {@link SoftmaxBreakdown} instead.
 *
 * <p>Elements are addressed by their flat index in the layer's output; for image outputs {@code
 * index = (channel * H + y) * W + x}.
 */
public final class ActivationStep {
  private final int layerIndex;
  private final String layerName;
  private final int index;
  private final Activation activation;
  private final float input;
  private final float output;

  private ActivationStep(
      int layerIndex, Layer layer, int index, Activation activation, float input, float output) {
    this.layerIndex = layerIndex;
    this.layerName = layer.name();
    this.index = index;
    this.activation = activation;
    this.input = input;
    this.output = output;
  }

  /**
   * Explains output element {@code index} (flat) of layer {@code layerIndex}.
   *
   * @throws IllegalArgumentException if the layer is not an Activation, Conv2D or Dense layer, its
   *     activation is softmax, or the index is out of range
   */
  public static ActivationStep of(ActivationTrace trace, int layerIndex, int index) {
    Layer layer =
        Checks.layer(trace, layerIndex, Layer.class, "an Activation, Conv2D or Dense layer");
    Activation activation = elementwiseActivationOf(layer, layerIndex);
    Tensor traced = trace.output(layerIndex);
    Checks.index("index", index, traced.size(), layer + " output " + traced.shape());
    float input;
    if (layer instanceof Conv2D) {
      Shape out = traced.shape();
      int plane = out.height() * out.width();
      int pixel = index % plane;
      input =
          ConvolutionStep.of(
                  trace, layerIndex, index / plane, pixel / out.width(), pixel % out.width())
              .preActivation();
    } else if (layer instanceof Dense) {
      input = DenseBreakdown.of(trace, layerIndex, index).preActivation();
    } else {
      input = trace.inputOf(layerIndex).at(index);
    }
    return new ActivationStep(layerIndex, layer, index, activation, input, traced.at(index));
  }

  /**
   * Explains element {@code (channel, y, x)} of an image-shaped layer output.
   *
   * @throws IllegalArgumentException as {@link #of(ActivationTrace, int, int)}, or if the output is
   *     not an image or the element lies outside it
   */
  public static ActivationStep of(
      ActivationTrace trace, int layerIndex, int channel, int y, int x) {
    Layer layer =
        Checks.layer(trace, layerIndex, Layer.class, "an Activation, Conv2D or Dense layer");
    Shape out = trace.output(layerIndex).shape();
    if (!out.isImage()) {
      throw new IllegalArgumentException(
          "layerIndex "
              + layerIndex
              + " is "
              + layer
              + " with output shape "
              + out
              + ", expected a (channels, height, width) output; use the flat index instead");
    }
    Checks.index("channel", channel, out.channels(), layer + " output " + out);
    Checks.index("y", y, out.height(), layer + " output " + out);
    Checks.index("x", x, out.width(), layer + " output " + out);
    return of(trace, layerIndex, (channel * out.height() + y) * out.width() + x);
  }

  private static Activation elementwiseActivationOf(Layer layer, int layerIndex) {
    Activation a;
    if (layer instanceof ActivationLayer act) {
      a = act.activation();
    } else if (layer instanceof Conv2D conv) {
      a = conv.activation();
    } else if (layer instanceof Dense dense) {
      a = dense.activation();
    } else {
      throw new IllegalArgumentException(
          "layerIndex "
              + layerIndex
              + " is "
              + layer
              + ", expected an Activation, Conv2D or Dense layer");
    }
    if (!a.isElementwise()) {
      throw new IllegalArgumentException(
          "layerIndex "
              + layerIndex
              + " is "
              + layer
              + " with activation "
              + a.tfjsName()
              + ", which is not element-wise; use SoftmaxBreakdown");
    }
    return a;
  }

  /** Index of the layer. */
  public int layerIndex() {
    return layerIndex;
  }

  /** Name of the layer, e.g. {@code relu_1_1}. */
  public String layerName() {
    return layerName;
  }

  /** Flat index of the element in the layer's output. */
  public int index() {
    return index;
  }

  /** The function applied. */
  public Activation activation() {
    return activation;
  }

  /** The value going in. */
  public float input() {
    return input;
  }

  /** The value the network computed, {@code activation(input)}. */
  public float output() {
    return output;
  }
}
