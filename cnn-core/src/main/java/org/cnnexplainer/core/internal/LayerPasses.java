package org.cnnexplainer.core.internal;

import java.util.List;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Pass;
import org.cnnexplainer.core.layer.Layer;

/**
 * The forward and the backward pass through a chain of layers, on arrays: the one backward pass of
 * cnn-core, run by the trainer (once per sample, into buffers it reuses) and by {@code
 * Network.gradients} (once, into arrays a {@code GradientTrace} keeps).
 *
 * <p>{@code values[0]} is the network's input and {@code values[i + 1]} layer {@code i}'s output;
 * {@code gradients[i]} holds {@code dS/d values[i]} in the same layout. {@code gradients[0]} may be
 * null when the input gradient is not needed, and {@code accumulators[i]} when layer {@code i}'s
 * parameter gradients are not (else they are sized by the layer and added to).
 */
public final class LayerPasses {
  private final Layer[] layers;
  private final Pass[] passes;
  private final ModuleAccess.Layers hooks = ModuleAccess.layers();
  // The passes of the last forward pass, which its backward pass reuses: in training one set per
  // sample, instead of one per layer call.
  private Pass[] current;
  private long currentSeed;
  private boolean currentLogits;

  /**
   * Passes over {@code layers} with their parameters {@code params[i]} (in each layer's own layout)
   * and shapes {@code shapes[i]} of {@code values[i]}.
   */
  public LayerPasses(
      List<Layer> layers,
      float[][][] params,
      Shape[] shapes,
      float[][] values,
      float[][] gradients,
      float[][][] accumulators) {
    this.layers = layers.toArray(new Layer[0]);
    this.passes = new Pass[this.layers.length];
    for (int i = 0; i < passes.length; i++) {
      passes[i] =
          Pass.of(params[i], values[i], shapes[i], values[i + 1], shapes[i + 1])
              .withGradients(gradients[i + 1], gradients[i], accumulators[i]);
    }
  }

  /**
   * Runs every layer forward. {@code seed >= 0}: training (dropout masks from the seed); {@code
   * logits}: the last layer leaves out its softmax, so its output holds the logits.
   */
  public void forward(long seed, boolean logits) {
    Pass[] run = passes(seed, logits);
    for (int i = 0; i < run.length; i++) {
      hooks.forward(layers[i], run[i]);
    }
  }

  /**
   * Runs layers {@code top} down to 0 backward, from {@code gradients[top + 1]}; with the seed and
   * logits flag of the forward pass that computed the values ({@code logits}: {@code gradients[n]}
   * is the gradient at the logits).
   */
  public void backward(int top, long seed, boolean logits) {
    Pass[] run = passes(seed, logits);
    for (int i = top; i >= 0; i--) {
      hooks.backward(layers[i], run[i]);
    }
  }

  /** The passes in this mode: each layer's own dropout seed, the last one before its softmax. */
  private Pass[] passes(long seed, boolean logits) {
    if (current != null && currentSeed == seed && currentLogits == logits) {
      return current;
    }
    Pass[] run = passes.clone();
    for (int i = 0; i < run.length; i++) {
      if (seed >= 0) {
        run[i] = run[i].training((seed * 31 + i) & Long.MAX_VALUE);
      }
    }
    if (logits) {
      run[run.length - 1] = run[run.length - 1].beforeSoftmax();
    }
    current = run;
    currentSeed = seed;
    currentLogits = logits;
    return run;
  }
}
