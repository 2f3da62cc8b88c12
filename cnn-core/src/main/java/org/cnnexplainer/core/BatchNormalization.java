package org.cnnexplainer.core;

import java.util.Objects;

/**
 * Batch normalisation in its inference form, per channel (TF's last axis): {@code out = (x - mean)
 * / sqrt(variance + epsilon) * gamma + beta}. Works on images {@code (C, H, W)} and vectors {@code
 * (C)}.
 *
 * <p>Inference only: the trainer rejects networks that contain it (training-mode batch statistics
 * are not implemented).
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

  public Tensor gamma() {
    return gamma;
  }

  public Tensor beta() {
    return beta;
  }

  public Tensor movingMean() {
    return movingMean;
  }

  public Tensor movingVariance() {
    return movingVariance;
  }

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
  float[] compute(Tensor input, Shape outputShape) {
    int channels = movingMean.size();
    int plane = input.size() / channels;
    boolean channelFirst = outputShape.isImage();
    float[] out = new float[input.size()];
    for (int c = 0; c < channels; c++) {
      float scale = (float) (gamma.data[c] / Math.sqrt(movingVariance.data[c] + epsilon));
      float shift = beta.data[c] - movingMean.data[c] * scale;
      for (int p = 0; p < plane; p++) {
        int i = channelFirst ? c * plane + p : p * channels + c;
        out[i] = input.data[i] * scale + shift;
      }
    }
    return out;
  }
}
