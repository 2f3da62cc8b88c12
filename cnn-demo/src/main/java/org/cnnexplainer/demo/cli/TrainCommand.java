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
import org.cnnexplainer.core.train.InvalidDatasetException;
import org.cnnexplainer.core.train.LearningRateSchedule;
import org.cnnexplainer.core.train.Optimizer;
import org.cnnexplainer.core.train.Trainer;
import org.cnnexplainer.core.train.TrainerSettings;
import org.cnnexplainer.core.train.TrainingResult;
import org.cnnexplainer.demo.io.CheckpointWriter;
import org.cnnexplainer.demo.io.Durations;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.demo.io.TerminalText;
import org.cnnexplainer.demo.io.TrainingRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      description =
          "fraction of the training images held out for early stopping (0: none, every epoch is"
              + " saved)")
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
    checkOptions();
    int workers = OptionChecks.threads(spec, threads);
    // Everything that can be checked is checked before the data is read and the first batch runs:
    // a run must not train for hours and then fail to save, or replace the wrong folder.
    CheckpointWriter writer;
    try {
      writer =
          CheckpointWriter.open(
              out, DataSources.folder(data), CheckpointWriter.Caller.TRAIN, ModelFormats.writer());
    } catch (OutputFile.UnusableOutputException e) {
      throw new ParameterException(spec.commandLine(), "--out " + e.getMessage());
    }
    Shape folderShape = Shape.image(channels, imageSize, imageSize);
    Dataset all = DataSources.training(data, fashionDir, folderShape);
    Dataset.Split split = split(all);
    Network initial;
    try {
      initial = Architectures.tinyVgg(all.imageShape(), all.classLabels(), filters, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot train on " + data + ": " + e.getMessage());
    }
    requireAffordable(initial, workers);
    TrainerSettings settings =
        TrainerSettings.builder()
            .epochs(epochs)
            .batchSize(batch)
            .optimizer(optimizer().withWeightDecay(weightDecay))
            .schedule(schedule())
            .seed(seed)
            .threads(workers)
            .patience(patience)
            .augmentation(new Augmentation(shift, flip))
            .build();
    List<EpochResult> history = new ArrayList<>();
    long start = System.nanoTime();
    int[] savedEpoch = {0};
    TrainingProgress progress =
        new TrainingProgress(stderr, stdout, System.console() != null) {
          @Override
          public void checkpoint(Network best, EpochResult result) {
            history.add(result);
            if (!Double.isFinite(result.trainingLoss())) {
              return; // diverged weights (NaN) would make a model nobody can load
            }
            try {
              writer.write(best, record(history, start, result.epoch(), settings));
              savedEpoch[0] = result.epoch();
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
    String outcome =
        result.interrupted() ? "interrupted" : result.stoppedEarly() ? "stopped early" : "done";
    if (savedEpoch[0] == 0) {
      if (result.interrupted()) {
        stdout.printf(
            Locale.ROOT,
            "interrupted in %s before the first epoch ended; nothing saved%n",
            Durations.format(seconds));
        return 0;
      }
      // The loss became NaN from the first epoch on: the weights diverged, nothing to keep.
      stderr.println(
          "cnn-explainer: training diverged (the loss is not a number); nothing saved"
              + " to "
              + TerminalText.escape(writer.out())
              + "; use a smaller --lr");
      return 3;
    }
    EpochResult best = result.history().get(savedEpoch[0] - 1);
    stdout.printf(
        Locale.ROOT,
        "%s after %d epochs in %s; best epoch %d (%s) saved to %s%n",
        outcome,
        result.history().size(),
        Durations.format(seconds),
        savedEpoch[0],
        split.validation() == null
            ? "no validation"
            : String.format(Locale.ROOT, "val_acc %.2f%%", 100 * best.validationAccuracy()),
        TerminalText.escape(writer.out()));
    return 0;
  }

  /** The option values, each within its limits (see {@link Limits}). */
  private void checkOptions() {
    OptionChecks.require(
        spec, "tiny-vgg".equals(arch), "unknown --arch '" + arch + "'; supported: tiny-vgg");
    DataSources.requireDataArgument(spec, data);
    OptionChecks.range(spec, "--filters", filters, 1, Limits.MAX_FILTERS);
    OptionChecks.range(spec, "--epochs", epochs, 1, Limits.MAX_EPOCHS);
    OptionChecks.range(spec, "--batch", batch, 1, Limits.MAX_BATCH);
    OptionChecks.positive(spec, "--lr", lr);
    OptionChecks.require(
        spec, momentum >= 0 && momentum < 1, "--momentum must be in [0, 1); got " + momentum);
    OptionChecks.require(
        spec,
        weightDecay >= 0 && weightDecay < Double.POSITIVE_INFINITY,
        "--weight-decay must be a number >= 0; got " + weightDecay);
    OptionChecks.require(
        spec,
        validation >= 0 && validation < 1,
        "--validation must be in [0, 1) (0: no validation); got " + validation);
    OptionChecks.range(spec, "--patience", patience, 0, Limits.MAX_EPOCHS);
    OptionChecks.range(
        spec, "--image-size", imageSize, Limits.MIN_TRAIN_IMAGE_SIZE, Limits.MAX_TRAIN_IMAGE_SIZE);
    OptionChecks.require(
        spec, channels == 1 || channels == 3, "--channels must be 1 or 3; got " + channels);
    OptionChecks.range(spec, "--shift", shift, 0, Limits.MAX_TRAIN_IMAGE_SIZE);
    optimizer();
    schedule();
  }

  /**
   * The training and validation images. A data set too small for the split is refused here: with no
   * validation image no epoch could count as best and nothing would ever be saved.
   */
  private Dataset.Split split(Dataset all) throws InvalidDatasetException {
    if (validation == 0) {
      return new Dataset.Split(all, null);
    }
    long validationImages = Math.round(validation * all.size());
    if (validationImages < 1 || validationImages >= all.size()) {
      throw new InvalidDatasetException(
          TerminalText.escape(data)
              + ": "
              + all.size()
              + " images cannot be split into training and validation images with --validation "
              + validation
              + "; add images, change --validation, or use --validation 0 (no validation)");
    }
    return all.split(validation, seed);
  }

  /**
   * Refuses a network that could not be read back (the TF.js reader's limits) or whose training
   * would not fit in memory: each worker keeps every layer's output and gradient plus its own
   * gradient sums, and the optimizer keeps the weights, two moment estimates and the best weights.
   */
  private void requireAffordable(Network network, int workers) {
    String problem = Limits.loadLimitProblem(network);
    OptionChecks.require(
        spec,
        problem == null,
        "with --image-size "
            + imageSize
            + " and --filters "
            + filters
            + " the network would have "
            + problem
            + "; use smaller images or fewer filters");
    long bytes =
        4
            * (workers * (2 * Limits.traceValues(network) + network.parameterCount())
                + 4L * network.parameterCount());
    long available = Limits.availableMemory();
    OptionChecks.require(
        spec,
        bytes <= available,
        "training this network with "
            + workers
            + " threads needs about "
            + Limits.mebibytes(bytes)
            + " MiB, more than the "
            + Limits.mebibytes(available)
            + " MiB this Java can still use; use smaller images, fewer filters or --threads, or"
            + " start java with a larger -Xmx");
  }

  private Optimizer optimizer() {
    return switch (optimizer.toLowerCase(Locale.ROOT)) {
      case "adam" -> Optimizer.adam(lr);
      case "sgd" -> Optimizer.sgd(lr, momentum);
      default ->
          throw new ParameterException(
              spec.commandLine(), "unknown --optimizer '" + optimizer + "'; use adam or sgd");
    };
  }

  private LearningRateSchedule schedule() {
    return switch (schedule.toLowerCase(Locale.ROOT)) {
      case "constant" -> LearningRateSchedule.constant();
      case "cosine" -> LearningRateSchedule.cosine(0.0);
      case "step" -> LearningRateSchedule.step(3, 0.1);
      default ->
          throw new ParameterException(
              spec.commandLine(),
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
