package org.cnnexplainer.core;

import org.cnnexplainer.core.internal.CoreAccess;
import org.cnnexplainer.core.internal.LayerMath;

/**
 * Exposes {@link Layer}'s package-private training hooks to the trainer (see {@link LayerMath}).
 */
final class TrainingBridge implements LayerMath {
  static {
    CoreAccess.register(new TrainingBridge());
  }

  private TrainingBridge() {}

  @Override
  public float[][] parameterArrays(Layer layer) {
    return layer.parameterArrays();
  }

  @Override
  public Shape[] parameterShapes(Layer layer) {
    return layer.parameterShapes();
  }

  @Override
  public Layer withParameterArrays(Layer layer, float[][] values) {
    return layer.withParameterArrays(values);
  }

  @Override
  public int[] gradientBufferSizes(Layer layer, Shape input) {
    return layer.gradientBufferSizes(input);
  }

  @Override
  public void addGradients(Layer layer, float[][] buffers, Shape input, float[][] into) {
    layer.addGradients(buffers, input, into);
  }

  @Override
  public void forward(
      Layer layer,
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      long seed,
      boolean logits) {
    layer.forwardInto(params, in, inShape, out, outShape, seed, logits);
  }

  @Override
  public void backward(
      Layer layer,
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      float[] gradOut,
      float[] gradIn,
      float[][] gradBuffers,
      long seed,
      boolean logits) {
    layer.backward(params, in, inShape, out, outShape, gradOut, gradIn, gradBuffers, seed, logits);
  }

  @Override
  public void requireTrainable(Layer layer, boolean last) {
    Activation fused = null;
    if (layer instanceof Conv2D conv) {
      fused = conv.activation();
    } else if (layer instanceof Dense dense) {
      fused = dense.activation();
    } else if (layer instanceof BatchNormalization) {
      throw layer.notTrainable();
    }
    if (fused != null
        && !fused.hasSlopeAtOutput()
        && !(fused == Activation.SOFTMAX && (last || layer instanceof Dense))) {
      throw new UnsupportedOperationException(
          layer
              + ": a fused "
              + fused.tfjsName()
              + " activation cannot be trained; use a separate Activation layer");
    }
  }
}
