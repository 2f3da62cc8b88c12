package org.cnnexplainer.core.layer;

import java.util.Objects;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Pass;

/** The explicit input of a functional TF.js model; passes its input through unchanged. */
public final class InputLayer extends Layer {
  private final Shape shape;

  /**
   * An input layer accepting exactly {@code shape}.
   *
   * @param name the layer's name
   * @param shape the shape of one input image
   */
  public InputLayer(String name, Shape shape) {
    super(name);
    this.shape = Objects.requireNonNull(shape, "shape");
  }

  /** {@return the shape this layer accepts} */
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
  void forward(Pass p) {
    System.arraycopy(p.in(), 0, p.out(), 0, p.in().length);
  }

  @Override
  void backward(Pass p) {
    if (p.gradIn() != null) {
      System.arraycopy(p.gradOut(), 0, p.gradIn(), 0, p.gradOut().length);
    }
  }
}
