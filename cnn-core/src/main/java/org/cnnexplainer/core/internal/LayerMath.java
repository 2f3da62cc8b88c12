package org.cnnexplainer.core.internal;

import org.cnnexplainer.core.Layer;
import org.cnnexplainer.core.Shape;

/**
 * The training hooks of {@link Layer}, which are package-private in {@code org.cnnexplainer.core}
 * so that the public API stays inference-only. See {@code Layer}'s hooks for the contracts.
 */
public interface LayerMath {
  /** The bridge, registered by the core package when its classes load. */
  static LayerMath get() {
    return CoreAccess.layerMath();
  }

  float[][] parameterArrays(Layer layer);

  Shape[] parameterShapes(Layer layer);

  Layer withParameterArrays(Layer layer, float[][] values);

  int[] gradientBufferSizes(Layer layer, Shape input);

  void addGradients(Layer layer, float[][] buffers, Shape input, float[][] into);

  void forward(
      Layer layer,
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      long seed,
      boolean logits);

  void backward(
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
      boolean logits);

  /** Throws a message naming the layer when it cannot be trained (as the last layer or not). */
  void requireTrainable(Layer layer, boolean last);
}
