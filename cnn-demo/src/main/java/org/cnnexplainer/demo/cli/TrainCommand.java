package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.train.Architectures;
import org.cnnexplainer.core.train.Augmentation;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.LearningRateSchedule;
import org.cnnexplainer.core.train.Optimizer;
import org.cnnexplainer.core.train.Trainer;
import org.cnnexplainer.core.train.TrainerSettings;
import org.cnnexplainer.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a Tiny VGG on Fashion-MNIST or an image folder and saves it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a network and writes it to --out as a TF.js layers model.",
      "The folder is only replaced by complete checkpoints (the best so far); Ctrl-C keeps the"
          + " last one."
    })
public final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      description = "fashion-mnist, or a folder with one sub-folder of images per class")
  String data;

  @Option(
      names = "--fashion-mnist-dir",
      description =
          "Fashion-MNIST folder (default: $CNN_FASHION_MNIST_DIR, else"
              + " /usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist)")
  Path fashionDir;

  @Option(names = "--arch", defaultValue = "tiny-vgg", description = "architecture: tiny-vgg")
  String arch;

  @Option(names = "--filters", defaultValue = "10", description = "filters per convolution")
  int filters;

  @Option(names = "--epochs", defaultValue = "10")
  int epochs;

  @Option(names = "--batch", defaultValue = "64")
  int batch;

  @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd")
  String optimizer;

  @Option(names = "--lr", defaultValue = "0.001", description = "learning rate")
  double lr;

  @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum")
  double momentum;

  @Option(names = "--weight-decay", defaultValue = "0", description = "decoupled weight decay")
  double weightDecay;

  @Option(
      names = "--schedule",
      defaultValue = "constant",
      description = "learning-rate schedule: constant, cosine or step")
  String schedule;

  @Option(names = "--shift", defaultValue = "0", description = "augmentation: max shift (pixels)")
  int shift;

  @Option(names = "--flip", description = "augmentation: random horizontal flips")
  boolean flip;

  @Option(
      names = "--validation",
      defaultValue = "0.1",
      description = "fraction of the training images held out for early stopping")
  double validation;

  @Option(
      names = "--patience",
      defaultValue = "5",
      description = "epochs without a better validation loss before stopping (0: never)")
  int patience;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--threads", description = "worker threads (default: all cores)")
  Integer threads;

  @Option(
      names = "--image-size",
      defaultValue = "64",
      description = "height and width for image folders")
  int imageSize;

  @Option(names = "--channels", defaultValue = "3", description = "1 or 3, for image folders")
  int channels;

  @Option(names = "--out", required = true, description = "model folder to write")
  Path out;

  @Spec CommandSpec spec;

  private final PrintStream stdout = System.out;
  private final PrintStream stderr = System.err;

  @Override
  public Integer call() throws IOException {
    if (!"tiny-vgg".equals(arch)) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "unknown --arch '" + arch + "'; supported: tiny-vgg");
    }
    Shape folderShape = Shape.image(channels, imageSize, imageSize);
    Dataset all = DataSources.training(data, fashionDir, folderShape);
    Dataset.Split split = all.split(validation, seed);
    Network initial = Architectures.tinyVgg(all.imageShape(), all.classLabels(), filters, seed);
    TrainerSettings settings =
        TrainerSettings.builder()
            .epochs(epochs)
            .batchSize(batch)
            .optimizer(optimizer().withWeightDecay(weightDecay))
            .schedule(schedule())
            .seed(seed)
            .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
            .patience(patience)
            .augmentation(new Augmentation(shift, flip))
            .build();
    CheckpointWriter writer = new CheckpointWriter(out, ModelFormats.writer());
    List<EpochResult> history = new ArrayList<>();
    long start = System.nanoTime();
    TrainingProgress progress =
        new TrainingProgress(stderr, stdout, System.console() != null) {
          @Override
          public void checkpoint(Network best, EpochResult result) {
            history.add(result);
            try {
              writer.write(best, record(history, start, result.epoch(), settings));
            } catch (IOException e) {
              throw new UncheckedIOException("cannot write checkpoint to " + writer.out(), e);
            }
          }

          @Override
          public void epochFinished(EpochResult result) {
            super.epochFinished(result);
            if (!result.improved()) {
              history.add(result);
            }
          }
        };
    Thread trainingThread = Thread.currentThread();
    Thread hook =
        new Thread(
            () -> {
              trainingThread.interrupt();
              try {
                trainingThread.join(10_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    TrainingResult result;
    try {
      result = new Trainer(settings).train(initial, split.training(), split.validation(), progress);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting after Ctrl-C; the hook is running and waits for us.
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    stdout.printf(
        Locale.ROOT,
        "%s after %d epochs in %s; best epoch %d (val_acc %.2f%%) saved to %s%n",
        result.interrupted() ? "interrupted" : result.stoppedEarly() ? "stopped early" : "done",
        result.history().size(),
        TrainingProgress.duration(seconds),
        result.bestEpoch(),
        result.bestEpoch() > 0
            ? 100 * result.history().get(result.bestEpoch() - 1).validationAccuracy()
            : Double.NaN,
        writer.out());
    return 0;
  }

  private Optimizer optimizer() {
    return switch (optimizer.toLowerCase(Locale.ROOT)) {
      case "adam" -> Optimizer.adam(lr);
      case "sgd" -> Optimizer.sgd(lr, momentum);
      default ->
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(this),
              "unknown --optimizer '" + optimizer + "'; use adam or sgd");
    };
  }

  private LearningRateSchedule schedule() {
    return switch (schedule.toLowerCase(Locale.ROOT)) {
      case "constant" -> LearningRateSchedule.constant();
      case "cosine" -> LearningRateSchedule.cosine(0.0);
      case "step" -> LearningRateSchedule.step(3, 0.1);
      default ->
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(this),
              "unknown --schedule '" + schedule + "'; use constant, cosine or step");
    };
  }

  /** {@code training.json}: how the checkpoint was made. */
  private CheckpointWriter.Extra record(
      List<EpochResult> history, long start, int epoch, TrainerSettings settings) {
    return TrainingRecord.of(
            "cnn-explainer " + String.join(" ", spec.commandLine().getParseResult().originalArgs()))
        .put("epoch", epoch)
        .put("secondsSoFar", (System.nanoTime() - start) / 1e9)
        .put("threads", settings.threads())
        .history(history)
        .extra();
  }
}
