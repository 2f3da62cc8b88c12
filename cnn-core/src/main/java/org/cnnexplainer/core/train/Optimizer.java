package org.cnnexplainer.core.train;

/**
 * How the trainer turns gradients into weight updates (immutable settings).
 *
 * <ul>
 *   <li>SGD: {@code v = momentum * v - lr * g; w += v} (plain SGD when momentum is 0).
 *   <li>Adam: {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; w -= lr * m^ / (sqrt(v^) +
 *       eps)} with bias-corrected {@code m^, v^}.
 * </ul>
 *
 * Weight decay is decoupled (as in AdamW): after each step, kernels (not biases) shrink by {@code w
 * -= lr * weightDecay * w}.
 */
public record Optimizer(
    Optimizer.Kind kind,
    double learningRate,
    double momentum,
    double beta1,
    double beta2,
    double epsilon,
    double weightDecay) {

  /** The update rule. */
  public enum Kind {
    /** Stochastic gradient descent, with optional momentum. */
    SGD,
    /** Adam (Kingma and Ba), with bias-corrected moment estimates. */
    ADAM
  }

  /**
   * Validates every setting.
   *
   * @param kind SGD or Adam
   * @param learningRate the step size, positive (e.g. {@code 1e-3} for Adam)
   * @param momentum SGD's momentum in [0, 1); 0 for plain SGD
   * @param beta1 Adam's decay of the gradient mean, in [0, 1)
   * @param beta2 Adam's decay of the squared-gradient mean, in [0, 1)
   * @param epsilon Adam's term against division by zero, positive
   * @param weightDecay decoupled weight decay per step, 0 or more (0: none)
   */
  public Optimizer {
    java.util.Objects.requireNonNull(kind, "kind");
    if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "Adam betas must be in [0, 1), got " + beta1 + " and " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
    }
    if (!(weightDecay >= 0 && weightDecay < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
  }

  /**
   * {@return plain stochastic gradient descent}
   *
   * @param learningRate the step size, positive (e.g. {@code 1e-3} for Adam)
   */
  public static Optimizer sgd(double learningRate) {
    return sgd(learningRate, 0);
  }

  /**
   * {@return SGD with momentum}
   *
   * @param learningRate the step size, positive (e.g. {@code 1e-3} for Adam)
   * @param momentum SGD's momentum in [0, 1); 0 for plain SGD
   */
  public static Optimizer sgd(double learningRate, double momentum) {
    return new Optimizer(Kind.SGD, learningRate, momentum, 0.9, 0.999, 1e-7, 0);
  }

  /**
   * {@return Adam with Keras's defaults ({@code beta1 0.9, beta2 0.999, epsilon 1e-7})}
   *
   * @param learningRate the step size, positive (e.g. {@code 1e-3} for Adam)
   */
  public static Optimizer adam(double learningRate) {
    return new Optimizer(Kind.ADAM, learningRate, 0, 0.9, 0.999, 1e-7, 0);
  }

  /**
   * {@return the same optimizer with decoupled weight decay {@code weightDecay}}
   *
   * @param weightDecay decoupled weight decay per step, 0 or more (0: none)
   */
  public Optimizer withWeightDecay(double weightDecay) {
    return new Optimizer(kind, learningRate, momentum, beta1, beta2, epsilon, weightDecay);
  }
}
