package org.cnnexplainer.core.train;

import java.util.Arrays;

/**
 * One worker thread's buffers: every layer's output and its gradient, and the thread's gradient
 * accumulators. Reused for every sample, so the hot loop allocates nothing.
 */
final class Workspace {
  private final TrainableNetwork net;

  /** {@code acts[0]} is the input, {@code acts[i + 1]} layer i's output (logits for the last). */
  final float[][] acts;

  final float[][] grads;
  final float[][][] gradBuffers;
  double lossSum;
  int correct;
  int count;

  Workspace(TrainableNetwork net) {
    this.net = net;
    int n = net.layers.length;
    acts = new float[n + 1][];
    grads = new float[n + 1][];
    gradBuffers = new float[n][][];
    acts[0] = new float[net.inShapes[0].size()];
    grads[0] = new float[net.inShapes[0].size()];
    for (int i = 0; i < n; i++) {
      acts[i + 1] = new float[net.outShapes[i].size()];
      grads[i + 1] = new float[net.outShapes[i].size()];
      int[] sizes = net.math.gradientBufferSizes(net.layers[i], net.inShapes[i]);
      gradBuffers[i] = new float[sizes.length][];
      for (int p = 0; p < sizes.length; p++) {
        gradBuffers[i][p] = new float[sizes[p]];
      }
    }
  }

  void reset() {
    lossSum = 0;
    correct = 0;
    count = 0;
    for (float[][] layer : gradBuffers) {
      for (float[] buffer : layer) {
        Arrays.fill(buffer, 0f);
      }
    }
  }

  /**
   * Runs one sample already in {@code acts[0]}: forward, softmax cross-entropy against {@code
   * label}, and (when {@code seed >= 0}) backward with the loss scaled by {@code scale}.
   */
  void run(int label, long seed, float scale) {
    int n = net.layers.length;
    for (int i = 0; i < n; i++) {
      net.math.forward(
          net.layers[i],
          net.params[i],
          acts[i],
          net.inShapes[i],
          acts[i + 1],
          net.outShapes[i],
          layerSeed(seed, i),
          i == n - 1);
    }
    float[] logits = acts[n];
    int best = 0;
    float max = logits[0];
    for (int j = 1; j < logits.length; j++) {
      if (logits[j] > max) {
        max = logits[j];
        best = j;
      }
    }
    double sum = 0;
    for (float z : logits) {
      sum += Math.exp(z - max);
    }
    double logSumExp = max + Math.log(sum);
    lossSum += logSumExp - logits[label];
    correct += best == label ? 1 : 0;
    count++;
    if (seed < 0) {
      return;
    }
    float[] g = grads[n];
    for (int j = 0; j < logits.length; j++) {
      double p = Math.exp(logits[j] - logSumExp);
      g[j] = (float) ((p - (j == label ? 1 : 0)) * scale);
    }
    for (int i = n - 1; i >= 0; i--) {
      net.math.backward(
          net.layers[i],
          net.params[i],
          acts[i],
          net.inShapes[i],
          acts[i + 1],
          net.outShapes[i],
          grads[i + 1],
          i > 0 ? grads[i] : null,
          gradBuffers[i],
          layerSeed(seed, i),
          i == n - 1);
    }
  }

  private static long layerSeed(long seed, int layer) {
    return seed < 0 ? -1 : (seed * 31 + layer) & Long.MAX_VALUE;
  }

  /** Adds this thread's gradients, reduced to parameter shapes, to {@code into}. */
  void addGradientsTo(float[][][] into) {
    for (int i = 0; i < gradBuffers.length; i++) {
      if (gradBuffers[i].length > 0) {
        net.math.addGradients(net.layers[i], gradBuffers[i], net.inShapes[i], into[i]);
      }
    }
  }
}
