package org.cnnexplainer.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;
import org.cnnexplainer.core.train.TrainingListener.TrainingPlan;

/**
 * Trains a network by mini-batch gradient descent on softmax cross-entropy: {@code loss = mean over
 * the batch of (log sum_j exp(z_j) - z_label)} over the logits {@code z} before the final softmax.
 * The result is a new immutable {@link Network}; the one passed in is only the starting point.
 *
 * <p>Each batch is split into one fixed, contiguous slice per thread; each thread sums its slice's
 * gradients in order and the slices are then added in thread order. With the same settings (seed,
 * threads), data and starting network, the trained weights are therefore bit-for-bit identical.
 *
 * <p>Interrupting the calling thread, or {@link TrainingControl#stop}, stops training after the
 * current batch; {@code train} then returns the best weights so far with {@link
 * TrainingResult#interrupted()} set. A {@link TrainingControl} also pauses and single-steps a run.
 */
public final class Trainer {
  private final TrainerSettings settings;

  /**
   * A trainer with these settings.
   *
   * @param settings epochs, batch size, optimizer and the other settings
   */
  public Trainer(TrainerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** {@return the settings} */
  public TrainerSettings settings() {
    return settings;
  }

  /**
   * Trains a copy of {@code initial}.
   *
   * @param initial the network to start from (it is not changed); it must end in a softmax
   * @param training the images to learn from
   * @param validation images for early stopping and best-weight restore, or {@code null}
   * @param listener told of progress on the calling thread, or {@code null} for none
   * @return the best and last networks, the epochs' figures and how training ended
   * @throws IllegalArgumentException if the network cannot be trained or the data does not fit it
   */
  public TrainingResult train(
      Network initial, Dataset training, Dataset validation, TrainingListener listener) {
    return train(initial, training, validation, listener, new TrainingControl());
  }

  /**
   * Trains a copy of {@code initial}, checking {@code control} before every batch (pause, step,
   * stop) and after it (weights requested).
   *
   * @param initial the network to start from (it is not changed); it must end in a softmax
   * @param training the images to learn from
   * @param validation images for early stopping and best-weight restore, or {@code null}
   * @param listener told of progress on the calling thread, or {@code null} for none
   * @param control pause, step and stop requests from another thread
   * @return the best and last networks, the epochs' figures and how training ended
   * @throws IllegalArgumentException if the network cannot be trained or the data does not fit it
   */
  public TrainingResult train(
      Network initial,
      Dataset training,
      Dataset validation,
      TrainingListener listener,
      TrainingControl control) {
    Objects.requireNonNull(control, "control");
    TrainableNetwork net = new TrainableNetwork(initial);
    requireFits(initial, training, "training");
    if (validation != null) {
      requireFits(initial, validation, "validation");
    }
    if (training.size() == 0) {
      throw new IllegalArgumentException("the training set is empty");
    }
    try (Workers workers = new Workers(net, settings.threads())) {
      return new Run(net, workers, training, validation, listener, control).execute();
    }
  }

  private static void requireFits(Network network, Dataset data, String what) {
    if (!data.imageShape().equals(network.inputShape())) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " images have shape "
              + data.imageShape()
              + " but the network expects "
              + network.inputShape());
    }
    if (data.classLabels().size() != network.outputShape().size()) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " set has "
              + data.classLabels().size()
              + " classes but the network has "
              + network.outputShape().size()
              + " outputs");
    }
  }

  /** One call of {@code train}: the loop over epochs and batches. */
  private final class Run {
    private final TrainableNetwork net;
    private final Workers workers;
    private final Dataset training;
    private final Dataset validation;
    private final TrainingListener listener;
    private final TrainingControl control;
    private final OptimizerState optimizer;
    private final List<EpochResult> history = new ArrayList<>();
    private float[][][] bestParams;
    private int bestEpoch;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private boolean interrupted;
    private boolean stopRequested;

    Run(
        TrainableNetwork net,
        Workers workers,
        Dataset training,
        Dataset validation,
        TrainingListener listener,
        TrainingControl control) {
      this.net = net;
      this.control = control;
      this.workers = workers;
      this.training = training;
      this.validation = validation;
      this.listener = listener == null ? TrainingListener.NONE : listener;
      this.optimizer = new OptimizerState(settings.optimizer(), net);
    }

    TrainingResult execute() {
      int n = training.size();
      int batch = settings.batchSize();
      int batches = (n + batch - 1) / batch;
      int epochs = settings.epochs();
      listener.trainingStarted(
          new TrainingPlan(
              epochs, batches, n, validation == null ? 0 : validation.size(), workers.count()));
      boolean stoppedEarly = false;
      int sinceBest = 0;
      for (int epoch = 1; epoch <= epochs && !interrupted; epoch++) {
        listener.epochStarted(epoch);
        int[] order =
            Dataset.permutation(n, new SplittableRandom(Seeds.mix(settings.seed(), epoch)));
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        double lr = 0;
        for (int b = 0; b < batches; b++) {
          if (Thread.currentThread().isInterrupted()) {
            interrupted = true;
            break;
          }
          long held = System.nanoTime();
          try {
            boolean go = control.awaitTurn();
            // Time spent paused is not training time: the epoch's clock skips it.
            start += System.nanoTime() - held;
            if (!go) {
              stopRequested = true;
              interrupted = true;
              break;
            }
          } catch (InterruptedException e) {
            interrupted = true;
            break;
          }
          int from = b * batch;
          int to = Math.min(n, from + batch);
          double progress = (epoch - 1 + (double) b / batches) / epochs;
          lr = settings.optimizer().learningRate() * settings.schedule().factor(progress);
          Workers.Totals totals;
          try {
            totals = workers.trainBatch(training, order, from, to, epoch, settings);
          } catch (InterruptedException e) {
            interrupted = true;
            break;
          }
          optimizer.step(net.params, workers.gradients(), lr);
          lossSum += totals.loss();
          correct += totals.correct();
          seen += to - from;
          double seconds = (System.nanoTime() - start) / 1e9;
          BatchProgress done =
              new BatchProgress(
                  epoch,
                  epochs,
                  b + 1,
                  batches,
                  lossSum / seen,
                  (double) correct / seen,
                  seen / seconds,
                  lr);
          listener.batchFinished(done);
          if (control.takeWeightsRequest()) {
            listener.weights(net.snapshot(), done);
          }
        }
        if (interrupted) {
          break;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double valLoss = Double.NaN;
        double valAccuracy = Double.NaN;
        if (validation != null) {
          try {
            Workers.Totals totals = workers.evaluate(validation);
            valLoss = totals.loss() / validation.size();
            valAccuracy = (double) totals.correct() / validation.size();
          } catch (InterruptedException e) {
            interrupted = true;
            break;
          }
        }
        boolean improved = validation == null || valLoss < bestLoss;
        if (improved) {
          bestLoss = validation == null ? bestLoss : valLoss;
          bestParams = net.copyParams();
          bestEpoch = epoch;
          sinceBest = 0;
        } else {
          sinceBest++;
        }
        EpochResult result =
            new EpochResult(
                epoch,
                lossSum / n,
                (double) correct / n,
                valLoss,
                valAccuracy,
                seconds,
                n / seconds,
                lr,
                improved);
        history.add(result);
        listener.epochFinished(result);
        if (improved) {
          listener.checkpoint(net.snapshot(), result);
        }
        if (settings.patience() > 0 && sinceBest >= settings.patience()) {
          stoppedEarly = epoch < epochs;
          break;
        }
      }
      Network last = net.snapshot();
      Network best = last;
      if (bestParams != null) {
        float[][][] current = net.copyParams();
        System.arraycopy(bestParams, 0, net.params, 0, bestParams.length);
        best = net.snapshot();
        System.arraycopy(current, 0, net.params, 0, current.length);
      }
      TrainingResult result =
          new TrainingResult(
              best,
              last,
              history,
              bestEpoch == 0 ? OptionalInt.empty() : OptionalInt.of(bestEpoch),
              stoppedEarly,
              interrupted);
      listener.trainingFinished(result);
      if (interrupted && !stopRequested) {
        Thread.currentThread().interrupt(); // keep the caller's interruption visible
      }
      return result;
    }
  }
}
