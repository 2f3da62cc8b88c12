package org.cnnexplainer.core;

/**
 * One step of a {@link Network}: an immutable function from one tensor to another.
 *
 * <p>Every layer knows its output shape without running ({@link #outputShape(Shape)}), so views can
 * be laid out before any image is loaded. {@link #forward(Tensor)} checks the input shape and then
 * computes; layers are thread-safe and may be shared by concurrent forward passes.
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
  private final String name;

  Layer(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a layer needs a non-blank name");
    }
    this.name = name;
  }

  /** The layer's name as written in the model file, e.g. {@code conv_1_1}. */
  public final String name() {
    return name;
  }

  /** The TF.js class name of this kind of layer, e.g. {@code Conv2D} or {@code MaxPooling2D}. */
  public abstract String kind();

  /**
   * The shape this layer produces from an input of shape {@code input}, without running it.
   *
   * @throws IllegalArgumentException if the layer cannot take that input, naming why
   */
  public abstract Shape outputShape(Shape input);

  /** Number of weights (trainable or not) this layer holds. */
  public long parameterCount() {
    return 0;
  }

  /** Multiply-add operations one forward pass performs for an input of shape {@code input}. */
  public long multiplyAdds(Shape input) {
    return 0;
  }

  /**
   * Runs the layer.
   *
   * @throws IllegalArgumentException if the input's shape does not fit this layer
   */
  public final Tensor forward(Tensor input) {
    Shape out = outputShape(input.shape());
    return Tensor.wrap(out, compute(input, out));
  }

  /** Computes the output values for an input already checked against {@code outputShape}. */
  abstract float[] compute(Tensor input, Shape outputShape);

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

  // Training hooks. Package-private: the trainer reaches them through internal.LayerMath, so the
  // public API stays inference-only. "params" are the layer's trainable arrays in its own layout
  // (for Conv2D and Dense: kernel, then bias); "seed" drives dropout masks (negative: inference);
  // "logits" asks the last layer to leave out a fused softmax (the loss applies it).

  /** This layer's trainable tensors, in its own layout; empty when it has none. */
  Tensor[] parameters() {
    return new Tensor[0];
  }

  /** Copies of the arrays of {@link #parameters()}. */
  final float[][] parameterArrays() {
    Tensor[] parameters = parameters();
    float[][] arrays = new float[parameters.length][];
    for (int i = 0; i < parameters.length; i++) {
      arrays[i] = parameters[i].data.clone();
    }
    return arrays;
  }

  /** The shapes of {@link #parameters()}. */
  final Shape[] parameterShapes() {
    Tensor[] parameters = parameters();
    Shape[] shapes = new Shape[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      shapes[i] = parameters[i].shape;
    }
    return shapes;
  }

  /** This layer with other values (copied) for {@link #parameterArrays()}. */
  Layer withParameterArrays(float[][] values) {
    return this;
  }

  /**
   * Sizes of the accumulators {@link #backward} adds gradients into for an input of shape {@code
   * input}; by default the parameter sizes. Layers may keep wider partial sums (reduced once per
   * batch by {@link #addGradients}) so that the per-sample loops vectorise.
   */
  int[] gradientBufferSizes(Shape input) {
    Shape[] shapes = parameterShapes();
    int[] sizes = new int[shapes.length];
    for (int i = 0; i < shapes.length; i++) {
      sizes[i] = shapes[i].size();
    }
    return sizes;
  }

  /** Adds the gradients held in accumulators {@code buffers} to parameter-shaped {@code into}. */
  void addGradients(float[][] buffers, Shape input, float[][] into) {
    addBuffers(buffers, 0, into);
  }

  /** {@code into[i] += buffers[i]}, element by element, for {@code i} from {@code first}. */
  static void addBuffers(float[][] buffers, int first, float[][] into) {
    for (int i = first; i < buffers.length; i++) {
      for (int j = 0; j < buffers[i].length; j++) {
        into[i][j] += buffers[i][j];
      }
    }
  }

  /**
   * The forward pass on raw buffers with weights {@code params}: writes {@code out} (shape {@code
   * outShape}) from {@code in} (shape {@code inShape}).
   */
  void forwardInto(
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      long seed,
      boolean logits) {
    throw notTrainable();
  }

  /**
   * The backward pass: given {@code gradOut} = dLoss/dOut (for {@code logits}: dLoss/dLogits), adds
   * dLoss/dParams to {@code gradBuffers} and overwrites {@code gradIn} with dLoss/dIn unless it is
   * null. May overwrite {@code gradOut}. {@code in} and {@code out} are the forward pass's values.
   */
  void backward(
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      float[] gradOut,
      float[] gradIn,
      float[][] gradBuffers,
      long seed,
      boolean logits) {
    throw notTrainable();
  }

  final UnsupportedOperationException notTrainable() {
    return new UnsupportedOperationException(
        kind() + " layer '" + name + "' cannot be trained (no backward pass)");
  }

  @Override
  public String toString() {
    return kind() + " '" + name + "'";
  }
}
