package org.cnnexplainer.demo.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.TrainingListener;
import org.cnnexplainer.demo.io.Durations;

/**
 * Prints a live progress bar (to {@code bar}, redrawn in place with a carriage return, at most 5
 * times a second) and one summary line per epoch (to {@code lines}).
 */
class TrainingProgress implements TrainingListener {
  private static final int BAR_WIDTH = 24;
  private final PrintStream bar;
  private final PrintStream lines;
  private final boolean live;
  private long lastDraw;
  private long started;
  private int batchesPerEpoch;
  private int epochs;
  private boolean barShown;
  private boolean validating = true;

  TrainingProgress(PrintStream bar, PrintStream lines, boolean live) {
    this.bar = bar;
    this.lines = lines;
    this.live = live;
  }

  @Override
  public void trainingStarted(TrainingPlan plan) {
    started = System.nanoTime();
    batchesPerEpoch = plan.batchesPerEpoch();
    epochs = plan.epochs();
    validating = plan.validationImages() > 0;
    lines.printf(
        Locale.ROOT,
        "training on %d images (%d for validation), %d epochs of %d batches, %d threads%n",
        plan.trainingImages(),
        plan.validationImages(),
        plan.epochs(),
        plan.batchesPerEpoch(),
        plan.threads());
  }

  @Override
  public void batchFinished(BatchProgress p) {
    long now = System.nanoTime();
    // Redirected output (a log file) gets a plain line a minute instead of the redrawn bar.
    long interval = live ? 200_000_000L : 60_000_000_000L;
    if (lastDraw == 0) {
      lastDraw = now;
    }
    if (now - lastDraw < interval && (!live || p.batch() != p.batches())) {
      return;
    }
    lastDraw = now;
    double done = (p.epoch() - 1 + (double) p.batch() / p.batches()) / p.epochs();
    double elapsed = (now - started) / 1e9;
    double eta = done > 0 ? elapsed * (1 - done) / done : 0;
    int filled = (int) Math.round(BAR_WIDTH * (double) p.batch() / p.batches());
    bar.printf(
        Locale.ROOT,
        (live ? "\r" : "")
            + "epoch %d/%d [%s%s] batch %d/%d  %.0f img/s  loss %.4f  acc %.2f%%  ETA %s ",
        p.epoch(),
        p.epochs(),
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        p.batch(),
        p.batches(),
        p.imagesPerSecond(),
        p.loss(),
        100 * p.accuracy(),
        Durations.format(eta));
    if (!live) {
      bar.println();
    }
    bar.flush();
    barShown = live;
  }

  @Override
  public void epochFinished(EpochResult r) {
    if (barShown) {
      bar.print("\r" + " ".repeat(110) + "\r");
      bar.flush();
      barShown = false;
    }
    lines.printf(
        Locale.ROOT,
        "epoch %d/%d  loss %.4f  acc %.2f%%%s  lr %.2e  %.1f s  %.0f img/s%s%n",
        r.epoch(),
        epochs,
        r.trainingLoss(),
        100 * r.trainingAccuracy(),
        validating
            ? String.format(
                Locale.ROOT,
                "  val_loss %.4f  val_acc %.2f%%",
                r.validationLoss(),
                100 * r.validationAccuracy())
            : "",
        r.learningRate(),
        r.seconds(),
        r.imagesPerSecond(),
        r.improved() ? "  (best, saved)" : "");
    lines.flush();
  }

  int batchesPerEpoch() {
    return batchesPerEpoch;
  }
}
