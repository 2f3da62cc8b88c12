package org.cnnexplainer.demo.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.core.train.TrainingResult;
import org.cnnexplainer.demo.cli.CheckpointWriter;
import org.cnnexplainer.demo.cli.TrainingRecord;

/**
 * Saves a Lab run as a model folder the explainer and the commands open: the TF.js model, its
 * training record, a generated model card and a few example images per class, written by the same
 * {@link CheckpointWriter} as {@code train} (the folder is replaced only when everything is
 * written).
 */
final class LabSaver {
  static final int EXAMPLES_PER_CLASS = 2;

  private LabSaver() {}

  /**
   * Writes {@code network} (the run's best weights) to {@code out}.
   *
   * @param evaluation the evaluation of {@code network}, or {@code null}
   * @throws IOException when {@code out} is a folder that holds other things than a model, or
   *     cannot be written
   */
  static void save(Path out, Network network, LabRun run, Evaluation evaluation)
      throws IOException {
    refuseForeignFolder(out);
    Dataset shown = run.evaluationSet();
    CheckpointWriter writer =
        new CheckpointWriter(
            out,
            (net, dir) -> {
              TfjsModel.save(net, dir);
              writeExamples(shown, Files.createDirectories(dir.resolve("examples")));
            });
    TrainingResult result = run.result();
    int bestEpoch = result == null ? 0 : result.bestEpoch();
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
    writer.write(network, record.extra(), new CheckpointWriter.Extra("README.md", card));
  }

  private static void refuseForeignFolder(Path out) throws IOException {
    if (Files.isRegularFile(out)) {
      throw new IOException(out + " is a file; choose a folder for the model");
    }
    if (Files.isDirectory(out) && !Files.exists(out.resolve("model.json"))) {
      try (Stream<Path> files = Files.list(out)) {
        if (files.findAny().isPresent()) {
          throw new IOException(
              out
                  + " already holds other files and no model; choose a new or empty folder (saving"
                  + " replaces the whole folder)");
        }
      }
    }
  }

  /** The first images of each class as {@code CLASS_N.png}, named the way the explainer reads. */
  private static void writeExamples(Dataset data, Path dir) throws IOException {
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
      ImageIO.write(
          ImageInput.toImage(data.image(i)),
          "png",
          dir.resolve(stem + "_" + written[label] + ".png").toFile());
    }
  }
}
