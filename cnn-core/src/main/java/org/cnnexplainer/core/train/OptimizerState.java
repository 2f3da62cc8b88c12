package org.cnnexplainer.core.train;

/** The optimizer's per-weight memory (momentum or Adam moments) and its update step. */
final class OptimizerState {
  private final Optimizer optimizer;
  private final float[][][] first;
  private final float[][][] second;
  private final boolean[][] decays;
  private long steps;

  OptimizerState(Optimizer optimizer, TrainableNetwork net) {
    this.optimizer = optimizer;
    int n = net.params.length;
    first = new float[n][][];
    second = new float[n][][];
    decays = new boolean[n][];
    for (int i = 0; i < n; i++) {
      first[i] = new float[net.params[i].length][];
      second[i] = new float[net.params[i].length][];
      decays[i] = new boolean[net.params[i].length];
      for (int p = 0; p < net.params[i].length; p++) {
        first[i][p] = new float[net.params[i][p].length];
        second[i][p] = new float[net.params[i][p].length];
        decays[i][p] = net.paramShapes[i][p].rank() >= 2;
      }
    }
  }

  /** Applies one update with gradients {@code grads} and learning rate {@code lr}. */
  void step(float[][][] params, float[][][] grads, double lr) {
    steps++;
    double correction1 = 1 - Math.pow(optimizer.beta1(), steps);
    double correction2 = 1 - Math.pow(optimizer.beta2(), steps);
    for (int i = 0; i < params.length; i++) {
      for (int p = 0; p < params[i].length; p++) {
        float[] w = params[i][p];
        float[] g = grads[i][p];
        float[] m = first[i][p];
        float[] v = second[i][p];
        if (optimizer.kind() == Optimizer.Kind.ADAM) {
          float b1 = (float) optimizer.beta1();
          float b2 = (float) optimizer.beta2();
          float rate = (float) (lr / correction1);
          float c2 = (float) (1 / correction2);
          float eps = (float) optimizer.epsilon();
          for (int k = 0; k < w.length; k++) {
            m[k] = b1 * m[k] + (1 - b1) * g[k];
            v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
            w[k] -= rate * m[k] / ((float) Math.sqrt(v[k] * c2) + eps);
          }
        } else {
          float mu = (float) optimizer.momentum();
          float rate = (float) lr;
          for (int k = 0; k < w.length; k++) {
            m[k] = mu * m[k] - rate * g[k];
            w[k] += m[k];
          }
        }
        if (optimizer.weightDecay() > 0 && decays[i][p]) {
          float shrink = (float) (1 - lr * optimizer.weightDecay());
          for (int k = 0; k < w.length; k++) {
            w[k] *= shrink;
          }
        }
      }
    }
  }
}
