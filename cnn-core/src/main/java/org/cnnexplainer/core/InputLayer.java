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

  // ---- Training (see Layer). ----

  @Override
  void forwardInto(
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      long seed,
      boolean logits) {
    System.arraycopy(in, 0, out, 0, in.length);
  }

  @Override
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
    if (gradIn != null) {
      System.arraycopy(gradOut, 0, gradIn, 0, gradOut.length);
    }
  }
}
