package org.cnnexplainer.demo.lab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;
import org.cnnexplainer.core.train.TrainingListener.TrainingPlan;
import org.cnnexplainer.core.train.TrainingResult;
import org.cnnexplainer.demo.io.Durations;

/**
 * Starts, pauses, steps and stops a run, moves what the training thread leaves into the views four
 * times a second, and evaluates the network at the end (or on demand). Training runs on its own
 * thread ({@link LabRun}), evaluation on the Lab's worker; every method here runs on the event
 * thread.
 */
final class RunController {
  private static final int DRAIN_MS = 250;

  private final LabWindow lab;
  private final LabSession session;
  private final DataTab data;
  private final WatchTab watch;
  private final MistakesTab mistakes;
  private final Executor worker;
  private final int threads;
  private final Timer drainTimer = new Timer(DRAIN_MS, e -> drain());
  private int tick;
  private LabRun.Weights pendingFrame;

  RunController(
      LabWindow lab,
      LabSession session,
      DataTab data,
      WatchTab watch,
      MistakesTab mistakes,
      Executor worker,
      int threads) {
    this.lab = lab;
    this.session = session;
    this.data = data;
    this.watch = watch;
    this.mistakes = mistakes;
    this.worker = worker;
    this.threads = threads;
  }

  /** Starts a new run with the settings shown, after asking before an unsaved network is lost. */
  void train() {
    Optional<LabSettings> chosen = data.settings.settings();
    if (session.data == null || chosen.isEmpty()) {
      lab.showTab(0);
      lab.message(
          "Cannot train yet",
          session.data == null
              ? "Choose data first."
              : String.join("\n", data.settings.problemList()));
      return;
    }
    if (session.isRunning()) {
      return;
    }
    if (session.trained != null && !session.savedCurrent) {
      int answer =
          JOptionPane.showOptionDialog(
              lab,
              "The network trained last is not saved. Start a new run anyway?",
              "New run",
              JOptionPane.YES_NO_OPTION,
              JOptionPane.QUESTION_MESSAGE,
              null,
              new Object[] {"Start a new run", "Keep it"},
              "Keep it");
      if (answer != 0) {
        return; // Esc, closing the dialog and "Keep it" keep the run
      }
    }
    LabSettings s = chosen.get();
    LabData d = session.data;
    if (d.source() != null && !d.all().imageShape().equals(s.inputShape())) {
      // The images were read at another size or with other channels: read them again first.
      data.load(d.source().toString(), this::train);
      return;
    }
    if (d.all().classLabels().size() < 2) {
      lab.message(
          "Cannot train yet", "A classifier needs at least two classes; this data has one.");
      return;
    }
    start(new LabRun(d, s, threads));
  }

  private void start(LabRun run) {
    session.startRun(run);
    watch.startRun(run);
    mistakes.startRun();
    lab.showTab(1);
    lab.updateButtons();
    // Paints the tab now, before the training threads take the cores (the first paints load
    // classes and run slowly).
    ViewWarmUp.paintNow(watch);
    // Start once the repaints the tab switch queued have run, before the cores are taken.
    SwingUtilities.invokeLater(
        () -> {
          if (session.run != run) {
            return;
          }
          run.start(this::finished);
          lab.trainingStarted();
          drainTimer.start();
          lab.updateButtons();
        });
  }

  void pauseOrResume() {
    LabRun run = session.run;
    if (run.control.isPaused()) {
      run.control.resume();
    } else {
      run.control.pause();
    }
    lab.updateButtons();
    drain();
  }

  /** One batch, then the views update (while paused). */
  void step() {
    session.run.control.step();
  }

  /** Ends the run after the current batch, keeping the best weights so far. */
  void stop() {
    session.run.control.stop();
  }

  /**
   * Moves what the training thread left into the views (on the Swing timer). The views only take
   * the new figures and draw their pictures on a background thread; the curves, the probe and the
   * filmstrip take turns, so no tick asks for more than one new picture.
   */
  private void drain() {
    if (session.run == null) {
      return;
    }
    drainInto(session.run, tick++ % 3);
    lab.shownChanged();
  }

