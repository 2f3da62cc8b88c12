package org.cnnexplainer.demo.app;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.AttributionMethod;
import org.cnnexplainer.viz.ExplainerState;

/**
 * {@code bench --why}: how long the "Why?" window takes from a choice to its repainted content, as
 * the app does it — the attribution computed, the result handed over, the panel (1024 × 700, the
 * smallest window) painted with the tab that shows the method's steps (or its overlay when it has
 * none). The window's background thread and the event thread are replaced by running both in line,
 * so a sample is the sum of the work without waiting in queues. Two kinds of switch, per method:
 * another class with the same method (predicted and second-ranked class in turn), and arriving at
 * the method from the one before it in the list. Medians.
 */
public final class WhyBenchmark {
  /** The size painted. */
  public static final int WIDTH = 1024;

  /** The size painted. */
  public static final int HEIGHT = 700;

  /**
   * Medians per method.
   *
   * @param classSwitchMedianMs switching class, per method, in ms
   * @param methodSwitchMedianMs switching to the method, in ms
   * @param runs timed switches of each kind per method
   */
  public record Result(
      Map<AttributionMethod, Double> classSwitchMedianMs,
      Map<AttributionMethod, Double> methodSwitchMedianMs,
      int runs) {

    /**
     * The slowest method's median of either kind.
     *
     * @return milliseconds
     */
    public double worstMedianMs() {
      return Math.max(
          classSwitchMedianMs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0),
          methodSwitchMedianMs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /**
     * The figures as one JSON object.
     *
     * @return {@code {"classSwitchMedianMs": {...}, "methodSwitchMedianMs": {...}, "worstMedianMs",
     *     "runs", "size"}}
     */
    public String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"classSwitchMedianMs\": %s, \"methodSwitchMedianMs\": %s, \"worstMedianMs\": %.2f,"
              + " \"runs\": %d, \"size\": \"%dx%d\"}",
          json(classSwitchMedianMs),
          json(methodSwitchMedianMs),
          worstMedianMs(),
          runs,
          WIDTH,
          HEIGHT);
    }

    private static String json(Map<AttributionMethod, Double> medians) {
      return medians.entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "\"%s\": %.2f", e.getKey().id(), e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
  }

  private WhyBenchmark() {}

  /**
   * Measures {@code warmup} untimed and {@code runs} timed switches of each kind per method.
   *
   * @param network the network, which must end in a softmax
   * @param input the image
   * @param warmup untimed switches first, per method and kind
   * @param runs timed switches per method and kind
   * @return the medians
   */
  public static Result run(Network network, Tensor input, int warmup, int runs) {
    System.setProperty("java.awt.headless", "true");
    try {
      Result[] result = new Result[1];
      SwingUtilities.invokeAndWait(() -> result[0] = measure(network, input, warmup, runs));
      return result[0];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static Result measure(Network network, Tensor input, int warmup, int runs) {
    ActivationTrace trace = network.trace(input);
    ExplainerState state = new ExplainerState(Runnable::run);
    state.setNetwork(network);
    state.setTrace(trace);
    WhyPanel panel = new WhyPanel(state, Runnable::run, Runnable::run, c -> {});
    panel.addNotify();
    panel.setSize(WIDTH, HEIGHT);
    panel.validate();
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    int first = trace.predicted().index();
    int second = trace.topK(2).get(1).index();
    AttributionMethod[] methods = AttributionMethod.values();
    Map<AttributionMethod, Double> classSwitch = new EnumMap<>(AttributionMethod.class);
    Map<AttributionMethod, Double> methodSwitch = new EnumMap<>(AttributionMethod.class);
    for (AttributionMethod method : methods) {
      long[] nanos = new long[runs];
      for (int i = -warmup; i < runs; i++) {
        int c = (i & 1) == 0 ? second : first;
        long t = switchAndPaint(panel, image, c, method);
        if (i >= 0) {
          nanos[i] = t;
        }
      }
      classSwitch.put(method, median(nanos));
    }
    for (int m = 0; m < methods.length; m++) {
      AttributionMethod before = methods[(m + methods.length - 1) % methods.length];
      long[] nanos = new long[runs];
      for (int i = -warmup; i < runs; i++) {
        switchAndPaint(panel, image, first, before);
        long t = switchAndPaint(panel, image, first, methods[m]);
        if (i >= 0) {
          nanos[i] = t;
        }
      }
      methodSwitch.put(methods[m], median(nanos));
    }
    panel.removeNotify();
    return new Result(classSwitch, methodSwitch, runs);
  }

  /** One switch: the choice, the computation, the answer shown and the panel painted. */
  private static long switchAndPaint(
      WhyPanel panel, BufferedImage image, int classIndex, AttributionMethod method) {
    long start = System.nanoTime();
    panel.choose(classIndex, method, -1);
    panel.showTab(panel.stepView().isPresent() ? 1 : 0);
    panel.validate();
    Graphics2D g = image.createGraphics();
    panel.printAll(g);
    g.dispose();
    long nanos = System.nanoTime() - start;
    if (panel.shown().map(w -> w.method() != method || w.classIndex() != classIndex).orElse(true)) {
      throw new IllegalStateException("the panel did not show " + method + " of " + classIndex);
    }
    return nanos;
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
  }
}
