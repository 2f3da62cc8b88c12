package org.cnnexplainer.core.tfjs;

import java.util.Arrays;
import java.util.Map;

/** The weights of a model by name, each with its TF.js shape and dequantized float32 values. */
final class Weights {
  /** One named weight in TF.js layout (e.g. HWIO for a conv kernel). */
  record Weight(String name, int[] shape, float[] values) {}

  private final String file;
  private final Map<String, Weight> byName;

  Weights(String file, Map<String, Weight> byName) {
    this.file = file;
    this.byName = Map.copyOf(byName);
  }

  boolean has(String name) {
    return byName.containsKey(name);
  }

  /**
   * The weight {@code layer/suffix}, whose shape must equal {@code expectedShape}.
   *
   * @throws InvalidModelException if it is missing or has another shape
   */
  Weight require(String layer, String suffix, int[] expectedShape) throws InvalidModelException {
    String name = layer + "/" + suffix;
    Weight w = byName.get(name);
    if (w == null) {
      throw new InvalidModelException(
          file
              + ": layer '"
              + layer
              + "' needs the weight '"
              + name
              + "' of shape "
              + Arrays.toString(expectedShape)
              + ", but weightsManifest does not list it");
    }
    if (!Arrays.equals(w.shape(), expectedShape)) {
      throw new InvalidModelException(
          file
              + ": weight '"
              + name
              + "': expected shape "
              + Arrays.toString(expectedShape)
              + " from the layer's configuration, found "
              + Arrays.toString(w.shape()));
    }
    return w;
  }
}
