package org.cnnexplainer.demo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cnnexplainer.core.Acceleration;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.train.Architectures;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.Trainer;
import org.cnnexplainer.core.train.TrainerSettings;
import org.cnnexplainer.core.train.TrainingListener;

/**
 * Training throughput of Tiny VGG (10 filters) on seeded random 28x28x1 images in 10 classes, batch
 * 64, Adam: warm-up epochs first (JIT), then timed epochs; only time spent in training batches
 * counts.
 */
final class TrainBenchmark {
  static final int BATCH = 64;
  private static final int IMAGES = 64 * 40;

  /**
   * Images per second, the resulting time for a 60,000-image epoch, and whether the convolutions
   * ran on the Vector API path.
   */
  record Result(
      double imagesPerSecond, double epochSeconds, int threads, int batchSize, boolean vectorApi) {}

  private TrainBenchmark() {}

  static Result run(double warmupSeconds, double seconds, int threads) {
    Shape shape = Shape.image(1, 28, 28);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      labels.add("class " + i);
    }
    SplittableRandom random = new SplittableRandom(42);
    byte[] pixels = new byte[IMAGES * shape.size()];
    int[] classes = new int[IMAGES];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) random.nextInt(256);
    }
    for (int i = 0; i < IMAGES; i++) {
      classes[i] = random.nextInt(10);
    }
    Dataset data = Dataset.of(shape, labels, pixels, classes);
    Network network = Architectures.tinyVgg(shape, labels, 10, 1);
    double imagesPerSecond = 0;
    for (double budget : new double[] {warmupSeconds, seconds}) {
      double spent = 0;
      long images = 0;
      while (spent < budget || images == 0) {
        EpochResult epoch = oneEpoch(network, data, threads);
        spent += epoch.seconds();
        images += IMAGES;
      }
      imagesPerSecond = images / spent;
    }
    return new Result(
        imagesPerSecond, 60_000 / imagesPerSecond, threads, BATCH, Acceleration.vectorApi());
  }

  private static EpochResult oneEpoch(Network network, Dataset data, int threads) {
    TrainerSettings settings =
        TrainerSettings.builder().epochs(1).batchSize(BATCH).threads(threads).seed(1).build();
    List<EpochResult> result = new ArrayList<>();
    new Trainer(settings)
        .train(
            network,
            data,
            null,
            new TrainingListener() {
              @Override
              public void epochFinished(EpochResult r) {
                result.add(r);
              }
            });
    return result.get(0);
  }
}
