package org.cnnexplainer.demo.cli;

import java.util.List;
import java.util.Locale;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.demo.io.TerminalText;

/** Plain-text and Markdown renderings of an {@link Evaluation}. */
final class EvaluationReport {
  private EvaluationReport() {}

  /** Accuracy, per-class accuracy and the confusion matrix (rows: true class) as text. */
  static String text(Evaluation e) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "accuracy %.2f%% (%d of %d images)%n",
            100 * e.accuracy(),
            Math.round(e.accuracy() * e.count()),
            e.count()));
    double[] perClass = e.perClassAccuracy();
    List<String> labels = e.classLabels().stream().map(TerminalText::escape).toList();
    int width = 5;
    for (String label : labels) {
      width = Math.max(width, label.length());
    }
    s.append(String.format(Locale.ROOT, "%nper class:%n"));
    for (int c = 0; c < perClass.length; c++) {
      s.append(
          Double.isNaN(perClass[c])
              ? String.format(Locale.ROOT, "  %-" + width + "s       (no images)%n", labels.get(c))
              : String.format(
                  Locale.ROOT, "  %-" + width + "s %6.2f%%%n", labels.get(c), 100 * perClass[c]));
    }
    s.append(String.format(Locale.ROOT, "%nconfusion (rows: true class, columns: predicted):%n"));
    int[][] m = e.confusion();
    for (int r = 0; r < m.length; r++) {
      s.append(String.format(Locale.ROOT, "  %-" + width + "s", labels.get(r)));
      for (int v : m[r]) {
        s.append(String.format(Locale.ROOT, " %5d", v));
      }
      s.append(System.lineSeparator());
    }
    return s.toString();
  }
}
