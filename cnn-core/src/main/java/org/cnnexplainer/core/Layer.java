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

  @Override
  public String toString() {
    return kind() + " '" + name + "'";
  }
}
