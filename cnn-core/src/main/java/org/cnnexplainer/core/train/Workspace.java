package org.cnnexplainer.core.train;

import java.util.Arrays;
import org.cnnexplainer.core.internal.LayerPasses;

/**
 * One worker thread's buffers: every layer's output and its gradient, and the thread's gradient
 * accumulators, wired into the network's forward and backward passes ({@link LayerPasses}, the same
 * backward pass as {@code Network.gradients}). Reused for every sample, so the hot loop allocates
 * only the passes' small descriptors.
 */
final class Workspace {
  private final TrainableNetwork net;
  private final LayerPasses passes;

  /** {@code acts[0]} is the input, {@code acts[i + 1]} layer i's output (logits for the last). */
  final float[][] acts;

  /** {@code grads[i]} holds {@code dLoss/d acts[i]}; {@code grads[0]} is not needed (null). */
  final float[][] grads;

  final float[][][] gradBuffers;
  double lossSum;
  int correct;
  int count;

  Workspace(TrainableNetwork net) {
    this.net = net;
    int n = net.layers.size();
    acts = new float[n + 1][];
    grads = new float[n + 1][];
    gradBuffers = new float[n][][];
    acts[0] = new float[net.shapes[0].size()];
    for (int i = 0; i < n; i++) {
      acts[i + 1] = new float[net.shapes[i + 1].size()];
      grads[i + 1] = new float[net.shapes[i + 1].size()];
      int[] sizes = net.hooks.gradientSizes(net.layers.get(i), net.shapes[i]);
      gradBuffers[i] = new float[sizes.length][];
      for (int p = 0; p < sizes.length; p++) {
        gradBuffers[i][p] = new float[sizes[p]];
      }
    }
    passes = new LayerPasses(net.layers, net.params, net.shapes, acts, grads, gradBuffers);
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
    int n = net.layers.size();
    passes.forward(seed, true);
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
    // dLoss/dLogits = softmax(logits) - onehot(label), for the loss scaled by 1 / batch size.
    float[] g = grads[n];
    for (int j = 0; j < logits.length; j++) {
      double p = Math.exp(logits[j] - logSumExp);
      g[j] = (float) ((p - (j == label ? 1 : 0)) * scale);
    }
    passes.backward(n - 1, seed, true);
  }

  /** Adds this thread's gradients, reduced to parameter shapes, to {@code into}. */
  void addGradientsTo(float[][][] into) {
    for (int i = 0; i < gradBuffers.length; i++) {
      if (gradBuffers[i].length > 0) {
        net.hooks.reduceGradients(net.layers.get(i), net.shapes[i], gradBuffers[i], into[i]);
      }
    }
  }
}
