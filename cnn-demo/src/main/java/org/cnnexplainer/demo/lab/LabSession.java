package org.cnnexplainer.demo.lab;

import java.nio.file.Path;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.train.Evaluation;

/**
 * What the Lab holds at the moment: the data chosen, the current (or last) run, the networks it
 * produced, their evaluation and where they were saved. Shared by the window's parts; read and
 * changed on the event thread only.
 */
final class LabSession {
  /** The data chosen, or {@code null}. */
  LabData data;

  /** The current or last run, or {@code null} (none yet, or a saved record is shown). */
  LabRun run;

  /** The newest weights seen while the run trains, or {@code null}. */
  Network latest;

  /** The best weights of the finished run, or {@code null}. */
  Network trained;

  /** The last evaluation, of {@link #evaluated}, or {@code null}. */
  Evaluation evaluation;

  Network evaluated;

  /** Where the model was saved (or the record shown came from), or {@code null}. */
  Path savedFolder;

  /** Whether {@link #savedFolder} holds {@link #trained}. */
  boolean savedCurrent;

  /** The name the explainer shows for a network of this run. */
  String modelName = "Learning Lab model";

  /** Forgets the networks and results of the previous run when {@code next} starts. */
  void startRun(LabRun next) {
    run = next;
    latest = null;
    trained = null;
    evaluation = null;
    evaluated = null;
    savedFolder = null;
    savedCurrent = false;
    modelName = "Learning Lab: " + next.data.name();
  }

  /** Forgets the run when the record of the saved model at {@code folder} is shown instead. */
  void showRecord(Path folder) {
    run = null;
    trained = null;
    evaluation = null;
    evaluated = null;
    savedCurrent = false;
    savedFolder = folder;
  }

  /** Whether a run is training (or paused). */
  boolean isRunning() {
    return run != null && run.isRunning();
  }

  /** Whether the running run is paused. */
  boolean isPaused() {
    return isRunning() && run.control.isPaused();
  }

  /** The evaluation of the trained network, or {@code null} when it was not evaluated. */
  Evaluation evaluationOfTrained() {
    return evaluated == trained ? evaluation : null;
  }

  /** The name the explainer shows for the evaluated network: its folder once saved. */
  String evaluatedModelName() {
    return evaluated == trained && savedFolder != null && savedCurrent
        ? savedFolder.getFileName().toString()
        : modelName;
  }
}
