package org.cnnexplainer.core.train;

import java.util.List;
import org.cnnexplainer.core.Network;

/**
 * The outcome of {@link Trainer#train}: the network with the best validation loss ({@code best},
 * the restored weights), the network after the last epoch run ({@code last}), every epoch's
 * figures, the best epoch (from 1; 0 when no epoch finished), and whether training ended early
 * (early stopping) or was interrupted (the thread's interruption or {@link TrainingControl#stop}).
 */
public record TrainingResult(
    Network best,
    Network last,
    List<EpochResult> history,
    int bestEpoch,
    boolean stoppedEarly,
    boolean interrupted) {
  /** Copies the history. */
  public TrainingResult {
    history = List.copyOf(history);
  }
}
