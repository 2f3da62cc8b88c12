package org.cnnexplainer.core.layer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.kernel.Pass;

/**
 * One step of a {@code Network}: an immutable function from one tensor to another.
 *
 * <p>Every layer knows its output shape without running ({@link #outputShape(Shape)}), so views can
 * be laid out before any image is loaded. {@link #forward(Tensor)} checks the input shape and then
 * computes; layers are thread-safe and may be shared by concurrent forward passes.
 *
 * <p>Each layer's file holds its formula (in the class documentation), its output shape, and its
 * one forward pass, used alike by inference, by training and by {@code Network.gradients}, with the
 * backward pass right under it. Both work on a {@link Pass} (flat arrays and shapes) and leave the
 * loops to {@code kernel.Kernels}.
 */
public abstract sealed class Layer
    permits InputLayer,
        Conv2D,
        ActivationLayer,
        Pooling2D,
        Flatten,
        Dense,
        Dropout,
        BatchNormalization {
  static {
    ModuleAccess.register(new Hooks());
  }

  private static final float[][] NO_PARAMETERS = new float[0][];

  private final String name;

  Layer(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a layer needs a non-blank name");
    }
    this.name = name;
  }

  /** {@return the layer's name as written in the model file, e.g. {@code conv_1_1}} */
  public final String name() {
    return name;
  }

  /**
   * {@return the TF.js class name of this kind of layer, e.g. {@code Conv2D} or {@code
   * MaxPooling2D}}
   */
  public abstract String kind();

  /**
   * {@return the shape this layer produces from an input of shape {@code input}, without running
   * it}
   *
   * @param input the shape of this layer's input
   * @throws IllegalArgumentException if the layer cannot take that input, naming why
   */
  public abstract Shape outputShape(Shape input);

  /** {@return the number of weights (trainable or not) this layer holds} */
  public long parameterCount() {
    return 0;
  }

  /**
   * {@return multiply-add operations one forward pass performs for an input of shape {@code input}}
   *
   * @param input the shape of this layer's input
   */
  public long multiplyAdds(Shape input) {
    return 0;
  }

  /**
   * {@return the weights a gradient is computed for, by their TF.js names in the model file's order
   * (for Conv2D and Dense: {@code kernel}, then {@code bias} when the layer has one), in this
   * library's layout; empty for layers without weights} {@code GradientTrace.parameters} uses the
   * same names and shapes.
   */
  public Map<String, Tensor> parameters() {
    return Map.of();
  }

  /**
   * Runs the layer.
   *
   * @param input the input, of a shape this layer accepts (checked)
   * @return the layer's output, shaped like {@link #outputShape} says
   * @throws IllegalArgumentException if the input's shape does not fit this layer
   */
  public final Tensor forward(Tensor input) {
    Shape out = outputShape(input.shape());
    float[] values = new float[out.size()];
    ModuleAccess.Tensors tensors = ModuleAccess.tensors();
    forward(Pass.of(parameterArrays(), tensors.data(input), input.shape(), values, out));
    return tensors.wrap(out, values);
  }

  /** Writes {@code pass.out()} from {@code pass.in()}, whose shapes are already checked. */
  abstract void forward(Pass pass);

  /**
   * Overwrites {@code pass.gradIn()} (unless null) with {@code dS/dIn} and adds the parameter
   * gradients to {@code pass.gradients()} (unless null), from {@code pass.gradOut()}; never
   * modifies {@code gradOut}, which a gradient trace keeps.
   */
  abstract void backward(Pass pass);

  /** Whether the training pass draws random numbers from the pass's seed (dropout does). */
  boolean usesTrainingSeed() {
    return false;
  }

  /** Throws unless {@code input} is a (channels, height, width) image. */
  final void requireImage(Shape input) {
    if (!input.isImage()) {
      throw new IllegalArgumentException(
          kind()
              + " layer '"
              + name
              + "' needs a (channels, height, width) input, got shape "
              + input);
    }
  }

  // ---- Parameters as the passes see them ----

  /**
   * The arrays of {@link #parameters()} in this layer's own layout (for {@link Dense}, transposed),
   * not copied: passes never modify them.
   */
  float[][] parameterArrays() {
    return NO_PARAMETERS;
  }

  /**
   * {@code values}, in this layer's own layout, as copies in the layout of {@link #parameters()}.
   */
  Tensor[] parameterTensors(float[][] values) {
    Tensor[] tensors = new Tensor[values.length];
    int i = 0;
    for (Tensor parameter : parameters().values()) {
      tensors[i] = Tensor.of(parameter.shape(), values[i]);
      i++;
    }
    return tensors;
  }

  /** This layer with other weights, given in its own layout (copied). */
  Layer withParameterArrays(float[][] values) {
    return this;
  }

  /**
   * Sizes of the accumulators {@link #backward} adds parameter gradients into, for an input of
   * shape {@code input}; by default the parameters' sizes. A layer may keep wider partial sums,
   * folded once per batch by {@link #reduceGradients}, so that its per-sample loops vectorise.
   */
  int[] gradientSizes(Shape input) {
    float[][] arrays = parameterArrays();
    int[] sizes = new int[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      sizes[i] = arrays[i].length;
    }
    return sizes;
  }

  /** Adds the gradients held in accumulators {@code buffers} to parameter-sized {@code into}. */
  void reduceGradients(Shape input, float[][] buffers, float[][] into) {
    for (int p = 0; p < buffers.length; p++) {
      for (int i = 0; i < into[p].length; i++) {
        into[p][i] += buffers[p][i];
      }
    }
  }

  /** Names and tensors in order, for {@link #parameters()}. */
  static Map<String, Tensor> named(String[] names, Tensor[] tensors) {
    Map<String, Tensor> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (tensors[i] != null) {
        map.put(names[i], tensors[i]);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  static float[] data(Tensor tensor) {
    return ModuleAccess.tensors().data(tensor);
  }

  @Override
  public String toString() {
    return kind() + " '" + name + "'";
  }

  /** The hooks above, for the rest of cnn-core (see {@link ModuleAccess}). */
  private static final class Hooks implements ModuleAccess.Layers {
    @Override
    public float[][] parameterArrays(Layer layer) {
      return layer.parameterArrays();
    }

    @Override
    public Tensor[] parameterTensors(Layer layer, float[][] values) {
      return layer.parameterTensors(values);
    }

    @Override
    public Layer withParameterArrays(Layer layer, float[][] values) {
      return layer.withParameterArrays(values);
    }

    @Override
    public void forward(Layer layer, Pass pass) {
      layer.forward(pass);
    }

    @Override
    public void forwardThenRelu(Layer conv, Pass pass, float[] relu) {
      ((Conv2D) conv).forwardThenRelu(pass, relu);
    }

    @Override
    public void backward(Layer layer, Pass pass) {
      layer.backward(pass);
    }

    @Override
    public int[] gradientSizes(Layer layer, Shape input) {
      return layer.gradientSizes(input);
    }

    @Override
    public void reduceGradients(Layer layer, Shape input, float[][] buffers, float[][] into) {
      layer.reduceGradients(input, buffers, into);
    }

    @Override
    public boolean usesTrainingSeed(Layer layer) {
      return layer.usesTrainingSeed();
    }
  }
}
