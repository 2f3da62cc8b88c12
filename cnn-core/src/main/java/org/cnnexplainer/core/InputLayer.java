package org.cnnexplainer.core;

/** The explicit input of a functional TF.js model; passes its input through unchanged. */
public final class InputLayer extends Layer {
  private final Shape shape;

  /** An input layer accepting exactly {@code shape}. */
  public InputLayer(String name, Shape shape) {
    super(name);
    this.shape = java.util.Objects.requireNonNull(shape, "shape");
  }

  /** The shape this layer accepts. */
  public Shape shape() {
    return shape;
  }

  @Override
  public String kind() {
    return "InputLayer";
  }

  @Override
  public Shape outputShape(Shape input) {
    if (!input.equals(shape)) {
      throw new IllegalArgumentException(
          "input layer '" + name() + "' expects shape " + shape + ", got " + input);
    }
    return shape;
  }

  @Override
  float[] compute(Tensor input, Shape outputShape) {
    return input.data.clone();
  }
}
