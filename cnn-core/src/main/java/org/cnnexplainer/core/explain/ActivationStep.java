package org.cnnexplainer.core.explain;

import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;

/**
 * One element-wise activation, {@code outputValue = f(inputValue)}, as the ReLU formula view shows
 * it. Works for a stand-alone {@link ActivationLayer} (input = the previous layer's value) and for
 * the activation fused into a {@link Conv2D} or {@link Dense} (input = the rebuilt pre-activation).
 * Softmax mixes values and is explained by {@link SoftmaxBreakdown} instead.
 *
 * <p>Elements are addressed by their flat index in the layer's output; for image outputs {@code
 * index = (channel * H + row) * W + column}; {@link #of(ActivationTrace, int, Cell)} computes it.
 */
public final class ActivationStep {
  private final int layerIndex;
  private final String layerName;
  private final int index;
  private final Activation activation;
  private final float inputValue;
  private final float outputValue;

  private ActivationStep(
      int layerIndex,
      Layer layer,
      int index,
      Activation activation,
      float inputValue,
      float outputValue) {
    this.layerIndex = layerIndex;
    this.layerName = layer.name();
    this.index = index;
    this.activation = activation;
    this.inputValue = inputValue;
    this.outputValue = outputValue;
  }

  /**
   * Explains output element {@code index} (flat) of layer {@code layerIndex}.
   *
   * @param trace the traced forward pass holding the layer's input and output
   * @param layerIndex the index of an Activation, Conv2D or Dense layer in the trace's network
   * @param index the element's flat index in the layer's output, from 0
   * @return the value going into the activation, the function and the value it produced
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
                  trace,
                  layerIndex,
                  new Cell(index / plane, pixel / out.width(), pixel % out.width()))
              .preActivation();
    } else if (layer instanceof Dense) {
      input = DenseBreakdown.of(trace, layerIndex, index).preActivation();
    } else {
      input = trace.inputOf(layerIndex).at(index);
    }
    return new ActivationStep(layerIndex, layer, index, activation, input, traced.at(index));
  }

  /**
   * Explains one element of an image-shaped layer output.
   *
   * @param trace the traced forward pass holding the layer's input and output
   * @param layerIndex the index of an Activation, Conv2D or Dense layer in the trace's network
   * @param cell the element: channel, row and column of the layer's output
   * @return the value going into the activation, the function and the value it produced
   * @throws IllegalArgumentException as {@link #of(ActivationTrace, int, int)}, or if the output is
   *     not an image or the element lies outside it
   */
  public static ActivationStep of(ActivationTrace trace, int layerIndex, Cell cell) {
    Layer layer =
        Checks.layer(trace, layerIndex, Layer.class, "an Activation, Conv2D or Dense layer");
    Objects.requireNonNull(cell, "cell");
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
    Checks.index("channel", cell.channel(), out.channels(), layer + " output " + out);
    Checks.position(cell.position(), out, layer + " output " + out);
    return of(
        trace,
        layerIndex,
        (cell.channel() * out.height() + cell.row()) * out.width() + cell.column());
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

  /** {@return the index of the layer} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the name of the layer, e.g. {@code relu_1_1}} */
  public String layerName() {
    return layerName;
  }

  /** {@return the flat index of the element in the layer's output} */
  public int index() {
    return index;
  }

  /** {@return the function applied} */
  public Activation activation() {
    return activation;
  }

  /**
   * The value going into the function: the previous layer's output for a stand-alone activation
   * layer, the rebuilt pre-activation for one fused into a Conv2D or Dense layer.
   *
   * @return the input value
   */
  public float inputValue() {
    return inputValue;
  }

  /**
   * The value the network computed for this element during the trace, {@code
   * activation(inputValue)} within float rounding.
   *
   * @return the traced output value
   */
  public float outputValue() {
    return outputValue;
  }
}
