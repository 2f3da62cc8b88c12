package org.cnnexplainer.demo.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.train.Augmentation;
import org.cnnexplainer.core.train.LearningRateSchedule;
import org.cnnexplainer.core.train.Optimizer;
import org.cnnexplainer.core.train.TrainerSettings;

/**
 * What the learner chose for a run. {@link #problems()} explains every value that cannot work, in
 * words; only settings without problems become a {@link TrainerSettings}.
 *
 * @param imageSize height and width the images are scaled to (image folders; Fashion-MNIST is 28)
 * @param channels 1 (grey) or 3 (colour)
 * @param filters filters in each of Tiny VGG's four convolutions
 * @param optimizer "adam" or "sgd"
 * @param validationShare part of the images held out to watch for overfitting
 * @param shift augmentation: random shifts of up to this many pixels
 * @param flip augmentation: random mirror images
 */
public record LabSettings(
    int imageSize,
    int channels,
    int filters,
    int epochs,
    int batchSize,
    String optimizer,
    double learningRate,
    int shift,
    boolean flip,
    double validationShare,
    long seed) {
  /** Limits that keep a run live on a laptop; the messages name them. */
  static final int MIN_SIZE = 16;

  static final int MAX_SIZE = 128;
  static final int MAX_FILTERS = 64;
  static final int MAX_EPOCHS = 500;
  static final int MAX_BATCH = 1024;

  /** Tiny VGG with 10 filters, 5 epochs of batch 64, Adam 0.001, 10 % validation, seed 1. */
  public static LabSettings defaults(int imageSize, int channels) {
    return new LabSettings(imageSize, channels, 10, 5, 64, "adam", 0.001, 0, false, 0.1, 1);
  }

  /** Every value that cannot work, explained; empty when the settings are usable. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (imageSize < MIN_SIZE || imageSize > MAX_SIZE) {
      out.add(
          "Input size must be between "
              + MIN_SIZE
              + " and "
              + MAX_SIZE
              + " pixels: Tiny VGG's two 3×3-convolution blocks and two poolings need at least 16,"
              + " and larger images train too slowly to watch. Got "
              + imageSize
              + ".");
    }
    if (channels != 1 && channels != 3) {
      out.add("Channels must be 1 (grey) or 3 (colour). Got " + channels + ".");
    }
    if (filters < 1 || filters > MAX_FILTERS) {
      out.add(
          "Filters per layer must be between 1 and "
              + MAX_FILTERS
              + " (the original uses 10). Got "
              + filters
              + ".");
    }
    if (epochs < 1 || epochs > MAX_EPOCHS) {
      out.add("Epochs must be between 1 and " + MAX_EPOCHS + ". Got " + epochs + ".");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      out.add(
          "Batch size must be between 1 and "
              + MAX_BATCH
              + " images per weight update. Got "
              + batchSize
              + ".");
    }
    if (!"adam".equals(optimizer) && !"sgd".equals(optimizer)) {
      out.add("Optimizer must be Adam or SGD. Got '" + optimizer + "'.");
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      out.add(
          "Learning rate must be above 0 and at most 1 (Adam works well near 0.001, SGD near"
              + " 0.01). Got "
              + format(learningRate)
              + ".");
    }
    if (shift < 0 || shift > Math.max(0, imageSize / 4)) {
      out.add(
          "Shift must be between 0 and a quarter of the input size ("
              + Math.max(0, imageSize / 4)
              + " pixels). Got "
              + shift
              + ".");
    }
    if (!(validationShare >= 0.01 && validationShare <= 0.5)) {
      out.add(
          "Validation share must be between 1 % and 50 % of the images: they are held out to"
              + " show whether the network generalises. Got "
              + format(100 * validationShare)
              + " %.");
    }
    return out;
  }

  /** The image shape the network is built for. */
  public Shape inputShape() {
    return Shape.image(channels, imageSize, imageSize);
  }

  /** The trainer's settings; only call when {@link #problems()} is empty. */
  TrainerSettings trainerSettings(int threads) {
    if (!problems().isEmpty()) {
      throw new IllegalStateException("invalid settings: " + problems());
    }
    return TrainerSettings.builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .optimizer(
            "sgd".equals(optimizer)
                ? Optimizer.sgd(learningRate, 0.9)
                : Optimizer.adam(learningRate))
        .schedule(LearningRateSchedule.constant())
        .seed(seed)
        .threads(threads)
        .patience(0)
        .augmentation(new Augmentation(shift, flip))
        .build();
  }

  /** The settings by name, in the order the model card lists them. */
  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("inputSize", imageSize);
    map.put("channels", channels);
    map.put("architecture", "tiny-vgg");
    map.put("filters", filters);
    map.put("epochs", epochs);
    map.put("batchSize", batchSize);
    map.put("optimizer", optimizer);
    map.put("learningRate", learningRate);
    map.put("momentum", "sgd".equals(optimizer) ? 0.9 : null);
    map.put("schedule", "constant");
    map.put("shift", shift);
    map.put("flip", flip);
    map.put("validationShare", validationShare);
    map.put("seed", seed);
    map.values().removeIf(v -> v == null);
    return map;
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%s", v == Math.rint(v) ? Long.toString((long) v) : v);
  }
}
