package org.cnnexplainer.viz.training;

import java.util.Optional;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;

/**
 * Turns the trainer's batch reports into a per-batch curve that can be drawn live: the loss and
 * accuracy of the batches since the last point (recovered from the epoch's running means), one
 * point per window of about 1 % of an epoch, smoothed by a bias-corrected exponential moving
 * average. Not thread-safe: feed it from the training thread, hand the points on.
 */
public final class BatchSmoother {
  /** Points per epoch at most (fewer on small datasets: one per batch). */
  static final int POINTS_PER_EPOCH = 100;

  private final double smoothing;
  private int lastBatch;
  private double lastLossSum;
  private double lastCorrectSum;
  private double emaLoss;
  private double emaAccuracy;
  private double weight;

  /**
   * @param smoothing the moving average's weight of the past, in [0, 1): 0 draws the window means
   *     as they are
   */
  public BatchSmoother(double smoothing) {
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
    }
    this.smoothing = smoothing;
  }

  /**
   * Takes the next batch report.
   *
   * @param progress the trainer's report after one batch (epochs 1-based, with the epoch's running
   *     mean loss and accuracy); a batch number not above the last one starts a new epoch
   * @return the smoothed point (epoch as a fraction, e.g. 1.25 a quarter into the second epoch)
   *     when this batch closes a window of about 1 % of the epoch (and at its last batch); else
   *     empty
   */
  public Optional<CurvePoint> add(BatchProgress progress) {
    if (progress.batch() <= lastBatch) {
      lastBatch = 0; // a new epoch: the running means start again
      lastLossSum = 0;
      lastCorrectSum = 0;
    }
    int window = Math.max(1, (int) Math.ceil(progress.batches() / (double) POINTS_PER_EPOCH));
    if (progress.batch() % window != 0 && progress.batch() != progress.batches()) {
      return Optional.empty();
    }
    // The running means weigh batches equally (all but the last have the same size), so the
    // window's mean is the difference of the running sums over the batches in it.
    double lossSum = progress.loss() * progress.batch();
    double correctSum = progress.accuracy() * progress.batch();
    int batches = progress.batch() - lastBatch;
    double loss = (lossSum - lastLossSum) / batches;
    double accuracy = Math.min(1, Math.max(0, (correctSum - lastCorrectSum) / batches));
    lastBatch = progress.batch();
    lastLossSum = lossSum;
    lastCorrectSum = correctSum;
    emaLoss = smoothing * emaLoss + (1 - smoothing) * loss;
    emaAccuracy = smoothing * emaAccuracy + (1 - smoothing) * accuracy;
    weight = smoothing * weight + (1 - smoothing);
    double epoch = progress.epoch() - 1 + (double) progress.batch() / progress.batches();
    return Optional.of(new CurvePoint(epoch, emaLoss / weight, emaAccuracy / weight));
  }
}
