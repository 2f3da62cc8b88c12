package org.cnnexplainer.viz.overview;

import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;

/**
 * Measures the overview's paint speed off screen: a full paint with cached heat-maps, and a paint
 * right after switching to another trace (every heat-map re-coloured). Animation is switched off
 * while measuring. Runs on the event dispatch thread; call it from any other thread.
 */
public final class OverviewBenchmark {
  /**
   * Medians in milliseconds.
   *
   * @param overviewPaintMedianMs full paint with a trace whose tiles are cached
   * @param traceSwitchMedianMs installing another trace and painting it (tiles re-rendered)
   * @param runs measured runs of each
   */
  public record Result(double overviewPaintMedianMs, double traceSwitchMedianMs, int runs) {
    /**
     * {@return the result as one JSON object, {@code {"overviewPaintMedianMs": ..,
     * "traceSwitchMedianMs": .., "runs": ..}}, times with 3 decimals}
     */
    public String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"overviewPaintMedianMs\": %.3f, \"traceSwitchMedianMs\": %.3f, \"runs\": %d}",
          overviewPaintMedianMs,
          traceSwitchMedianMs,
          runs);
    }
  }

  private OverviewBenchmark() {}

  /**
   * Paints the overview of two traces of one network at {@code width x height}: {@code warmup}
   * unmeasured rounds, then {@code runs} measured ones.
   *
   * @param first a trace of the network
   * @param second another trace of the same network (the benchmark switches between the two)
   * @param width the overview's width, in pixels
   * @param height the overview's height, in pixels
   * @param warmup unmeasured rounds first, 0 or more
   * @param runs measured rounds, 1 or more
   * @return the medians of the measured rounds, in milliseconds
   * @throws IllegalArgumentException if the traces come from different networks or counts are bad
   */
  public static Result run(
      ActivationTrace first, ActivationTrace second, int width, int height, int warmup, int runs) {
    return run(first, second, null, width, height, warmup, runs);
  }

  /**
   * Like {@link #run(ActivationTrace, ActivationTrace, int, int, int, int)}, in {@linkplain
   * NetworkOverview#setDifference difference mode} against {@code reference} (a trace of a network
   * with the same layers): every switch also computes and colours the differences.
   *
   * @param first the trace shown first
   * @param second the trace switched to and back
   * @param reference the trace the differences are taken from (same layers and shapes)
   * @param width the overview's width in pixels
   * @param height the overview's height in pixels
   * @param warmup unmeasured rounds
   * @param runs measured rounds
   * @return the medians
   * @throws IllegalArgumentException if the traces come from different networks or counts are bad
   */
  public static Result runDifference(
      ActivationTrace first,
      ActivationTrace second,
      ActivationTrace reference,
      int width,
      int height,
      int warmup,
      int runs) {
    return run(
        first, second, Objects.requireNonNull(reference, "reference"), width, height, warmup, runs);
  }

  private static Result run(
      ActivationTrace first,
      ActivationTrace second,
      ActivationTrace reference,
      int width,
      int height,
      int warmup,
      int runs) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.network() != second.network()) {
      throw new IllegalArgumentException("both traces must come from the same network");
    }
    if (warmup < 0 || runs < 1) {
      throw new IllegalArgumentException(
          "need warmup >= 0 and runs >= 1, got " + warmup + ", " + runs);
    }
    String animation = System.getProperty(Animator.PROPERTY);
    System.setProperty(Animator.PROPERTY, "off");
    try {
      return onEdt(() -> measure(first, second, reference, width, height, warmup, runs));
    } finally {
      if (animation == null) {
        System.clearProperty(Animator.PROPERTY);
      } else {
        System.setProperty(Animator.PROPERTY, animation);
      }
    }
  }

  private static Result measure(
      ActivationTrace first,
      ActivationTrace second,
      ActivationTrace reference,
      int width,
      int height,
      int warmup,
      int runs) {
    ExplainerState state = new ExplainerState(Runnable::run);
    state.setNetwork(first.network());
    state.setTrace(first);
    state.setReference(reference);
    NetworkOverview overview = new NetworkOverview(state);
    overview.setDifference(reference != null);
    overview.addNotify();
    overview.setSize(width, height);
    overview.validate();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    double[] paint = new double[runs];
    double[] change = new double[runs];
    for (int i = -warmup; i < runs; i++) {
      long t0 = System.nanoTime();
      OverviewImages.paintInto(overview, image);
      long t1 = System.nanoTime();
      state.setTrace(state.trace().orElseThrow() == first ? second : first);
      OverviewImages.paintInto(overview, image);
      long t2 = System.nanoTime();
      if (i >= 0) {
        paint[i] = (t1 - t0) / 1e6;
        change[i] = (t2 - t1) / 1e6;
      }
    }
    overview.removeNotify();
    return new Result(median(paint), median(change), runs);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private interface Job<T> {
    T call();
  }

  private static <T> T onEdt(Job<T> job) {
    if (SwingUtilities.isEventDispatchThread()) {
      return job.call();
    }
    AtomicReference<T> result = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> result.set(job.call()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while benchmarking", e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
    return result.get();
  }
}
