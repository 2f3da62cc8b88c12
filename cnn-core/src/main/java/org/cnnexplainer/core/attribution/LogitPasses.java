package org.cnnexplainer.core.attribution;

import java.util.Arrays;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.internal.LayerPasses;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;

/**
 * The network's forward pass up to the logits and the backward pass from one logit to the input,
 * into buffers allocated once: the methods that run the network many times (integrated gradients,
 * SmoothGrad, occlusion) reuse them instead of allocating a trace per run. Not thread-safe: one
 * instance per thread.
 */
final class LogitPasses {
  private final float[][] values;
  private final float[][] gradients;
  private final LayerPasses passes;
  // Where the logits are: the last layer's output when it fuses the softmax (run "before
  // softmax"), else the output of the layer before a separate softmax layer.
  private final int logitsAt;
  private final boolean fused;
  private final int top;

  LogitPasses(Network network) {
    this(network, null, 0);
  }

  /**
   * Passes over {@code trace}'s own activations (none of this instance's {@link #forward} runs) for
   * {@link #backwardTo} layer {@code lowest}: gradient buffers only for the layers above it, as the
   * backward pass never reaches the others.
   */
  LogitPasses(ActivationTrace trace, int lowest) {
    this(trace.network(), trace, lowest + 1);
  }

  private LogitPasses(Network network, ActivationTrace trace, int firstGradient) {
    List<Layer> layers = network.layers();
    int n = layers.size();
    Layer last = layers.get(n - 1);
    if (last instanceof Dense dense && dense.activation() == Activation.SOFTMAX) {
      fused = true;
      logitsAt = n;
      top = n - 1;
    } else if (last instanceof ActivationLayer act && act.activation() == Activation.SOFTMAX) {
      fused = false;
      logitsAt = n - 1;
      top = n - 2;
    } else {
      throw new IllegalArgumentException(
          "network '"
              + network.name()
              + "' does not end in a softmax, so it has no class logits to attribute");
    }
    Shape[] shapes = new Shape[n + 1];
    shapes[0] = network.inputShape();
    for (int i = 0; i < n; i++) {
      shapes[i + 1] = network.outputShape(i);
    }
    values = new float[n + 1][];
    gradients = new float[n + 1][];
    for (int i = 0; i <= n; i++) {
      values[i] =
          trace == null
              ? new float[shapes[i].size()]
              : Checks.data(i == 0 ? trace.input() : trace.output(i - 1));
      gradients[i] = i >= firstGradient ? new float[shapes[i].size()] : null;
    }
    ModuleAccess.Layers hooks = ModuleAccess.layers();
    float[][][] params = new float[n][][];
    for (int i = 0; i < n; i++) {
      params[i] = hooks.parameterArrays(layers.get(i));
    }
    passes = new LayerPasses(layers, params, shapes, values, gradients, new float[n][][]);
  }

  /** The input buffer: write an input here, then call {@link #forward}. */
  float[] input() {
    return values[0];
  }

  /**
   * Runs the network on {@link #input()}; returns the logits (a buffer, valid until the next run).
   */
  float[] forward() {
    passes.forward(-1, fused);
    return values[logitsAt];
  }

  /**
   * After {@link #forward}, runs backward from the logit of {@code classIndex}; returns {@code
   * dS_c/d input} (a buffer, valid until the next run).
   */
  float[] backward(int classIndex) {
    float[] seed = gradients[logitsAt];
    Arrays.fill(seed, 0);
    seed[classIndex] = 1;
    passes.backward(top, -1, fused);
    return gradients[0];
  }

  /**
   * After {@link #forward} (or on a trace's activations), runs backward from the logit of {@code
   * classIndex} through the layers above {@code layer} only (with a trace: at most the {@code
   * lowest} layer it was made for); returns {@code dS_c/d(output of layer layer)} (a buffer, valid
   * until the next run), the same numbers the whole backward pass gives there.
   */
  float[] backwardTo(int classIndex, int layer) {
    float[] seed = gradients[logitsAt];
    Arrays.fill(seed, 0);
    seed[classIndex] = 1;
    passes.backward(top, layer + 1, -1, fused);
    return gradients[layer + 1];
  }

  /** The number of classes. */
  int classes() {
    return values[logitsAt].length;
  }
}
