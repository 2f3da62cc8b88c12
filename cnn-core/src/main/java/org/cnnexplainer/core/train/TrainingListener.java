package org.cnnexplainer.core.train;

import org.cnnexplainer.core.Network;

/**
 * Follows a training run. Every method has a no-op default.
 *
 * <p>Thread contract: all methods are called on the thread that called {@link Trainer#train}, one
 * at a time, in the order begin, (epoch start, (batch, [weights])..., epoch end, [checkpoint])...,
 * end. They run between batches while the worker threads wait, so they must return quickly (a GUI
 * must hand the values to its event thread, e.g. with {@code SwingUtilities.invokeLater}, and never
 * block on it). They must not call back into the trainer. The objects passed are immutable and may
 * be kept. An exception thrown by a listener ends the training run and propagates from {@code
 * train}.
 */
public interface TrainingListener {
  /** A listener that does nothing. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * Before the first epoch.
   *
   * @param plan epochs, batches, images and threads of the run
   */
  default void trainingStarted(TrainingPlan plan) {}

  /**
   * Before each epoch ({@code epoch} counts from 1).
   *
   * @param epoch the epoch, from 1
   */
  default void epochStarted(int epoch) {}

  /**
   * After each mini-batch's weight update.
   *
   * @param progress where training is and the batch's figures
   */
  default void batchFinished(BatchProgress progress) {}

  /**
   * A copy of the weights right after the batch {@code progress} describes, when a {@link
   * TrainingControl} asked for it ({@link TrainingControl#requestWeights}, or a single step).
   * Called right after {@link #batchFinished}.
   *
   * @param current the network with the weights after that batch
   * @param progress where training is and the batch's figures
   */
  default void weights(Network current, BatchProgress progress) {}

  /**
   * After each epoch and its validation.
   *
   * @param result the epoch's training and validation figures
   */
  default void epochFinished(EpochResult result) {}

  /**
   * When the validation loss reached a new best (every epoch when there is no validation set):
   * {@code best} holds the weights after that epoch. Save it here to keep checkpoints.
   *
   * @param best the network with the new best weights
   * @param result the figures of the epoch that produced {@code best}
   */
  default void checkpoint(Network best, EpochResult result) {}

  /**
   * After the last epoch, after early stopping, or after an interruption.
   *
   * @param result the run's outcome: best and last networks, history, how it ended
   */
  default void trainingFinished(TrainingResult result) {}

  /** What a run will do. */
  record TrainingPlan(
      int epochs, int batchesPerEpoch, int trainingImages, int validationImages, int threads) {}

  /**
   * Progress within an epoch: {@code loss} and {@code accuracy} are means over this epoch's batches
   * so far; {@code imagesPerSecond} is this epoch's training throughput so far.
   */
  record BatchProgress(
      int epoch,
      int epochs,
      int batch,
      int batches,
      double loss,
      double accuracy,
      double imagesPerSecond,
      double learningRate) {}
}
