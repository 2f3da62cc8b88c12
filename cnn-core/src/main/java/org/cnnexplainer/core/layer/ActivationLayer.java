package org.cnnexplainer.core.layer;

import java.util.Objects;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Kernels;
import org.cnnexplainer.core.kernel.Pass;

/**
 * A stand-alone activation (TF.js class {@code Activation}), such as the original's {@code
 * relu_1_1}: {@code out = act(in)}, element by element (softmax: over the last TF axis). Backward:
 * {@code dIn = act'(in) * dOut} (softmax: its Jacobian); see {@link Activation}. Shapes: output as
 * input.
 */
public final class ActivationLayer extends Layer {
  private final Activation activation;

  /**
   * A layer that applies {@code activation}.
   *
   * @param name the layer's name
   * @param activation the function applied to each value (or softmax over channels)
   */
  public ActivationLayer(String name, Activation activation) {
    super(name);
    this.activation = Objects.requireNonNull(activation, "activation");
  }

  /** {@return the function applied} */
  public Activation activation() {
    return activation;
  }

  @Override
  public String kind() {
    return "Activation";
  }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  @Override
  void forward(Pass p) {
    float[] in = p.in();
    float[] out = p.out();
    if (activation == Activation.RELU) {
      // Straight from the input: copying first and clamping in place costs a second pass.
      Kernels.active().relu(in, out);
      return;
    }
    System.arraycopy(in, 0, out, 0, in.length);
    if (!(p.atLogits() && activation == Activation.SOFTMAX)) {
      activation.applyInPlace(out, p.outShape());
    }
  }

  @Override
  void backward(Pass p) {
    if (p.gradIn() == null) {
      return;
    }
    if (p.atLogits() && activation == Activation.SOFTMAX) {
      System.arraycopy(p.gradOut(), 0, p.gradIn(), 0, p.gradOut().length);
      return;
    }
    activation.backward(p.in(), p.out(), p.outShape(), p.gradOut(), p.gradIn());
  }
}