  /** Turn 0: curves and progress; 1: the probe from new weights; 2: their filmstrip frame. */
  private void drainInto(LabRun run, int turn) {
    LabRun.Update u = run.drain(turn == 0, turn == 1);
    watch.addCurves(u.points(), u.epochs());
    if (u.weights() != null) {
      LabRun.Weights w = u.weights();
      session.latest = w.network();
      watch.showProbe(w.probe());
      pendingFrame = w;
    }
    if (turn == 2 && pendingFrame != null) {
      LabRun.Weights w = pendingFrame;
      pendingFrame = null;
      watch.showFrame(
          w.network(),
          String.format(
              Locale.ROOT,
              "%.2f ep",
              w.at().epoch() - 1 + (double) w.at().batch() / w.at().batches()));
    }
    if (turn == 0) {
      showProgress(run, u.progress());
    }
  }

  private void showProgress(LabRun run, BatchProgress p) {
    TrainingPlan plan = run.plan();
    if (p == null || plan == null) {
      lab.status("Starting…");
      return;
    }
    double done = (p.epoch() - 1 + (double) p.batch() / p.batches()) / p.epochs();
    long remainingImages = Math.round((1 - done) * (double) plan.epochs() * plan.trainingImages());
    double left = p.imagesPerSecond() > 0 ? remainingImages / p.imagesPerSecond() : 0;
    String state =
        run.result() != null
            ? "Finished"
            : run.control.isStopped() ? "Stopping" : run.control.isPaused() ? "Paused" : "Training";
    lab.status(
        String.format(
            Locale.ROOT,
            "%s · epoch %d/%d · batch %d/%d · %,.0f images/s · %s left · loss %.3f · accuracy %.1f %%",
            state,
            p.epoch(),
            p.epochs(),
            p.batch(),
            p.batches(),
            p.imagesPerSecond(),
            Durations.format(left),
            p.loss(),
            100 * p.accuracy()));
    lab.progress(done);
  }

  /** The training thread has ended (event thread): the last figures, then the evaluation. */
  private void finished() {
    drainTimer.stop();
    lab.trainingFinished(); // what follows is not measured by the test's watchdog
    LabRun run = session.run;
    for (int turn = 0; turn < 3; turn++) {
      drainInto(run, turn);
    }
    if (run.failure() != null) {
      lab.status("Training failed: " + run.failure().getMessage());
      lab.message("Training failed", String.valueOf(run.failure().getMessage()));
      lab.updateButtons();
      lab.shownChanged();
      return;
    }
    TrainingResult result = run.result();
    session.trained = result.best();
    List<EpochResult> history = result.history();
    String how =
        result.interrupted()
            ? "Stopped after "
                + history.size()
                + " complete epoch"
                + (history.size() == 1 ? "" : "s")
            : "Finished " + history.size() + " epochs";
    lab.status(
        how
            + (result.bestEpoch().isPresent()
                ? "; keeping the weights of epoch "
                    + result.bestEpoch().getAsInt()
                    + " (lowest validation loss)."
                : "; no epoch finished, keeping the weights so far."));
    if (!result.interrupted()) {
      lab.progress(1);
    }
    lab.updateButtons();
    evaluate(session.trained);
  }

  /** Evaluates the trained network, or while paused the newest weights. */
  void evaluateNow() {
    Network network = session.trained != null ? session.trained : session.latest;
    if (network != null) {
      evaluate(network);
    }
  }

  private void evaluate(Network network) {
    LabRun run = session.run;
    Dataset set = run.evaluationSet();
    mistakes.evaluating(run.evaluationName());
    worker.execute(
        () -> {
          Evaluation e;
          try {
            e = Evaluation.of(network, set, threads);
          } catch (RuntimeException ex) {
            SwingUtilities.invokeLater(() -> mistakes.failed(ex.getMessage()));
            return;
          }
          SwingUtilities.invokeLater(
              () -> {
                if (session.run != run) {
                  return;
                }
                session.evaluation = e;
                session.evaluated = network;
                mistakes.show(e, run.evaluationName());
                lab.showTab(2);
                lab.updateButtons();
                // Once more after the matrix has painted: the dump lists its cells' places.
                SwingUtilities.invokeLater(lab::shownChanged);
              });
        });
  }
}
