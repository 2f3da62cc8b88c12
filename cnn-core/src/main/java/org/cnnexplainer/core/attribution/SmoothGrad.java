package org.cnnexplainer.core.attribution;

import java.util.Random;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;

/**
 * SmoothGrad: the saliency averaged over {@code n} noisy copies of the image,
 *
 * <pre>SG(x) = (1/n) Σ_{s=1..n} dS_c/dx evaluated at x + ε_s,  ε_s ~ N(0, σ²) per input value</pre>
 *
 * Gradients of a ReLU network jump from pixel to pixel; averaging over a small neighbourhood of the
 * image keeps what they agree on. {@code σ} is in input units (the inputs of the original model run
 * from 0 to 1, so 0.15 is 15 % of their range). The noise is reproducible: {@code new
 * java.util.Random(seed)}'s {@code nextGaussian()}, one per input value in the tensor's order,
 * sample after sample.
 */
public final class SmoothGrad implements Attribution {
  /** Samples unless told otherwise. */
  public static final int DEFAULT_SAMPLES = 25;

  /** Noise standard deviation unless told otherwise, in input units. */
  public static final float DEFAULT_SIGMA = 0.15f;

  private final int classIndex;
  private final float logit;
  private final int samples;
  private final float sigma;
  private final long seed;
  private final Tensor values;

  private SmoothGrad(
      int classIndex, float logit, int samples, float sigma, long seed, Tensor values) {
    this.classIndex = classIndex;
    this.logit = logit;
    this.samples = samples;
    this.sigma = sigma;
    this.seed = seed;
    this.values = values;
  }

  /**
   * {@return SmoothGrad of class {@code classIndex} for {@code input}}
   *
   * @param network the network, which must end in a softmax
   * @param input the image, shaped like the network's input
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   * @param samples the number of noisy copies {@code n}, at least 1
   * @param sigma the noise's standard deviation as a fraction of the input's value range, 0 or more
   * @param seed the random seed; the same seed gives the same result
   * @throws IllegalArgumentException if the input does not fit, the class is out of range, samples
   *     is below 1, sigma is negative or not finite, or the network has no logits
   */
  public static SmoothGrad of(
      Network network, Tensor input, int classIndex, int samples, float sigma, long seed) {
    Checks.requireInput(network, input);
    Checks.requireAtLeast("samples", samples, 1);
    if (!(sigma >= 0) || !Float.isFinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and at least 0, got " + sigma);
    }
    LogitPasses passes = new LogitPasses(network);
    Checks.requireClass(classIndex, passes.classes());
    float[] x = Checks.data(input);
    float[] in = passes.input();
    System.arraycopy(x, 0, in, 0, x.length);
    float logit = passes.forward()[classIndex];
    Random noise = new Random(seed);
    double[] total = new double[x.length];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < x.length; i++) {
        in[i] = x[i] + sigma * (float) noise.nextGaussian();
      }
      passes.forward();
      float[] g = passes.backward(classIndex);
      for (int i = 0; i < g.length; i++) {
        total[i] += g[i];
      }
    }
    float[] mean = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      mean[i] = (float) (total[i] / samples);
    }
    return new SmoothGrad(
        classIndex, logit, samples, sigma, seed, Checks.wrap(input.shape(), mean));
  }

  /** {@return the number of noisy samples {@code n}} */
  public int samples() {
    return samples;
  }

  /** {@return the noise's standard deviation {@code σ}, in input units} */
  public float sigma() {
    return sigma;
  }

  /** {@return the seed of the noise} */
  public long seed() {
    return seed;
  }

  @Override
  public AttributionMethod method() {
    return AttributionMethod.SMOOTHGRAD;
  }

  @Override
  public int classIndex() {
    return classIndex;
  }

  /** {@code S_c(x)} of the image without noise. */
  @Override
  public float logit() {
    return logit;
  }

  /** The mean gradient, shaped like the input. */
  @Override
  public Tensor values() {
    return values;
  }

  @Override
  public Tensor overlay() {
    return values;
  }
}
