package org.cnnexplainer.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.cnnexplainer.core.internal.LayerPasses;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.kernel.Pass;
import org.cnnexplainer.core.layer.Layer;

/**
 * Everything one backward pass computed: the gradient of a scalar {@link GradientTarget} {@code S}
 * with respect to the network's input, every layer's output and every layer's parameters, for the
 * forward pass in {@link #activations()}. Gradients have the shapes (and this library's layout) of
 * what they are taken with respect to: {@code output(i)} is shaped like {@code
 * activations().output(i)}, {@code parameters(i)} like {@code layer(i).parameters()}.
 *
 * <p>Layers after the one the target is computed from do not influence {@code S}: their gradients
 * are zero. That includes the last layer's output (the probabilities) for a {@link
 * GradientTarget#logit} or {@link GradientTarget#loss} target, which are computed from the logits
 * inside or before it.
 *
 * <p>Immutable and safe to share between threads. Parameter gradients are computed on first request
 * (most uses, such as saliency maps, need only the others), at most once per layer.
 */
public final class GradientTrace {
  private final ActivationTrace activations;
  private final GradientTarget target;
  private final float value;
  private final Tensor input;
  private final Tensor[] outputs;
  // What the parameter gradients are computed from, kept for parameters(i).
  private final float[][] values;
  private final Shape[] shapes;
  private final float[][] passGradients; // dS/dOut as layer i's backward pass saw it, or null
  private final boolean atLogits;
  private final AtomicReferenceArray<Map<String, Tensor>> parameters;

  private GradientTrace(
      ActivationTrace activations,
      GradientTarget target,
      float value,
      float[][] values,
      Shape[] shapes,
      float[][] gradients,
      float[][] passGradients,
      int top,
      boolean atLogits) {
    this.activations = activations;
    this.target = target;
    this.value = value;
    this.values = values;
    this.shapes = shapes;
    this.passGradients = passGradients;
    this.atLogits = atLogits;
    int n = activations.size();
    this.input = Tensor.wrap(shapes[0], gradients[0]);
    this.outputs = new Tensor[n];
    for (int i = 0; i < n; i++) {
      boolean computed = i < top || (i == top && !atLogits);
      outputs[i] =
          Tensor.wrap(shapes[i + 1], computed ? gradients[i + 1] : new float[shapes[i + 1].size()]);
    }
    this.parameters = new AtomicReferenceArray<>(n);
  }

  /** Runs the backward pass of {@code target} from {@code trace}; see {@link Network#gradients}. */
  static GradientTrace of(ActivationTrace trace, GradientTarget target) {
    Network network = trace.network();
    int n = network.layers().size();
    GradientTarget.Seed seed = target.seed(trace);
    float[][] values = new float[n + 1][];
    Shape[] shapes = new Shape[n + 1];
    values[0] = trace.input().data;
    shapes[0] = network.inputShape();
    for (int i = 0; i < n; i++) {
      values[i + 1] = trace.output(i).data;
      shapes[i + 1] = network.outputShape(i);
    }
    float[][] gradients = new float[n + 1][];
    for (int i = 0; i <= seed.top(); i++) {
      gradients[i] = new float[shapes[i].size()];
    }
    gradients[seed.top() + 1] = seed.gradient();
    ModuleAccess.Layers hooks = ModuleAccess.layers();
    float[][][] params = new float[n][][];
    for (int i = 0; i < n; i++) {
      params[i] = hooks.parameterArrays(network.layer(i));
    }
    new LayerPasses(network.layers(), params, shapes, values, gradients, new float[n][][])
        .backward(seed.top(), -1, seed.atLogits());
    float[][] passGradients = Arrays.copyOfRange(gradients, 1, n + 1);
    return new GradientTrace(
        trace,
        target,
        seed.value(),
        values,
        shapes,
        gradients,
        passGradients,
        seed.top(),
        seed.atLogits());
  }

  /** {@return the forward pass this backward pass differentiates} */
  public ActivationTrace activations() {
    return activations;
  }

  /** {@return the network} */
  public Network network() {
    return activations.network();
  }

  /** {@return what was differentiated} */
  public GradientTarget target() {
    return target;
  }

  /** {@return the target's value {@code S} for this input (e.g. the class logit)} */
  public float value() {
    return value;
  }

  /**
   * {@return {@code dS/dInput}, shaped like the input (for a classifier's logit: the saliency map)}
   */
  public Tensor input() {
    return input;
  }

  /** {@return the number of layers} */
  public int size() {
    return outputs.length;
  }

  /**
   * {@code dS/dOutput} of layer {@code index}, shaped like its output.
   *
   * @param index the layer's index, from 0 to {@link #size()} - 1
   * @return the gradient of the target with respect to that layer's output
   * @throws IndexOutOfBoundsException if the network has no layer {@code index}; the message says
   *     which layers exist
   */
  public Tensor output(int index) {
    return outputs[activations.requireLayer(index)];
  }

  /**
   * {@return {@code dS/dOutput} of the layer called {@code layerName}}
   *
   * @param layerName a layer name from the model file, e.g. {@code conv_1_1}
   * @throws IllegalArgumentException if the network has no such layer
   */
  public Tensor output(String layerName) {
    return outputs[network().requireIndexOf(layerName)];
  }

  /**
   * {@return {@code dS/dW} for each parameter {@code W} of layer {@code index}, by the names and in
   * the shapes of {@link Layer#parameters()}; empty for layers without parameters} Computed on
   * first request.
   *
   * @param index the layer's index, from 0 to {@link #size()} - 1
   */
  public Map<String, Tensor> parameters(int index) {
    Map<String, Tensor> computed = parameters.get(index);
    if (computed == null) {
      computed = computeParameters(index);
      parameters.compareAndSet(index, null, computed);
      computed = parameters.get(index);
    }
    return computed;
  }

  /**
   * {@return {@link #parameters(int)} of the layer called {@code layerName}}
   *
   * @param layerName a layer name from the model file, e.g. {@code conv_1_1}
   * @throws IllegalArgumentException if the network has no such layer
   */
  public Map<String, Tensor> parameters(String layerName) {
    return parameters(network().requireIndexOf(layerName));
  }

  /** The layer's own backward pass, this time adding into parameter gradients only. */
  private Map<String, Tensor> computeParameters(int index) {
    Layer layer = network().layer(index);
    Map<String, Tensor> shapesByName = layer.parameters();
    ModuleAccess.Layers hooks = ModuleAccess.layers();
    float[][] params = hooks.parameterArrays(layer);
    float[][] sums = new float[params.length][];
    for (int p = 0; p < params.length; p++) {
      sums[p] = new float[params[p].length];
    }
    if (passGradients[index] != null) {
      int[] sizes = hooks.gradientSizes(layer, shapes[index]);
      float[][] buffers = new float[sizes.length][];
      for (int p = 0; p < sizes.length; p++) {
        buffers[p] = new float[sizes[p]];
      }
      Pass pass =
          Pass.of(params, values[index], shapes[index], values[index + 1], shapes[index + 1])
              .withGradients(passGradients[index], null, buffers);
      hooks.backward(layer, atLogits && index == size() - 1 ? pass.beforeSoftmax() : pass);
      hooks.reduceGradients(layer, shapes[index], buffers, sums);
    }
    Tensor[] tensors = hooks.parameterTensors(layer, sums);
    Map<String, Tensor> byName = new LinkedHashMap<>();
    int p = 0;
    for (String name : shapesByName.keySet()) {
      byName.put(name, tensors[p++]);
    }
    return Collections.unmodifiableMap(byName);
  }
}
