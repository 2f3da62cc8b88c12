package org.cnnexplainer.core.attribution;

import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;

/**
 * Integrated gradients with a black (all-zero) baseline and a right Riemann sum of {@code m} steps:
 *
 * <pre>IG(x) = x ⊙ (1/m) Σ_{k=1..m} dS_c/dx evaluated at (k/m)·x</pre>
 *
 * The path runs from the black image to {@code x}; the gradient is taken at each of its {@code m}
 * points and averaged. Completeness: {@code Σ IG} approaches {@code S_c(x) − S_c(0)} as {@code m}
 * grows; {@link #completenessGap()} reports how far this {@code m} is from it.
 *
 * <p>Keeps every step's image scale, logit and gradient, for a view that walks the path.
 */
public final class IntegratedGradients implements Attribution {
  /** The number of steps unless told otherwise. */
  public static final int DEFAULT_STEPS = 32;

  private final Tensor input;
  private final int classIndex;
  private final float[] stepLogits; // k = 0..m; k = 0 is the baseline
  private final float[][] stepGradients; // k = 1..m at index k - 1
  private final Tensor averageGradient;
  private final Tensor values;
  private final double sum;

  private IntegratedGradients(
      Tensor input,
      int classIndex,
      float[] stepLogits,
      float[][] stepGradients,
      Tensor averageGradient,
      Tensor values,
      double sum) {
    this.input = input;
    this.classIndex = classIndex;
    this.stepLogits = stepLogits;
    this.stepGradients = stepGradients;
    this.averageGradient = averageGradient;
    this.values = values;
    this.sum = sum;
  }

  /**
   * {@return integrated gradients of class {@code classIndex} for {@code input} in {@code steps}
   * steps: one forward pass at the baseline and a forward and backward pass per step}
   *
   * @param network the network, which must end in a softmax
   * @param input the image, shaped like the network's input
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   * @param steps the number of steps {@code m} of the path integral, at least 1
   * @throws IllegalArgumentException if the input does not fit, the class is out of range, steps is
   *     below 1 or the network does not end in a softmax (it has no logits)
   */
  public static IntegratedGradients of(Network network, Tensor input, int classIndex, int steps) {
    Checks.requireInput(network, input);
    Checks.requireAtLeast("steps", steps, 1);
    LogitPasses passes = new LogitPasses(network);
    Checks.requireClass(classIndex, passes.classes());
    float[] x = Checks.data(input);
    float[] in = passes.input();
    float[] stepLogits = new float[steps + 1];
    stepLogits[0] = passes.forward()[classIndex]; // in is all zeros: the baseline
    float[][] stepGradients = new float[steps][];
    double[] total = new double[x.length];
    for (int k = 1; k <= steps; k++) {
      float alpha = (float) k / steps;
      for (int i = 0; i < x.length; i++) {
        in[i] = alpha * x[i];
      }
      stepLogits[k] = passes.forward()[classIndex];
      float[] g = passes.backward(classIndex).clone();
      stepGradients[k - 1] = g;
      for (int i = 0; i < g.length; i++) {
        total[i] += g[i];
      }
    }
    float[] average = new float[x.length];
    float[] attribution = new float[x.length];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      average[i] = (float) (total[i] / steps);
      double value = x[i] * (total[i] / steps);
      attribution[i] = (float) value;
      sum += value;
    }
    return new IntegratedGradients(
        input,
        classIndex,
        stepLogits,
        stepGradients,
        Checks.wrap(input.shape(), average),
        Checks.wrap(input.shape(), attribution),
        sum);
  }

  /** {@return the image {@code x}, the path's end} */
  public Tensor input() {
    return input;
  }

  /** {@return the number of steps {@code m}} */
  public int steps() {
    return stepGradients.length;
  }

  /**
   * {@return the path's scale at step {@code k}: {@code k/m} (0 is the baseline)}
   *
   * @param k the step, from 0 (the baseline) to {@link #steps()}
   */
  public float alpha(int k) {
    checkStep(k, 0);
    return (float) k / steps();
  }

  /**
   * {@return the image at step {@code k} of the path, {@code (k/m)·x}; step 0 is the black
   * baseline}
   *
   * @param k the step, from 0 (the baseline) to {@link #steps()}
   */
  public Tensor pathImage(int k) {
    float alpha = alpha(k);
    float[] x = Checks.data(input);
    float[] scaled = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = alpha * x[i];
    }
    return Checks.wrap(input.shape(), scaled);
  }

  /**
   * {@return {@code S_c} at step {@code k} of the path: {@link #baselineLogit()} at 0, the logit at
   * m}
   *
   * @param k the step, from 0 (the baseline) to {@link #steps()}
   */
  public float stepLogit(int k) {
    checkStep(k, 0);
    return stepLogits[k];
  }

  /**
   * {@return {@code dS_c/dx} at step {@code k} (1..m) of the path, shaped like the input}
   *
   * @param k the step, from 0 (the baseline) to {@link #steps()}
   */
  public Tensor stepGradient(int k) {
    checkStep(k, 1);
    return Tensor.of(input.shape(), stepGradients[k - 1]);
  }

  /**
   * {@return the average of the gradients at steps 1..k, shaped like the input; at {@code m} the
   * mean}
   *
   * @param k the step, from 0 (the baseline) to {@link #steps()}
   */
  public Tensor runningAverage(int k) {
    checkStep(k, 1);
    double[] total = new double[input.size()];
    for (int j = 0; j < k; j++) {
      float[] g = stepGradients[j];
      for (int i = 0; i < g.length; i++) {
        total[i] += g[i];
      }
    }
    float[] average = new float[total.length];
    for (int i = 0; i < total.length; i++) {
      average[i] = (float) (total[i] / k);
    }
    return Checks.wrap(input.shape(), average);
  }

  /** {@return {@code (1/m) Σ_k dS_c/dx at (k/m)·x}: the second factor of the attribution} */
  public Tensor averageGradient() {
    return averageGradient;
  }

  /** {@return {@code S_c(0)}, the logit of the all-black baseline} */
  public float baselineLogit() {
    return stepLogits[0];
  }

  /** {@code S_c(x)}, the path's last step (the image itself). */
  @Override
  public float logit() {
    return stepLogits[steps()];
  }

  /** {@return {@code Σ IG}, summed in double} */
  public double sum() {
    return sum;
  }

  /**
   * {@return {@code Σ IG − (S_c(x) − S_c(0))}: zero for an exact integral, shrinking as steps grow}
   */
  public double completenessGap() {
    return sum - ((double) logit() - baselineLogit());
  }

  @Override
  public AttributionMethod method() {
    return AttributionMethod.INTEGRATED_GRADIENTS;
  }

  @Override
  public int classIndex() {
    return classIndex;
  }

  /** {@code x ⊙} {@link #averageGradient()}, shaped like the input. */
  @Override
  public Tensor values() {
    return values;
  }

  @Override
  public Tensor overlay() {
    return values;
  }

  private void checkStep(int k, int first) {
    if (k < first || k > steps()) {
      throw new IndexOutOfBoundsException(
          "step must be in " + first + ".." + steps() + ", got " + k);
    }
  }
}
