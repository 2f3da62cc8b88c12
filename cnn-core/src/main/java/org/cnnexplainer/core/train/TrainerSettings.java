package org.cnnexplainer.core.train;

import java.util.Objects;

/**
 * Immutable settings of a {@link Trainer}.
 *
 * @param epochs maximum number of passes over the training set
 * @param batchSize images per weight update (the last batch of an epoch may be smaller)
 * @param optimizer update rule and learning rate
 * @param schedule learning-rate factor over training
 * @param seed drives shuffling, augmentation and dropout; initial weights come from the network
 * @param threads worker threads; each gets a fixed slice of every batch
 * @param patience stop after this many epochs without a better validation loss; 0 never stops early
 * @param augmentation random changes to training images
 */
public record TrainerSettings(
    int epochs,
    int batchSize,
    Optimizer optimizer,
    LearningRateSchedule schedule,
    long seed,
    int threads,
    int patience,
    Augmentation augmentation) {

  /**
   * Validates every setting.
   *
   * @param epochs the number of passes over the training set, at least 1
   * @param batchSize images per weight update, at least 1
   * @param optimizer the update rule and its settings
   * @param schedule the learning-rate factor over training
   * @param seed the seed of shuffling, weight order and augmentation: the same seed and data give
   *     the same weights
   * @param threads worker threads computing a batch's gradients, at least 1
   * @param patience epochs without a better validation loss before stopping early; 0 never stops
   *     early
   * @param augmentation the random changes applied to training images
   */
  public TrainerSettings {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(augmentation, "augmentation");
  }

  /**
   * {@return a builder starting from: 10 epochs, batch 64, Adam 1e-3, constant rate, seed 0, all
   * cores}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TrainerSettings}; every setter returns this builder. */
  public static final class Builder {
    private int epochs = 10;
    private int batchSize = 64;
    private Optimizer optimizer = Optimizer.adam(1e-3);
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int patience;
    private Augmentation augmentation = Augmentation.none();

    private Builder() {}

    /**
     * Sets the number of epochs (default 10).
     *
     * @param epochs the number of passes over the training set, at least 1
     * @return this builder
     */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /**
     * Sets the batch size (default 64).
     *
     * @param batchSize images per weight update, at least 1
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets the optimizer (default Adam with learning rate 1e-3).
     *
     * @param optimizer the update rule and its settings
     * @return this builder
     */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /**
     * Sets the learning-rate schedule (default constant).
     *
     * @param schedule the learning-rate factor over training
     * @return this builder
     */
    public Builder schedule(LearningRateSchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /**
     * Sets the seed (default 0).
     *
     * @param seed the seed of shuffling, weight order and augmentation: the same seed and data give
     *     the same weights
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the number of worker threads (default: all processors).
     *
     * @param threads worker threads computing a batch's gradients, at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Sets the early-stopping patience (default 0: never stop early).
     *
     * @param patience epochs without a better validation loss before stopping early; 0 never stops
     *     early
     * @return this builder
     */
    public Builder patience(int patience) {
      this.patience = patience;
      return this;
    }

    /**
     * Sets the augmentation (default none).
     *
     * @param augmentation the random changes applied to training images
     * @return this builder
     */
    public Builder augmentation(Augmentation augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    /** {@return the settings; throws {@link IllegalArgumentException} naming a bad value} */
    public TrainerSettings build() {
      return new TrainerSettings(
          epochs, batchSize, optimizer, schedule, seed, threads, patience, augmentation);
    }
  }
}
