package org.cnnexplainer.demo.cli;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;

/** Times {@link Network#trace} on one thread and {@link Network#predict} on all cores. */
public final class TraceBenchmark {
  /** What one run measured. */
  public record Result(
      double traceMedianMicros,
      double traceP90Micros,
      double predictImagesPerSecond,
      int threads,
      int samples,
      long timedPageFaults) {}

  private final Network network;
  private final Tensor input;

  public TraceBenchmark(Network network, Tensor input) {
    this.network = network;
    this.input = input;
  }

  /** Uniform [0, 1) pixels from {@code seed}. */
  public static Tensor randomInput(Shape shape, long seed) {
    Random random = new Random(seed);
    float[] values = new float[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat();
    }
    return Tensor.of(shape, values);
  }

  /**
   * Warms up, then times {@code samples} traces (fewer when they take more than {@code
   * maxSamplingSeconds} together, but at least one) and a {@code throughputSeconds} prediction run.
   */
  public Result run(
      double warmupSeconds, int samples, double throughputSeconds, double maxSamplingSeconds) {
    long[] faults = new long[2];
    long[] nanos =
        time(
            () -> network.trace(input).predicted().index(),
            warmupSeconds,
            samples,
            maxSamplingSeconds,
            faults);
    int threads = Runtime.getRuntime().availableProcessors();
    double imagesPerSecond = throughput(threads, throughputSeconds);
    return new Result(
        percentile(nanos, 0.5) / 1e3,
        percentile(nanos, 0.9) / 1e3,
        imagesPerSecond,
        threads,
        nanos.length,
        PageFaults.between(faults[0], faults[1]));
  }

  /**
   * Runs {@code work} for {@code warmupSeconds}, then times {@code samples} runs (fewer when they
   * take more than {@code maxSamplingSeconds} together, but at least one) on this thread; returns
   * the sorted nanoseconds. {@code work} returns a number so that the JIT cannot drop it.
   */
  static long[] time(
      IntSupplier work, double warmupSeconds, int samples, double maxSamplingSeconds) {
    return time(work, warmupSeconds, samples, maxSamplingSeconds, new long[2]);
  }

  /**
   * {@link #time(IntSupplier, double, int, double)}, also putting this process's minor page fault
   * counts just before and just after the timed runs in {@code faults[0]} and {@code faults[1]}.
   */
  static long[] time(
      IntSupplier work,
      double warmupSeconds,
      int samples,
      double maxSamplingSeconds,
      long[] faults) {
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    long sink = 0;
    while (System.nanoTime() < warmupEnd) {
      sink += work.getAsInt();
    }
    sink += untilHeapSettles(work, warmupSeconds);
    long[] nanos = new long[samples];
    faults[0] = PageFaults.minor();
    long samplingEnd = System.nanoTime() + (long) (maxSamplingSeconds * 1e9);
    int taken = 0;
    while (taken < samples && (taken == 0 || System.nanoTime() < samplingEnd)) {
      long start = System.nanoTime();
      sink += work.getAsInt();
      nanos[taken++] = System.nanoTime() - start;
    }
    faults[1] = PageFaults.minor();
    if (sink == Long.MIN_VALUE) {
      System.out.print(""); // keeps the results observable to the JIT
    }
    nanos = Arrays.copyOf(nanos, taken);
    Arrays.sort(nanos);
    return nanos;
  }

  /**
   * Goes on warming up while the heap still grows into fresh memory: while this process takes page
   * faults, each trace pays for the pages it allocates into (10-15 times its arithmetic without
   * huge pages), so timing then would measure the collector's growth, not the network. Checks every
   * quarter second; gives up after {@link #MAX_SETTLING_SECONDS}. Nothing to do after no warm-up.
   */
  private static long untilHeapSettles(IntSupplier work, double warmupSeconds) {
    long sink = 0;
    long before = PageFaults.minor();
    if (warmupSeconds <= 0 || before < 0) {
      return sink;
    }
    long giveUp = System.nanoTime() + (long) (MAX_SETTLING_SECONDS * 1e9);
    while (System.nanoTime() < giveUp) {
      long checkEnd = System.nanoTime() + 250_000_000L;
      do {
        sink += work.getAsInt();
      } while (System.nanoTime() < checkEnd);
      long now = PageFaults.minor();
      if (now - before <= SETTLED_FAULTS) {
        break;
      }
      before = now;
    }
    return sink;
  }

  /** At most this many more seconds of warm-up while the heap grows. */
  static final double MAX_SETTLING_SECONDS = 15;

  /** Page faults in a quarter second that count as settled: 1 MB of fresh 4 KiB pages. */
  private static final long SETTLED_FAULTS = 256;

  private double throughput(int threads, double seconds) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      LongAdder images = new LongAdder();
      AtomicBoolean stop = new AtomicBoolean();
      Future<?>[] workers = new Future<?>[threads];
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers[t] =
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    network.predict(input);
                    images.increment();
                  }
                });
      }
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      for (Future<?> worker : workers) {
        worker.get();
      }
      return images.sum() / ((System.nanoTime() - start) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("prediction failed during the benchmark", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Nearest-rank percentile of sorted samples. */
  static double percentile(long[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
