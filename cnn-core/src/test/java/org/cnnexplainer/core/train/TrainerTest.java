package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static final Dataset TRAIN = SyntheticData.bars(240, 16, 1);
  private static final Dataset VALIDATION = SyntheticData.bars(60, 16, 2);

  private static Network untrained(long seed) {
    return Architectures.tinyVgg(Shape.image(1, 16, 16), SyntheticData.LABELS, 4, seed);
  }

  private static TrainerSettings.Builder settings() {
    return TrainerSettings.builder().epochs(3).batchSize(16).seed(5).threads(2);
  }

  @Test
  void learnsASimpleTask() {
    TrainingResult result =
        new Trainer(settings().epochs(8).optimizer(Optimizer.adam(0.01)).build())
            .train(untrained(1), TRAIN, VALIDATION, null);
    double accuracy = Evaluation.of(result.best(), VALIDATION, 2).accuracy();
    assertTrue(accuracy > 0.9, "validation accuracy " + accuracy);
    assertTrue(
        result.history().get(result.history().size() - 1).trainingLoss()
            < result.history().get(0).trainingLoss());
  }

  @Test
  void sameSeedDataAndThreadsGiveIdenticalWeights() {
    TrainerSettings s =
        settings()
            .augmentation(new Augmentation(1, true))
            .optimizer(Optimizer.sgd(0.05, 0.9))
            .build();
    Network a = new Trainer(s).train(untrained(3), TRAIN, VALIDATION, null).last();
    Network b = new Trainer(s).train(untrained(3), TRAIN, VALIDATION, null).last();
    assertArrayEquals(weights(a), weights(b));
    Network other =
        new Trainer(settings().seed(6).augmentation(new Augmentation(1, true)).build())
            .train(untrained(3), TRAIN, VALIDATION, null)
            .last();
    assertFalse(java.util.Arrays.equals(weights(a), weights(other)));
  }

  @Test
  void restoresTheWeightsOfTheBestValidationEpoch() {
    TrainingResult result =
        new Trainer(settings().epochs(6).optimizer(Optimizer.adam(0.02)).build())
            .train(untrained(4), TRAIN, VALIDATION, null);
    int best = 0;
    for (int i = 1; i < result.history().size(); i++) {
      if (result.history().get(i).validationLoss() < result.history().get(best).validationLoss()) {
        best = i;
      }
    }
    assertEquals(best + 1, result.bestEpoch().getAsInt());
    double accuracy = Evaluation.of(result.best(), VALIDATION, 1).accuracy();
    assertEquals(result.history().get(best).validationAccuracy(), accuracy, 1e-9);
    assertNotSame(result.best(), result.last());
  }

  @Test
  void stopsEarlyWhenValidationLossStopsImproving() {
    // A learning rate this large makes the loss blow up, so it cannot keep improving.
    TrainingResult result =
        new Trainer(settings().epochs(30).patience(2).optimizer(Optimizer.sgd(5.0)).build())
            .train(untrained(2), TRAIN, VALIDATION, null);
    assertTrue(result.stoppedEarly());
    assertEquals(result.bestEpoch().getAsInt() + 2, result.history().size());
  }

  @Test
  void listenerSeesEventsInTheDocumentedOrder() {
    List<String> events = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void trainingStarted(TrainingPlan plan) {
            events.add("start " + plan.batchesPerEpoch() + " " + plan.threads());
          }

          @Override
          public void epochStarted(int epoch) {
            events.add("epoch " + epoch);
          }

          @Override
          public void batchFinished(BatchProgress p) {
            events.add("batch " + p.batch() + "/" + p.batches());
          }

          @Override
          public void epochFinished(EpochResult result) {
            events.add("end " + result.epoch());
          }

          @Override
          public void checkpoint(Network best, EpochResult result) {
            events.add("checkpoint " + result.epoch());
          }

          @Override
          public void trainingFinished(TrainingResult result) {
            events.add("finished " + result.history().size());
          }
        };
    new Trainer(settings().epochs(1).batchSize(100).build())
        .train(untrained(1), TRAIN, null, listener);
    assertEquals(
        List.of(
            "start 3 2",
            "epoch 1",
            "batch 1/3",
            "batch 2/3",
            "batch 3/3",
            "end 1",
            "checkpoint 1",
            "finished 1"),
        events);
  }

  @Test
  void anInterruptedThreadStopsAfterTheCurrentBatch() {
    Thread.currentThread().interrupt();
    TrainingResult result;
    try {
      result = new Trainer(settings().build()).train(untrained(1), TRAIN, VALIDATION, null);
    } finally {
      assertTrue(Thread.interrupted(), "the interrupt flag is kept");
    }
    assertTrue(result.interrupted());
    assertEquals(0, result.history().size());
    assertTrue(result.bestEpoch().isEmpty(), "no epoch finished");
  }

  @Test
  void rejectsNetworksAndDataItCannotTrain() {
    Network noSoftmax =
        new Network(
            "linear",
            Shape.vector(2),
            List.<Layer>of(new Dense("d", Tensor.zeros(Shape.of(2, 3)), null, Activation.LINEAR)),
            null);
    Trainer trainer = new Trainer(settings().build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> trainer.train(noSoftmax, TRAIN, null, null));
    assertTrue(e.getMessage().contains("softmax"), e.getMessage());
    Network withBatchNorm =
        new Network(
            "bn",
            Shape.vector(3),
            List.of(
                new BatchNormalization(
                    "bn",
                    Tensor.of(Shape.vector(3), 1, 1, 1),
                    Tensor.zeros(Shape.vector(3)),
                    Tensor.zeros(Shape.vector(3)),
                    Tensor.of(Shape.vector(3), 1, 1, 1),
                    1e-3f),
                new Dense("d", Tensor.zeros(Shape.of(3, 3)), null, Activation.SOFTMAX)),
            null);
    e =
        assertThrows(
            IllegalArgumentException.class, () -> trainer.train(withBatchNorm, TRAIN, null, null));
    assertTrue(e.getMessage().contains("'bn' cannot be trained"), e.getMessage());
    Network wrongInput = Architectures.tinyVgg(Shape.image(1, 20, 20), SyntheticData.LABELS, 2, 1);
    e =
        assertThrows(
            IllegalArgumentException.class, () -> trainer.train(wrongInput, TRAIN, null, null));
    assertTrue(e.getMessage().contains("(1, 20, 20)") || e.getMessage().contains("20"));
  }

  /** All Conv2D and Dense weights, in layer order. */
  static float[] weights(Network network) {
    List<Float> all = new ArrayList<>();
    for (Layer layer : network.layers()) {
      Tensor[] ts =
          layer instanceof Conv2D c
              ? new Tensor[] {c.kernel(), c.bias()}
              : layer instanceof Dense d ? new Tensor[] {d.kernel(), d.bias()} : new Tensor[0];
      for (Tensor t : ts) {
        for (float v : t.toArray()) {
          all.add(v);
        }
      }
    }
    float[] result = new float[all.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = all.get(i);
    }
    return result;
  }
}
