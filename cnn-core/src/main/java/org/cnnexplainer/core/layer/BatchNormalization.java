package org.cnnexplainer.core.layer;

import java.util.Map;
import java.util.Objects;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.kernel.Pass;

/**
 * Batch normalisation in its inference form, per channel (TF's last axis): {@code out = (x - mean)
 * / sqrt(variance + epsilon) * gamma + beta}. Works on images {@code (C, H, W)} and vectors {@code
 * (C)}.
 *
 * <p>Backward, with {@code s = gamma / sqrt(variance + epsilon)} per channel and {@code g =
 * dS/dOut}: {@code dIn = s * g}, {@code dGamma = sum g * (x - mean) / sqrt(variance + epsilon)},
 * {@code dBeta = sum g} (sums over each channel's values).
 *
 * <p>Inference form only: the trainer rejects networks that contain it (training-mode batch
 * statistics are not implemented); gradients through it treat the moving statistics as constants.
 */
public final class BatchNormalization extends Layer {
  private final Tensor gamma;
  private final Tensor beta;
  private final Tensor movingMean;
  private final Tensor movingVariance;
  private final float epsilon;

  /**
   * A batch-normalisation layer; all four vectors have one value per channel. Pass ones for {@code
   * gamma} when the model has {@code scale: false} and zeros for {@code beta} when {@code center:
   * false}.
   *
   * @param name the layer's name
   * @param gamma the per-channel scale, shape {@code (channels)}
   * @param beta the per-channel offset, shape {@code (channels)}
   * @param movingMean the per-channel mean learned in training
   * @param movingVariance the per-channel variance learned in training
   * @param epsilon added to the variance before the square root, positive
   */
  public BatchNormalization(
      String name,
      Tensor gamma,
      Tensor beta,
      Tensor movingMean,
      Tensor movingVariance,
      float epsilon) {
    super(name);
    int channels = Objects.requireNonNull(movingMean, "movingMean").size();
    for (Tensor t : new Tensor[] {gamma, beta, movingVariance}) {
      if (!Objects.requireNonNull(t, "batch-norm vector").shape().equals(Shape.vector(channels))) {
        throw new IllegalArgumentException(
            "batch norm '"
                + name
                + "': every vector must have shape ["
                + channels
                + "], got "
                + t.shape());
      }
    }
    if (!(epsilon >= 0f)) {
      throw new IllegalArgumentException(
          "batch norm '" + name + "': epsilon must be >= 0, got " + epsilon);
    }
    this.gamma = gamma;
    this.beta = beta;
    this.movingMean = movingMean;
    this.movingVariance = movingVariance;
    this.epsilon = epsilon;
  }

  /**
   * The per-channel scale applied after normalising.
   *
   * @return the scales, shape {@code (channels)}
   */
  public Tensor gamma() {
    return gamma;
  }

  /**
   * The per-channel offset added after scaling.
   *
   * @return the offsets, shape {@code (channels)}
   */
  public Tensor beta() {
    return beta;
  }

  /**
   * The per-channel mean learned in training.
   *
   * @return the means, shape {@code (channels)}
   */
  public Tensor movingMean() {
    return movingMean;
  }

  /**
   * The per-channel variance learned in training.
   *
   * @return the variances, shape {@code (channels)}
   */
  public Tensor movingVariance() {
    return movingVariance;
  }

  /**
   * The term added to the variance before the square root.
   *
   * @return epsilon, positive
   */
  public float epsilon() {
    return epsilon;
  }

  @Override
  public String kind() {
    return "BatchNormalization";
  }

  @Override
  public Shape outputShape(Shape input) {
    int channels = input.isImage() ? input.channels() : input.dim(input.rank() - 1);
    if (channels != movingMean.size()) {
      throw new IllegalArgumentException(
          "batch norm '"
              + name()
              + "' expects "
              + movingMean.size()
              + " channels, got shape "
              + input);
    }
    return input;
  }

  @Override
  public long parameterCount() {
    return 4L * movingMean.size();
  }

  @Override
  public Map<String, Tensor> parameters() {
    return named(new String[] {"gamma", "beta"}, new Tensor[] {gamma, beta});
  }

  @Override
  float[][] parameterArrays() {
    return new float[][] {data(gamma), data(beta)};
  }

  /** {@code sqrt(variance + epsilon)} of channel {@code c}. */
  private double deviation(int c) {
    return Math.sqrt(movingVariance.at(c) + epsilon);
  }

  /**
   * Index of value {@code q} of channel {@code c}: channel planes for images, else channel last.
   */
  private static int index(boolean image, int channels, int plane, int c, int q) {
    return image ? c * plane + q : q * channels + c;
  }

  @Override
  void forward(Pass p) {
    float[] gammas = p.params()[0];
    float[] betas = p.params()[1];
    int channels = movingMean.size();
    int plane = p.in().length / channels;
    boolean image = p.outShape().isImage();
    for (int c = 0; c < channels; c++) {
      float scale = (float) (gammas[c] / deviation(c));
      float shift = betas[c] - movingMean.at(c) * scale;
      for (int q = 0; q < plane; q++) {
        int i = index(image, channels, plane, c, q);
        p.out()[i] = p.in()[i] * scale + shift;
      }
    }
  }

  @Override
  void backward(Pass p) {
    float[] gammas = p.params()[0];
    int channels = movingMean.size();
    int plane = p.in().length / channels;
    boolean image = p.outShape().isImage();
    float[] g = p.gradOut();
    for (int c = 0; c < channels; c++) {
      double deviation = deviation(c);
      float scale = (float) (gammas[c] / deviation);
      double gammaSum = 0;
      double betaSum = 0;
      for (int q = 0; q < plane; q++) {
        int i = index(image, channels, plane, c, q);
        if (p.gradIn() != null) {
          p.gradIn()[i] = g[i] * scale;
        }
        gammaSum += g[i] * (p.in()[i] - movingMean.at(c)) / deviation;
        betaSum += g[i];
      }
      if (p.gradients() != null) {
        p.gradients()[0][c] += (float) gammaSum;
        p.gradients()[1][c] += (float) betaSum;
      }
    }
  }

  @Override
  Layer withParameterArrays(float[][] values) {
    return new BatchNormalization(
        name(),
        Tensor.of(gamma.shape(), values[0]),
        Tensor.of(beta.shape(), values[1]),
        movingMean,
        movingVariance,
        epsilon);
  }
}
