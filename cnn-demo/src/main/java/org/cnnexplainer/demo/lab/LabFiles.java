package org.cnnexplainer.demo.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.swing.JFileChooser;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.demo.io.TrainingRecord;

/**
 * The Lab's files: saving the trained network as a model folder ({@link LabSaver}, under the same
 * rules as {@code train --out}), opening it (or the network in memory) in the explainer, and
 * showing a saved model's training record again. Reading and writing run on the Lab's worker
 * thread.
 */
final class LabFiles {
  private final LabWindow lab;
  private final LabSession session;
  private final WatchTab watch;
  private final MistakesTab mistakes;
  private final ExplainerBridge bridge;
  private final Executor worker;

  LabFiles(
      LabWindow lab,
      LabSession session,
      WatchTab watch,
      MistakesTab mistakes,
      ExplainerBridge bridge,
      Executor worker) {
    this.lab = lab;
    this.session = session;
    this.watch = watch;
    this.mistakes = mistakes;
    this.bridge = bridge;
    this.worker = worker;
  }

  /** Asks for a folder and saves the trained network there. */
  void saveModel() {
    if (session.trained == null) {
      return;
    }
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Save the model as a folder");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    chooser.setApproveButtonText("Save");
    String suggested =
        session.data.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-tiny-vgg";
    chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), suggested));
    if (chooser.showSaveDialog(lab) != JFileChooser.APPROVE_OPTION) {
      return;
    }
    saveTo(chooser.getSelectedFile().toPath());
  }

  /** Saves the trained network (with its evaluation, when it was evaluated) to {@code out}. */
  void saveTo(Path out) {
    LabRun run = session.run;
    Network network = session.trained;
    Evaluation e = session.evaluationOfTrained();
    lab.status("Saving to " + out + "…");
    worker.execute(
        () -> {
          try {
            LabSaver.save(out, network, run, e);
            SwingUtilities.invokeLater(
                () -> {
                  if (session.run == run && session.trained == network) {
                    session.savedFolder = out.toAbsolutePath().normalize();
                    session.savedCurrent = true;
                  }
                  lab.status(
                      "Saved to "
                          + out
                          + " (model, training record, model card). Open in explainer opens it.");
                  lab.updateButtons();
                  lab.shownChanged();
                });
          } catch (IOException | RuntimeException ex) {
            SwingUtilities.invokeLater(
                () -> {
                  lab.status("Not saved: " + ex.getMessage());
                  lab.message("Could not save the model", ex.getMessage());
                });
          }
        });
  }

  /**
   * Opens the saved model in the explainer; an unsaved trained network goes there from memory, with
   * two evaluation images per class.
   */
  void openInExplainer() {
    if (session.savedFolder != null && (session.savedCurrent || session.trained == null)) {
      bridge.open(session.savedFolder);
      return;
    }
    if (session.trained == null) {
      return;
    }
    Dataset set = session.run.evaluationSet();
    List<LabImage> images = new ArrayList<>();
    int[] perClass = new int[set.classLabels().size()];
    for (int i = 0; i < set.size() && images.size() < 2 * perClass.length; i++) {
      if (perClass[set.label(i)]++ < 2) {
        String trueLabel = set.classLabels().get(set.label(i));
        images.add(
            new LabImage(
                session.run.evaluationImageName(i) + " (true: " + trueLabel + ")",
                "true: " + trueLabel,
                ImageInput.toImage(set.image(i)),
                set.image(i)));
      }
    }
    bridge.show(session.modelName, session.trained, images, 0);
  }

  /** Asks for a saved model and shows its training record. */
  void openTrainedModel() {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Open a trained model folder (with its training.json)");
    chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
    if (chooser.showOpenDialog(lab) == JFileChooser.APPROVE_OPTION) {
      showRecord(chooser.getSelectedFile().toPath());
    }
  }

  /** Shows the curves (and recorded evaluation) of the saved model at {@code folder}. */
  void showRecord(Path folder) {
    if (session.isRunning()) {
      lab.message("Training is running", "Stop the run before opening another model's record.");
      return;
    }
    worker.execute(
        () -> {
          Optional<TrainingRecord> record;
          try {
            record = TrainingRecord.read(folder);
          } catch (IOException e) {
            SwingUtilities.invokeLater(
                () -> lab.message("Cannot read the training record", e.getMessage()));
            return;
          }
          SwingUtilities.invokeLater(() -> show(folder, record));
        });
  }

  private void show(Path folder, Optional<TrainingRecord> record) {
    if (record.isEmpty()) {
      lab.message(
          "No training record",
          folder + " has no training.json: it was not trained by this program.");
      return;
    }
    TrainingRecord r = record.get();
    session.showRecord(Files.isDirectory(folder) ? folder : folder.getParent());
    List<EpochResult> history = r.history();
    watch.showRecord(session.savedFolder.getFileName().toString(), r.batchCurve(), history);
    mistakes.showRecorded(r.evaluation().orElse(null));
    lab.status(
        "Training record of "
            + session.savedFolder
            + ": "
            + history.size()
            + " epochs. Open in explainer opens the model.");
    lab.showTab(1);
    lab.updateButtons();
    lab.shownChanged();
  }
}
