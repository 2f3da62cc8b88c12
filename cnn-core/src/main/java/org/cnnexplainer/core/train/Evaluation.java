package org.cnnexplainer.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;

/**
 * How well a classifier does on a labelled dataset: accuracy, per-class accuracy (recall) and the
 * confusion matrix {@code confusion[actual][predicted]}, computed by running the network on every
 * image ({@link Network#predict}, prediction = arg max).
 */
public final class Evaluation {
  private final List<String> classLabels;
  private final int[][] confusion;
  private final int count;
  private final int[] labels;
  private final int[] predicted;
  private final float[] probabilities;

  private Evaluation(
      List<String> classLabels,
      int[][] confusion,
      int[] labels,
      int[] predicted,
      float[] probabilities) {
    this.classLabels = classLabels;
    this.confusion = confusion;
    this.count = labels.length;
    this.labels = labels;
    this.predicted = predicted;
    this.probabilities = probabilities;
  }

  /**
   * Evaluates {@code network} on all of {@code data}, with {@code threads} threads.
   *
   * @param network the network to evaluate; it must accept the images and have one output per class
   * @param data the images and labels to evaluate
   * @param threads the number of worker threads, at least 1
   * @return the predictions, probabilities, accuracy and confusion matrix
   * @throws IllegalArgumentException if the images or the class count do not fit the network, or
   *     {@code threads} is below 1
   * @throws ArithmeticException if the network's output for an image is NaN or infinite (the
   *     message names the image and the first layer where that happens)
   */
  public static Evaluation of(Network network, Dataset data, int threads) {
    if (threads < 1) {
      // With no thread no image would be run, and every image would count as class 0.
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (!data.imageShape().equals(network.inputShape())) {
      throw new IllegalArgumentException(
          "the images have shape "
              + data.imageShape()
              + " but the network expects "
              + network.inputShape());
    }
    int classes = data.classLabels().size();
    if (network.outputShape().size() != classes) {
      throw new IllegalArgumentException(
          "the data has "
              + classes
              + " classes but the network has "
              + network.outputShape().size()
              + " outputs");
    }
    int n = data.size();
    int[] predicted = new int[n];
    float[] probabilities = new float[n];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int lo = (int) ((long) n * t / threads);
        int hi = (int) ((long) n * (t + 1) / threads);
        parts.add(
            pool.submit(
                () -> {
                  for (int i = lo; i < hi; i++) {
                    Tensor output = network.predict(data.image(i));
                    if (!Float.isFinite(output.min()) || !Float.isFinite(output.max())) {
                      throw nonFinite(network, data, i);
                    }
                    predicted[i] = output.argmax();
                    probabilities[i] = output.at(predicted[i]);
                  }
                }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ArithmeticException nonFinite) {
        throw nonFinite;
      }
      throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int[][] confusion = new int[classes][classes];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = data.label(i);
      confusion[labels[i]][predicted[i]]++;
    }
    return new Evaluation(data.classLabels(), confusion, labels, predicted, probabilities);
  }

  /** Names the layer where image {@code index} first becomes NaN or infinite. */
  private static ArithmeticException nonFinite(Network network, Dataset data, int index) {
    int layer =
        network.trace(data.image(index)).firstNonFiniteLayer().orElse(network.layers().size() - 1);
    return new ArithmeticException(
        "the model produced non-finite values at layer "
            + layer
            + " ("
            + network.layer(layer).name()
            + ") for image "
            + index
            + "; its accuracy cannot be measured");
  }

  /** {@return the number of images evaluated} */
  public int count() {
    return count;
  }

  /** {@return the class names, in label order} */
  public List<String> classLabels() {
    return classLabels;
  }

  /** {@return the fraction of images whose predicted class is the label} */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < confusion.length; c++) {
      correct += confusion[c][c];
    }
    return count == 0 ? Double.NaN : (double) correct / count;
  }

  /**
   * {@return for each class, the fraction of its images predicted as that class ({@code NaN} if
   * none)}
   */
  public double[] perClassAccuracy() {
    double[] result = new double[confusion.length];
    for (int c = 0; c < confusion.length; c++) {
      long total = 0;
      for (int p = 0; p < confusion.length; p++) {
        total += confusion[c][p];
      }
      result[c] = total == 0 ? Double.NaN : (double) confusion[c][c] / total;
    }
    return result;
  }

  /**
   * {@return the class the network predicted for image {@code index} of the evaluated data}
   *
   * @param index the image, from 0
   */
  public int predicted(int index) {
    return predicted[index];
  }

  /**
   * {@return the probability the network gave its prediction for image {@code index}}
   *
   * @param index the image, from 0
   */
  public float probability(int index) {
    return probabilities[index];
  }

  /**
   * {@return the indices of the images of class {@code actual} predicted as {@code predicted} (one
   * cell of the confusion matrix), most confident prediction first}
   *
   * @param actual the true class
   * @param predicted the predicted class
   */
  public int[] imagesOf(int actual, int predicted) {
    return IntStream.range(0, count)
        .filter(i -> labels[i] == actual && this.predicted[i] == predicted)
        .boxed()
        .sorted((a, b) -> Float.compare(probabilities[b], probabilities[a]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** {@return {@code confusion()[actual][predicted]} = number of images (a copy)} */
  public int[][] confusion() {
    int[][] copy = new int[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }
}
