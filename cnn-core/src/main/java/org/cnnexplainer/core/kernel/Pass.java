package org.cnnexplainer.core.kernel;

import org.cnnexplainer.core.Shape;

/**
 * What one call of a layer's {@code forward} or {@code backward} reads and writes: flat arrays with
 * their shapes. The same kind of pass serves inference (a trace), training and the public backward
 * pass; only the arrays and the mode differ. Start with {@link #of} and add the rest:
 *
 * <pre>
 * Pass.of(params, in, inShape, out, outShape)          // forward, inference
 *     .training(seed)                                   // dropout on, masks from the seed
 *     .beforeSoftmax()                                  // the last layer's softmax left out
 *     .withGradients(gradOut, gradIn, gradients)        // for backward
 * </pre>
 *
 * @param params the layer's parameters in its own layout (for Conv2D and Dense: kernel, then bias
 *     when it has one); never modified by a pass
 * @param in the layer's input
 * @param out forward: written; backward: the forward pass's output, read
 * @param gradOut backward: {@code dS/dOut} (with {@link #atLogits}: {@code dS/dLogits}); read only
 * @param gradIn backward: overwritten with {@code dS/dIn}; null when not needed
 * @param gradients backward: accumulators the parameter gradients are added to, sized by the layer;
 *     null when not needed
 * @param seed the dropout seed in training; negative at inference
 * @param atLogits forward: a final softmax is left out, {@code out} holds its input (the logits);
 *     backward: {@code gradOut} is the gradient at the logits. Layers without a softmax ignore it.
 */
public record Pass(
    float[][] params,
    float[] in,
    Shape inShape,
    float[] out,
    Shape outShape,
    float[] gradOut,
    float[] gradIn,
    float[][] gradients,
    long seed,
    boolean atLogits) {

  /** A forward pass at inference. */
  public static Pass of(float[][] params, float[] in, Shape inShape, float[] out, Shape outShape) {
    return new Pass(params, in, inShape, out, outShape, null, null, null, -1, false);
  }

  /** This pass in training mode: dropout masks come from {@code seed} (at least 0). */
  public Pass training(long seed) {
    return new Pass(params, in, inShape, out, outShape, gradOut, gradIn, gradients, seed, atLogits);
  }

  /** This pass at the logits: a final softmax is left out (forward) or skipped (backward). */
  public Pass beforeSoftmax() {
    return new Pass(params, in, inShape, out, outShape, gradOut, gradIn, gradients, seed, true);
  }

  /** This pass with the backward pass's arrays. */
  public Pass withGradients(float[] gradOut, float[] gradIn, float[][] gradients) {
    return new Pass(params, in, inShape, out, outShape, gradOut, gradIn, gradients, seed, atLogits);
  }

  /** True in training (dropout active). */
  public boolean isTraining() {
    return seed >= 0;
  }
}
