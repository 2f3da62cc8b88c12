package org.cnnexplainer.core.train;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.cnnexplainer.core.Network;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param best the network with the lowest validation loss (the restored weights); with no
 *     validation set, the network of the last finished epoch; the initial network when no epoch
 *     finished
 * @param last the network after the last epoch run (or the interrupted one's last batch)
 * @param history every finished epoch's figures, in order
 * @param bestEpoch the epoch {@code best} comes from, counted from 1; empty when no epoch finished
 * @param stoppedEarly whether early stopping ended training before the configured epoch count
 * @param interrupted whether the thread's interruption or {@link TrainingControl#stop} ended it
 */
public record TrainingResult(
    Network best,
    Network last,
    List<EpochResult> history,
    OptionalInt bestEpoch,
    boolean stoppedEarly,
    boolean interrupted) {
  /**
   * Copies the history and checks that every part is present.
   *
   * @param best the best network
   * @param last the last network
   * @param history the finished epochs
   * @param bestEpoch the best epoch from 1, or empty
   * @param stoppedEarly whether early stopping ended training
   * @param interrupted whether training was interrupted
   */
  public TrainingResult {
    Objects.requireNonNull(best, "best");
    Objects.requireNonNull(last, "last");
    history = List.copyOf(history);
    Objects.requireNonNull(bestEpoch, "bestEpoch");
  }
}
