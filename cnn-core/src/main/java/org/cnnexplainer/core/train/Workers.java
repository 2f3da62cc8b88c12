package org.cnnexplainer.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The worker threads of a training run, each with its own {@link Workspace}. A batch is cut into
 * one contiguous slice per thread; the slices' gradients are added in thread order, so the sum does
 * not depend on timing.
 */
final class Workers implements AutoCloseable {
  /** Summed loss and number correct over some images. */
  record Totals(double loss, long correct) {}

  private final TrainableNetwork net;
  private final Workspace[] workspaces;
  private final float[][][][] threadGradients;
  private final float[][][] total;
  private final ExecutorService pool;

  Workers(TrainableNetwork net, int threads) {
    this.net = net;
    workspaces = new Workspace[threads];
    threadGradients = new float[threads][][][];
    for (int t = 0; t < threads; t++) {
      workspaces[t] = new Workspace(net);
      threadGradients[t] = zerosLike(net.params);
    }
    total = zerosLike(net.params);
    pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread thread = new Thread(r, "cnn-trainer");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  int count() {
    return workspaces.length;
  }

  /** Forward and backward over {@code order[from .. to)}; gradients then in {@link #gradients}. */
  Totals trainBatch(
      Dataset data, int[] order, int from, int to, int epoch, TrainerSettings settings)
      throws InterruptedException {
    float scale = 1f / (to - from);
    long epochSeed = Seeds.mix(settings.seed(), epoch);
    Augmentation augmentation = settings.augmentation();
    return runSlices(
        from,
        to,
        (ws, k) -> {
          int index = order[k];
          long seed = Seeds.mix(epochSeed, k);
          data.copyImage(index, ws.acts[0], augmentation, seed);
          ws.run(data.label(index), seed, scale);
        },
        true);
  }

  /** Loss and accuracy totals over all of {@code data}, in inference mode. */
  Totals evaluate(Dataset data) throws InterruptedException {
    return runSlices(
        0,
        data.size(),
        (ws, k) -> {
          data.copyImage(k, ws.acts[0], Augmentation.none(), 0);
          ws.run(data.label(k), -1, 0f);
        },
        false);
  }

  /** The batch gradient: the threads' gradients added in thread order. */
  float[][][] gradients() {
    for (int i = 0; i < total.length; i++) {
      for (int p = 0; p < total[i].length; p++) {
        float[] sum = total[i][p];
        System.arraycopy(threadGradients[0][i][p], 0, sum, 0, sum.length);
        for (int t = 1; t < threadGradients.length; t++) {
          float[] g = threadGradients[t][i][p];
          for (int k = 0; k < sum.length; k++) {
            sum[k] += g[k];
          }
        }
      }
    }
    return total;
  }

  private interface SampleStep {
    void run(Workspace workspace, int position);
  }

  private Totals runSlices(int from, int to, SampleStep step, boolean gradients)
      throws InterruptedException {
    int threads = workspaces.length;
    int size = to - from;
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      int lo = from + (int) ((long) size * t / threads);
      int hi = from + (int) ((long) size * (t + 1) / threads);
      tasks.add(
          () -> {
            Workspace ws = workspaces[thread];
            ws.reset();
            for (int k = lo; k < hi; k++) {
              step.run(ws, k);
            }
            if (gradients) {
              for (float[][] layer : threadGradients[thread]) {
                for (float[] g : layer) {
                  Arrays.fill(g, 0f);
                }
              }
              ws.addGradientsTo(threadGradients[thread]);
            }
            return null;
          });
    }
    if (pool == null) {
      try {
        tasks.get(0).call();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    } else {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException("a training thread failed", e.getCause());
        }
      }
    }
    double loss = 0;
    long correct = 0;
    for (Workspace ws : workspaces) {
      loss += ws.lossSum;
      correct += ws.correct;
    }
    return new Totals(loss, correct);
  }

  private static float[][][] zerosLike(float[][][] params) {
    float[][][] copy = new float[params.length][][];
    for (int i = 0; i < params.length; i++) {
      copy[i] = new float[params[i].length][];
      for (int p = 0; p < params[i].length; p++) {
        copy[i][p] = new float[params[i][p].length];
      }
    }
    return copy;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
