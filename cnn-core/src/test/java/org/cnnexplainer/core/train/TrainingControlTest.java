package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;
import org.junit.jupiter.api.Test;

/** Pause, single step, stop and weight requests of a running {@link Trainer}. */
class TrainingControlTest {
  private static final Dataset TRAIN = SyntheticData.bars(96, 16, 1);

  private static Network untrained() {
    return Architectures.tinyVgg(Shape.image(1, 16, 16), SyntheticData.LABELS, 4, 3);
  }

  private static Trainer trainer(int epochs) {
    return new Trainer(
        TrainerSettings.builder().epochs(epochs).batchSize(16).seed(5).threads(2).build());
  }

  /** Records batches and weights, and pauses the run after the batch {@code pauseAfter}. */
  private static final class Recorder implements TrainingListener {
    final BlockingQueue<BatchProgress> batches = new LinkedBlockingQueue<>();
    final List<Network> weights = new CopyOnWriteArrayList<>();
    final List<BatchProgress> weightsAt = new CopyOnWriteArrayList<>();
    final TrainingControl control;
    final int pauseAfter;

    Recorder(TrainingControl control, int pauseAfter) {
      this.control = control;
      this.pauseAfter = pauseAfter;
    }

    @Override
    public void batchFinished(BatchProgress progress) {
      if (progress.epoch() == 1 && progress.batch() == pauseAfter) {
        control.pause();
      }
      batches.add(progress);
    }

    @Override
    public void weights(Network current, BatchProgress progress) {
      weights.add(current);
      weightsAt.add(progress);
    }
  }

  @Test
  void pausedRunWaitsStepsOneBatchWithItsWeightsAndResumes() throws Exception {
    TrainingControl control = new TrainingControl();
    Recorder recorder = new Recorder(control, 2);
    CompletableFuture<TrainingResult> run =
        CompletableFuture.supplyAsync(
            () -> trainer(1).train(untrained(), TRAIN, null, recorder, control));
    assertEquals(1, recorder.batches.poll(20, TimeUnit.SECONDS).batch());
    assertEquals(2, recorder.batches.poll(20, TimeUnit.SECONDS).batch());
    assertTrue(control.isPaused());
    // Paused: no third batch arrives.
    assertEquals(null, recorder.batches.poll(300, TimeUnit.MILLISECONDS));
    assertTrue(recorder.weights.isEmpty());

    control.step();
    assertEquals(3, recorder.batches.poll(20, TimeUnit.SECONDS).batch());
    assertEquals(null, recorder.batches.poll(300, TimeUnit.MILLISECONDS));
    assertEquals(1, recorder.weights.size(), "a step hands over the weights after its batch");
    assertEquals(3, recorder.weightsAt.get(0).batch());
    assertFalse(run.isDone());

    Thread.sleep(1500);
    control.resume();
    TrainingResult result = run.get(60, TimeUnit.SECONDS);
    assertFalse(result.interrupted());
    assertTrue(
        result.history().get(0).seconds() < 1.2,
        "the 2 s paused are not counted in the epoch's time: " + result.history().get(0));
    assertEquals(1, result.history().size());
    assertEquals(6, 3 + recorder.batches.size(), "all six batches of the epoch ran");
  }

  @Test
  void pausingChangesNothingAboutTheResult() throws Exception {
    TrainingResult plain = trainer(2).train(untrained(), TRAIN, null, null);
    TrainingControl control = new TrainingControl();
    Recorder recorder = new Recorder(control, 3);
    CompletableFuture<TrainingResult> run =
        CompletableFuture.supplyAsync(
            () -> trainer(2).train(untrained(), TRAIN, null, recorder, control));
    for (int i = 0; i < 3; i++) {
      recorder.batches.poll(20, TimeUnit.SECONDS);
    }
    control.step();
    control.step();
    control.requestWeights();
    control.resume();
    TrainingResult paused = run.get(60, TimeUnit.SECONDS);
    assertArrayEquals(TrainerTest.weights(plain.last()), TrainerTest.weights(paused.last()));
  }

  @Test
  void requestedWeightsAreTheNetworkAfterThatBatch() {
    TrainingControl control = new TrainingControl();
    control.requestWeights();
    Recorder recorder = new Recorder(control, -1);
    TrainingResult result = trainer(1).train(untrained(), TRAIN, null, recorder, control);
    assertEquals(1, recorder.weights.size(), "one request, one copy");
    assertEquals(1, recorder.weightsAt.get(0).batch());
    // After one batch the weights differ from both the start and the end of training.
    float[] first = TrainerTest.weights(recorder.weights.get(0));
    assertFalse(java.util.Arrays.equals(first, TrainerTest.weights(untrained())));
    assertFalse(java.util.Arrays.equals(first, TrainerTest.weights(result.last())));
  }

  @Test
  void stopEndsAPausedRunWithoutInterruptingTheThread() throws Exception {
    TrainingControl control = new TrainingControl();
    Recorder recorder = new Recorder(control, 2);
    CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    CompletableFuture<TrainingResult> run =
        CompletableFuture.supplyAsync(
            () -> {
              TrainingResult r = trainer(3).train(untrained(), TRAIN, null, recorder, control);
              interruptedAfter.complete(Thread.currentThread().isInterrupted());
              return r;
            });
    recorder.batches.poll(20, TimeUnit.SECONDS);
    recorder.batches.poll(20, TimeUnit.SECONDS);
    control.stop();
    TrainingResult result = run.get(20, TimeUnit.SECONDS);
    assertTrue(result.interrupted());
    assertTrue(control.isStopped());
    assertEquals(0, result.history().size());
    assertEquals(0, recorder.batches.size(), "no batch after the stop");
    assertFalse(interruptedAfter.get(), "a stop is not an interruption of the caller");
    // A stopped run still returns a usable network: the weights so far.
    assertEquals(untrained().inputShape(), result.best().inputShape());
  }

  @Test
  void stepIsIgnoredWhileRunning() throws Exception {
    TrainingControl control = new TrainingControl();
    control.step();
    assertFalse(control.isPaused());
    assertTrue(control.awaitTurn(), "a running control never holds");
    assertFalse(control.takeWeightsRequest(), "an ignored step asks for no weights");
  }
}
