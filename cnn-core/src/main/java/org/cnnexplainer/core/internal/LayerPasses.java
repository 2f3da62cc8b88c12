package org.cnnexplainer.core.internal;

import java.util.List;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Pass;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
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
 *
 * <p>Not thread-safe: each training thread has its own, with its own buffers.
 */
public final class LayerPasses {
  private final Layer[] layers;
  private final ModuleAccess.Layers hooks = ModuleAccess.layers();
  private final Pass[] inference;
  // In training only layers that draw random numbers (dropout) need a pass per sample, for their
  // seed; the others' passes are made once, and so are the last one's "before softmax" variants.
  private final Pass[] training;
  private final boolean[] seeded;
  // Layer i + 1's ReLU output comes from layer i's convolution pass.
  private final boolean[] reluAfter;
  private final Pass lastInferenceBeforeSoftmax;
  private final Pass lastTrainingBeforeSoftmax;
  private final Pass[] run;

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
    int n = this.layers.length;
    inference = new Pass[n];
    training = new Pass[n];
    seeded = new boolean[n];
    reluAfter = new boolean[n];
    run = new Pass[n];
    for (int i = 0; i < n; i++) {
      inference[i] =
          Pass.of(params[i], values[i], shapes[i], values[i + 1], shapes[i + 1])
              .withGradients(gradients[i + 1], gradients[i], accumulators[i]);
      training[i] = inference[i].training(0);
      seeded[i] = hooks.usesTrainingSeed(this.layers[i]);
      reluAfter[i] = i + 1 < n && reluFollowsLinearConvolution(this.layers[i], this.layers[i + 1]);
    }
    lastInferenceBeforeSoftmax = inference[n - 1].beforeSoftmax();
    lastTrainingBeforeSoftmax = training[n - 1].beforeSoftmax();
  }

  /**
   * Runs every layer forward. {@code seed >= 0}: training (dropout masks from the seed); {@code
   * logits}: the last layer leaves out its softmax, so its output holds the logits.
   */
  public void forward(long seed, boolean logits) {
    Pass[] passes = passes(seed, logits);
    for (int i = 0; i < passes.length; i++) {
      if (reluAfter[i]) {
        hooks.forwardThenRelu(layers[i], passes[i], passes[i + 1].out());
        i++;
      } else {
        hooks.forward(layers[i], passes[i]);
      }
    }
  }

  /**
   * Whether {@code next} is a ReLU layer after a Conv2D without activation: the convolution's pass
   * can then write the ReLU's output too ({@link ModuleAccess.Layers#forwardThenRelu}).
   */
  public static boolean reluFollowsLinearConvolution(Layer layer, Layer next) {
    return layer instanceof Conv2D conv
        && conv.activation() == Activation.LINEAR
        && next instanceof ActivationLayer relu
        && relu.activation() == Activation.RELU;
  }

  /**
   * Runs layers {@code top} down to 0 backward, from {@code gradients[top + 1]}; with the seed and
   * logits flag of the forward pass that computed the values ({@code logits}: {@code gradients[n]}
   * is the gradient at the logits).
   */
  public void backward(int top, long seed, boolean logits) {
    backward(top, 0, seed, logits);
  }

  /**
   * Runs layers {@code top} down to {@code bottom} backward (as {@link #backward(int, long,
   * boolean)}), leaving {@code gradients[bottom]} as the gradient at layer {@code bottom}'s input:
   * for callers that need the gradient at a layer, not at the network's input.
   */
  public void backward(int top, int bottom, long seed, boolean logits) {
    Pass[] passes = passes(seed, logits);
    for (int i = top; i >= bottom; i--) {
      hooks.backward(layers[i], passes[i]);
    }
  }

  /** The passes in this mode: each layer's own dropout seed, the last one before its softmax. */
  private Pass[] passes(long seed, boolean logits) {
    boolean train = seed >= 0;
    System.arraycopy(train ? training : inference, 0, run, 0, run.length);
    int last = run.length - 1;
    if (logits) {
      run[last] = train ? lastTrainingBeforeSoftmax : lastInferenceBeforeSoftmax;
    }
    for (int i = 0; train && i <= last; i++) {
      if (seeded[i]) {
        run[i] = run[i].training((seed * 31 + i) & Long.MAX_VALUE);
      }
    }
    return run;
  }
}
