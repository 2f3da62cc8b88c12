package org.cnnexplainer.demo.lab;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.demo.io.TrainingRecord;

/**
 * The {@code README.md} saved with a model trained in the Lab: the data, classes, network,
 * settings, seed, results (accuracy overall and per class), date and program version, all taken
 * from the run itself.
 */
final class ModelCard {
  private ModelCard() {}

  /** What a card describes. */
  record Facts(
      String name,
      String dataName,
      List<String> classes,
      int trainingImages,
      int validationImages,
      String evaluatedOn,
      Network network,
      Map<String, Object> settings,
      int threads,
      List<EpochResult> history,
      int bestEpoch,
      boolean stoppedByUser,
      Evaluation evaluation,
      LocalDate date) {}

  static String markdown(Facts f) {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(f.name()).append("\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "A Tiny VGG trained in the CNN Explainer Learning Lab (cnn-explainer %s) on %s.%n%n",
            TrainingRecord.programVersion(),
            f.date()));
    s.append("## Data\n\n");
    s.append("- Source: ").append(f.dataName()).append('\n');
    s.append("- Classes (")
        .append(f.classes().size())
        .append("): ")
        .append(String.join(", ", f.classes()))
        .append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "- Images: %,d for training, %,d for validation; evaluated on %s%n%n",
            f.trainingImages(),
            f.validationImages(),
            f.evaluatedOn()));
    s.append("## Network\n\n");
    Network n = f.network();
    s.append(
        String.format(
            Locale.ROOT,
            "Tiny VGG, input %d×%d×%d, %,d parameters: ",
            n.inputShape().height(),
            n.inputShape().width(),
            n.inputShape().channels(),
            parameters(n)));
    s.append(String.join(" → ", n.layers().stream().map(Layer::name).toList())).append(".\n\n");
    s.append("## Settings\n\n| setting | value |\n| --- | --- |\n");
    for (Map.Entry<String, Object> e : f.settings().entrySet()) {
      s.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
    }
    s.append("| threads | ").append(f.threads()).append(" |\n\n");
    s.append("## Results\n\n");
    int epochs = f.history().size();
    double seconds = f.history().stream().mapToDouble(EpochResult::seconds).sum();
    s.append(
        String.format(
            Locale.ROOT,
            "%d epoch%s in %.0f s%s; the saved weights are those of epoch %d (lowest validation"
                + " loss).%n%n",
            epochs,
            epochs == 1 ? "" : "s",
            seconds,
            f.stoppedByUser() ? " (stopped by the learner)" : "",
            f.bestEpoch()));
    Evaluation e = f.evaluation();
    if (e != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "**Accuracy %.2f %%** (%,d of %,d images of %s).%n%n",
              100 * e.accuracy(),
              Math.round(e.accuracy() * e.count()),
              e.count(),
              f.evaluatedOn()));
      s.append("| class | accuracy | images |\n| --- | ---: | ---: |\n");
      double[] perClass = e.perClassAccuracy();
      int[][] confusion = e.confusion();
      for (int c = 0; c < perClass.length; c++) {
        int total = 0;
        for (int v : confusion[c]) {
          total += v;
        }
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d |%n",
                e.classLabels().get(c),
                Double.isNaN(perClass[c])
                    ? "–"
                    : String.format(Locale.ROOT, "%.1f %%", 100 * perClass[c]),
                total));
      }
      s.append('\n');
    } else {
      s.append("Not evaluated before saving.\n\n");
    }
    s.append("## Files\n\n");
    s.append(
        "`model.json` and `group1-shard1of1.bin` (TF.js layers format), `labels.json` (class"
            + " names), `training.json` (the training record: settings, every epoch's figures, the"
            + " smoothed per-batch curve and the evaluation; `cnn-explainer render --view curves"
            + " --model THIS_FOLDER` draws it), and `examples/` (a few evaluation images per class"
            + " for the explainer).\n");
    return s.toString();
  }

  private static long parameters(Network n) {
    long count = 0;
    for (Layer layer : n.layers()) {
      count += layer.parameterCount();
    }
    return count;
  }
}
