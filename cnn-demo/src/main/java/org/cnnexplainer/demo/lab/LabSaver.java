package org.cnnexplainer.demo.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.core.train.TrainingResult;
import org.cnnexplainer.demo.io.CheckpointWriter;
import org.cnnexplainer.demo.io.TrainingRecord;

/**
 * Saves a Lab run as a model folder the explainer and the commands open: the TF.js model, its
 * training record, a generated model card and a few example images per class, written by the same
 * {@link CheckpointWriter} as {@code train --out}, under the same rules: only a new or empty folder
 * or one that {@code train} or the Lab wrote is replaced, never the image folder trained on, and
 * only when everything is written. The record lists the card and the examples, so that a later save
 * may replace them.
 */
final class LabSaver {
  static final int EXAMPLES_PER_CLASS = 2;

  /** The model card's file name. */
  static final String CARD = "README.md";

  private LabSaver() {}

  /**
   * Writes {@code network} (the run's best weights) to {@code out}.
   *
   * @param evaluation the evaluation of {@code network}, or {@code null}
   * @throws IOException when {@code out} cannot be used (the message names it and says why: see
   *     {@link CheckpointWriter#open}) or cannot be written
   */
  static void save(Path out, Network network, LabRun run, Evaluation evaluation)
      throws IOException {
    Dataset shown = run.evaluationSet();
    Map<String, Integer> examples = examples(shown);
    CheckpointWriter writer =
        CheckpointWriter.open(
            out,
            run.data.source(),
            CheckpointWriter.Caller.LAB,
            (net, dir) -> {
              TfjsModel.save(net, dir);
              for (Map.Entry<String, Integer> example : examples.entrySet()) {
                Path file = dir.resolve(example.getKey());
                Files.createDirectories(file.getParent());
                ImageIO.write(
                    ImageInput.toImage(shown.image(example.getValue())), "png", file.toFile());
              }
            });
    TrainingResult result = run.result();
    int bestEpoch = result == null ? 0 : result.bestEpoch().orElse(0);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", run.data.source() == null ? "fashion-mnist" : run.data.source().toString());
    data.put("classes", run.data.all().classLabels());
    data.put("trainingImages", run.split.training().size());
    data.put("validationImages", run.split.validation().size());
    data.put("evaluatedOn", run.evaluationName());
    data.put("skippedFiles", run.data.skipped().size());
    TrainingRecord record =
        TrainingRecord.of("cnn-explainer Learning Lab")
            .put("data", data)
            .put("settings", run.settings.asMap())
            .put("threads", run.threads)
            .put("bestEpoch", bestEpoch)
            .put("stoppedByUser", result != null && result.interrupted())
            .history(run.epochs())
            .batchCurve(run.points());
    List<String> written = new ArrayList<>(List.of(CARD));
    written.addAll(examples.keySet());
    record.files(written);
    if (evaluation != null) {
      record.evaluation(run.evaluationName(), evaluation);
    }
    String card =
        ModelCard.markdown(
            new ModelCard.Facts(
                out.getFileName().toString(),
                run.data.source() == null
                    ? "Fashion-MNIST (Zalando, MIT licence), Debian's dataset-fashion-mnist"
                    : "the image folder " + run.data.source(),
                run.data.all().classLabels(),
                run.split.training().size(),
                run.split.validation().size(),
                run.evaluationName(),
                network,
                run.settings.asMap(),
                run.threads,
                run.epochs(),
                bestEpoch,
                result != null && result.interrupted(),
                evaluation,
                LocalDate.now()));
    writer.write(network, record.extra(), new CheckpointWriter.Extra(CARD, card));
  }

  /**
   * The first images of each class, by file name: {@code examples/CLASS_N.png}, named the way the
   * explainer reads examples.
   */
  private static Map<String, Integer> examples(Dataset data) {
    Map<String, Integer> files = new LinkedHashMap<>();
    int[] written = new int[data.classLabels().size()];
    for (int i = 0; i < data.size(); i++) {
      int label = data.label(i);
      if (written[label] >= EXAMPLES_PER_CLASS) {
        continue;
      }
      written[label]++;
      String stem =
          data.classLabels().get(label).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      stem = stem.replaceAll("^_+|_+$", "");
      if (stem.isEmpty()) {
        stem = "class_" + label;
      }
      String name = "examples/" + stem + "_" + written[label] + ".png";
      if (files.containsKey(name)) {
        // Two class names that differ only in punctuation or case.
        name = "examples/class_" + label + "_" + written[label] + ".png";
      }
      files.put(name, i);
    }
    return files;
  }
}
