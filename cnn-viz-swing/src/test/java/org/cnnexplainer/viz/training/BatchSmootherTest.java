package org.cnnexplainer.viz.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;
import org.junit.jupiter.api.Test;

class BatchSmootherTest {
  /** The trainer's reports for batches whose own losses are {@code losses}: running means. */
  private static List<BatchProgress> reports(int epoch, double[] losses, double[] accuracies) {
    List<BatchProgress> out = new ArrayList<>();
    double loss = 0;
    double acc = 0;
    for (int b = 1; b <= losses.length; b++) {
      loss += losses[b - 1];
      acc += accuracies[b - 1];
      out.add(new BatchProgress(epoch, 2, b, losses.length, loss / b, acc / b, 1000, 0.001));
    }
    return out;
  }

  @Test
  void withoutSmoothingEachPointIsTheMeanOfItsWindowOfBatches() {
    int batches = 400; // windows of 4 batches
    double[] losses = new double[batches];
    double[] acc = new double[batches];
    for (int i = 0; i < batches; i++) {
      losses[i] = 2.0 - i * 0.004;
      acc[i] = (i % 4) / 4.0;
    }
    BatchSmoother smoother = new BatchSmoother(0);
    List<CurvePoint> points = new ArrayList<>();
    for (BatchProgress p : reports(1, losses, acc)) {
      smoother.add(p).ifPresent(points::add);
    }
    assertEquals(100, points.size());
    CurvePoint first = points.get(0);
    assertEquals(0.01, first.epoch(), 1e-12);
    assertEquals((losses[0] + losses[1] + losses[2] + losses[3]) / 4, first.loss(), 1e-9);
    assertEquals((0 + 0.25 + 0.5 + 0.75) / 4, first.accuracy(), 1e-9);
    CurvePoint last = points.get(99);
    assertEquals(1.0, last.epoch(), 1e-12);
    assertEquals((losses[396] + losses[397] + losses[398] + losses[399]) / 4, last.loss(), 1e-9);
  }

  @Test
  void aNewEpochStartsItsWindowsAgainAndSmoothingFollowsAConstantExactly() {
    BatchSmoother smoother = new BatchSmoother(0.9);
    double[] ones = {0.5, 0.5, 0.5};
    double[] halves = {0.8, 0.8, 0.8};
    List<CurvePoint> points = new ArrayList<>();
    for (int epoch = 1; epoch <= 2; epoch++) {
      for (BatchProgress p : reports(epoch, ones, halves)) {
        smoother.add(p).ifPresent(points::add);
      }
    }
    assertEquals(6, points.size(), "one point per batch on a small dataset");
    for (CurvePoint p : points) {
      // The bias-corrected average of a constant is that constant from the first point on.
      assertEquals(0.5, p.loss(), 1e-9);
      assertEquals(0.8, p.accuracy(), 1e-9);
    }
    assertEquals(1 + 1 / 3.0, points.get(3).epoch(), 1e-12);
    assertTrue(points.get(5).epoch() > points.get(4).epoch());
  }

  @Test
  void refusesSmoothingOutsideTheRange() {
    assertThrows(IllegalArgumentException.class, () -> new BatchSmoother(1));
    assertThrows(IllegalArgumentException.class, () -> new BatchSmoother(-0.1));
  }
}
