package org.cnnexplainer.core.explain;

import java.util.Optional;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;

/**
 * One unit {@code j} of a {@link Dense} layer, term by term, as the flatten elastic view shows it:
 *
 * <pre>
 * product[i]    = input[i] * kernel[i][j]
 * preActivation = bias[j] + sum_i product[i]       (the logit when the activation is softmax)
 * outputValue   = act(preActivation)                (the traced value)
 * </pre>
 *
 * Shapes: {@link #inputs()}, {@link #weights()}, {@link #products()} are {@code (I)} in the layer's
 * input order. When the input comes from a {@link Flatten} of an image (directly or through
 * Dropout, Activation or BatchNormalization layers, which keep positions), {@link #flatten()} maps
 * each input index to its source cell and {@link #inputAtDisplay} gives the channel-major display
 * order; otherwise the display order is the input order.
 */
public final class DenseBreakdown {
  private final int layerIndex;
  private final String layerName;
  private final int unit;
  private final Tensor inputs;
  private final Tensor weights;
  private final Tensor products;
  private final float bias;
  private final float preActivation;
  private final Activation activation;
  private final float outputValue;
  private final FlattenMapping flatten;

  private DenseBreakdown(Dense dense, int layerIndex, int unit, ActivationTrace trace) {
    this.layerIndex = layerIndex;
    this.layerName = dense.name();
    this.unit = unit;
    this.inputs = trace.inputOf(layerIndex);
    int count = dense.inputs();
    float[] w = new float[count];
    float[] p = new float[count];
    double total = dense.bias().at(unit);
    for (int i = 0; i < count; i++) {
      w[i] = dense.weight(i, unit);
      p[i] = inputs.at(i) * w[i];
      total += (double) inputs.at(i) * w[i];
    }
    this.weights = Tensor.of(Shape.vector(count), w);
    this.products = Tensor.of(Shape.vector(count), p);
    this.bias = dense.bias().at(unit);
    this.preActivation = (float) total;
    this.activation = dense.activation();
    this.outputValue = trace.output(layerIndex).at(unit);
    this.flatten = flattenFeeding(trace, layerIndex);
  }

  /**
   * Explains unit {@code unit} of the Dense layer {@code layerIndex}.
   *
   * @param trace the traced forward pass to explain (its network, input and every layer's output)
   * @param layerIndex the layer's index in the trace's network, from 0
   * @param unit the unit, from 0
   * @return the unit's inputs, weights, products, bias and activation
   * @throws IllegalArgumentException if the layer is not Dense or the unit is out of range
   */
  public static DenseBreakdown of(ActivationTrace trace, int layerIndex, int unit) {
    Dense dense = Checks.layer(trace, layerIndex, Dense.class, "a Dense layer");
    Checks.index("unit", unit, dense.units(), dense + " (" + dense.units() + " units)");
    return new DenseBreakdown(dense, layerIndex, unit, trace);
  }

  /** The Flatten whose positions reach layer {@code layerIndex} unchanged, or null. */
  private static FlattenMapping flattenFeeding(ActivationTrace trace, int layerIndex) {
    Network network = trace.network();
    for (int i = layerIndex - 1; i >= 0; i--) {
      Layer layer = network.layer(i);
      if (layer instanceof Flatten) {
        return network.inputShape(i).isImage() ? FlattenMapping.of(trace, i) : null;
      }
      boolean keepsPositions =
          layer instanceof Dropout
              || layer instanceof BatchNormalization
              || (layer instanceof ActivationLayer a && a.activation().isElementwise());
      if (!keepsPositions) {
        return null;
      }
    }
    return null;
  }

  /** {@return the index of the Dense layer} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the name of the Dense layer, e.g. {@code output}} */
  public String layerName() {
    return layerName;
  }

  /** {@return the unit explained (for a classifier's last layer: the class index)} */
  public int unit() {
    return unit;
  }

  /** {@return the layer's input vector, {@code (I)}} */
  public Tensor inputs() {
    return inputs;
  }

  /**
   * {@return the weights from every input to this unit, {@code (I)}: column {@code unit} of the
   * kernel}
   */
  public Tensor weights() {
    return weights;
  }

  /** {@return {@code inputs[i] * weights[i]}, {@code (I)}} */
  public Tensor products() {
    return products;
  }

  /** {@return the unit's bias (0 for a layer without bias)} */
  public float bias() {
    return bias;
  }

  /**
   * {@return {@code bias + sum_i products[i]}, the value before the activation (a logit under
   * softmax)}
   */
  public float preActivation() {
    return preActivation;
  }

  /** {@return the layer's fused activation} */
  public Activation activation() {
    return activation;
  }

  /**
   * The value the network computed for this unit during the trace, {@code act(preActivation)}
   * within float rounding (for softmax outputs: the probability, see {@link SoftmaxBreakdown}).
   *
   * @return the traced output value
   */
  public float outputValue() {
    return outputValue;
  }

  /** {@return the flatten mapping of this layer's input, when it is a flattened image} */
  public Optional<FlattenMapping> flatten() {
    return Optional.ofNullable(flatten);
  }

  /**
   * {@return the input index shown at display position {@code position} (channel-major after
   * Flatten)}
   *
   * @param position the display position, from 0
   */
  public int inputAtDisplay(int position) {
    if (flatten != null) {
      return flatten.indexAtDisplay(position);
    }
    Checks.index("position", position, inputs.size(), "dense '" + layerName + "' inputs");
    return position;
  }
}
