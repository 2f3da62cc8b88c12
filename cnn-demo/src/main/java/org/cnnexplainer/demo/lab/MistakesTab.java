package org.cnnexplainer.demo.lab;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.demo.io.TrainingRecord;
import org.cnnexplainer.viz.training.ClassAccuracyBars;
import org.cnnexplainer.viz.training.ConfusionMatrixView;

/**
 * The "Mistakes" tab: the accuracy, per-class accuracy bars and the confusion matrix of the last
 * evaluation; a cell lists its images (most confident first) and an image opens in the explainer on
 * the evaluated network.
 */
final class MistakesTab extends JPanel {
  private static final String CLICK_A_CELL = "Click a cell of the matrix to see its images.";
  private static final String RECORDED_CELLS =
      "These figures come from the saved training record; train or evaluate here to see the"
          + " images behind them.";
  final ConfusionMatrixView matrix = new ConfusionMatrixView();
  final ClassAccuracyBars bars = new ClassAccuracyBars();
  final CellImagesPanel cellImages = new CellImagesPanel(this::openCellImage);
  private final JLabel accuracy = new JLabel("Train a network, then it is evaluated here.");
  private final LabWindow lab;
  private final LabSession session;
  private final ExplainerBridge bridge;

  /** The evaluation images listed for the chosen cell, by index. */
  private int[] cellShown = new int[0];

  MistakesTab(LabWindow lab, LabSession session, ExplainerBridge bridge) {
    super(new BorderLayout(8, 4));
    this.lab = lab;
    this.session = session;
    this.bridge = bridge;
    accuracy.setBorder(BorderFactory.createEmptyBorder(6, 8, 0, 8));
    accuracy.getAccessibleContext().setAccessibleName("Accuracy");
    add(accuracy, BorderLayout.NORTH);
    bars.setPreferredSize(new Dimension(280, 300));
    // On a small screen every part keeps a usable width; the matrix takes what is left.
    bars.setMinimumSize(new Dimension(190, 200));
    matrix.setMinimumSize(new Dimension(320, 300));
    cellImages.setMinimumSize(new Dimension(230, 200));
    JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, matrix, cellImages);
    right.setResizeWeight(1);
    right.setBorder(null);
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, bars, right);
    split.setBorder(null);
    add(split, BorderLayout.CENTER);
    matrix.addCellListener(this::showCell);
  }

  /** Nothing evaluated yet in a new run. */
  void startRun() {
    clear(CLICK_A_CELL);
    accuracy.setText("Evaluated when training ends (or press Evaluate while paused).");
  }

  /** No matrix, bars or cell images (of an earlier run); {@code cells} says why. */
  private void clear(String cells) {
    cellShown = new int[0];
    matrix.setMatrix(List.of(), new int[0][0]);
    bars.setAccuracy(List.of(), new double[0], Double.NaN);
    cellImages.clear(cells);
  }

  /** An evaluation on {@code on} is running. */
  void evaluating(String on) {
    accuracy.setText("Evaluating on " + on + "…");
  }

  /** The evaluation failed with {@code message}. */
  void failed(String message) {
    accuracy.setText("Evaluation failed: " + message);
  }

  /** Shows the evaluation {@code e}, made on {@code on} ("the 36 validation images …"). */
  void show(Evaluation e, String on) {
    accuracy.setText(
        String.format(
            Locale.ROOT,
            "<html><b>Accuracy %.1f %%</b> on %s (%,d right of %,d). Click a cell of the"
                + " matrix to see its images, then an image to explain it.</html>",
            100 * e.accuracy(),
            on,
            Math.round(e.accuracy() * e.count()),
            e.count()));
    matrix.setMatrix(e.classLabels(), e.confusion());
    bars.setAccuracy(e.classLabels(), e.perClassAccuracy(), e.accuracy());
    cellImages.clear(CLICK_A_CELL);
  }

  /** Shows the evaluation recorded with a saved model, or an empty matrix without one. */
  void showRecorded(TrainingRecord.Recorded e) {
    clear(RECORDED_CELLS);
    if (e == null) {
      accuracy.setText("No evaluation was recorded with this model.");
      return;
    }
    matrix.setMatrix(e.classes(), e.confusion());
    bars.setAccuracy(e.classes(), e.perClassAccuracy(), e.accuracy());
    accuracy.setText(
        String.format(
            Locale.ROOT,
            "<html><b>Accuracy %.1f %%</b> on %s, as recorded when saved.</html>",
            100 * e.accuracy(),
            e.on()));
  }

  private void showCell(int actual, int predicted) {
    Evaluation evaluation = session.evaluation;
    LabRun run = session.run;
    if (evaluation == null || run == null) {
      cellImages.clear(RECORDED_CELLS);
      return;
    }
    Dataset set = run.evaluationSet();
    List<String> labels = evaluation.classLabels();
    int[] all = evaluation.imagesOf(actual, predicted);
    cellShown = Arrays.copyOf(all, Math.min(all.length, CellImagesPanel.MAX_SHOWN));
    List<BufferedImage> pictures = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    List<String> tips = new ArrayList<>();
    for (int i : cellShown) {
      pictures.add(ImageInput.toImage(set.image(i)));
      captions.add(String.format(Locale.ROOT, "%.1f %%", 100 * evaluation.probability(i)));
      tips.add(tip(i));
    }
    String images = all.length == 1 ? "image" : "images";
    String heading =
        actual == predicted
            ? String.format(
                Locale.ROOT, "%,d %s %s recognised", all.length, labels.get(actual), images)
            : String.format(
                Locale.ROOT,
                "%,d %s %s mistaken for %s",
                all.length,
                labels.get(actual),
                images,
                labels.get(predicted));
    heading +=
        all.length == 0
            ? "."
            : (all.length > cellShown.length
                    ? " (the " + cellShown.length + " most confident)"
                    : "")
                + ", with the probability of the prediction. Click one to explain it.";
    cellImages.show(heading, pictures, captions, tips);
    lab.shownChanged();
  }

  private String tip(int i) {
    Evaluation evaluation = session.evaluation;
    LabRun run = session.run;
    List<String> labels = evaluation.classLabels();
    return String.format(
        Locale.ROOT,
        "%s · true: %s · predicted: %s (%.1f %%)",
        run.evaluationImageName(i),
        labels.get(run.evaluationSet().label(i)),
        labels.get(evaluation.predicted(i)),
        100 * evaluation.probability(i));
  }

  /** Opens the listed images in the explainer on the evaluated network, {@code position} chosen. */
  private void openCellImage(int position) {
    if (session.evaluated == null || cellShown.length == 0) {
      return;
    }
    Dataset set = session.run.evaluationSet();
    List<LabImage> images = new ArrayList<>();
    for (int i : cellShown) {
      String trueLabel = session.evaluation.classLabels().get(set.label(i));
      images.add(
          new LabImage(
              session.run.evaluationImageName(i) + " (true: " + trueLabel + ")",
              tip(i),
              ImageInput.toImage(set.image(i)),
              set.image(i)));
    }
    bridge.show(session.evaluatedModelName(), session.evaluated, images, position);
  }

  int cellImageCount() {
    return cellImages.count();
  }

  String cellHeading() {
    return cellImages.heading();
  }
}
