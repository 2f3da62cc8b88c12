package org.cnnexplainer.viz.ops;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;

/** The colour scales of the operation views (spec §2.6), from the state's ranges and palette. */
final class OpColors {
  private OpColors() {}

  /** Whether layer {@code layerIndex} reads the network's input image. */
  static boolean readsInput(Network network, int layerIndex) {
    for (int i = 0; i < layerIndex; i++) {
      if (!(network.layer(i) instanceof InputLayer)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The scale of layer {@code layerIndex}'s input values: Greys for the input image, else the
   * activation map with {@code range}.
   */
  static ColorScale inputScale(
      ActivationTrace trace, int layerIndex, Palette palette, double range) {
    return readsInput(trace.network(), layerIndex)
        ? ColorScale.input(palette.input())
        : ColorScale.diverging(palette.activations(), range);
  }

  /**
   * The scales of an element-wise layer's input and output grids (activation and pooling cards):
   * both on the larger of the two layers' ranges.
   */
  static ColorScale[] pairScales(
      ActivationTrace trace, int layerIndex, LayerRanges ranges, Palette palette) {
    double range = sharedRange(ranges, layerIndex);
    return new ColorScale[] {
      inputScale(trace, layerIndex, palette, range),
      ColorScale.diverging(palette.activations(), range)
    };
  }

  /** The larger of the layer's range and its predecessor's, so both grids are comparable. */
  static double sharedRange(LayerRanges ranges, int layerIndex) {
    double own = ranges.range(layerIndex);
    return layerIndex > 0 ? Math.max(own, ranges.range(layerIndex - 1)) : own;
  }

  /** Kernel cells: BrBG with gap 0.2 over {@code 2 * max |w|} of {@code kernel} (1 if all 0). */
  static ColorScale kernelScale(Palette palette, Tensor kernel, int from, int count) {
    double max = 0;
    for (int i = from; i < from + count; i++) {
      max = Math.max(max, Math.abs(kernel.at(i)));
    }
    return ColorScale.gapped(palette.weights(), max > 0 ? 2 * max : 1, 0.2);
  }

  /** A single weight-like value (a bias) on a scale of {@code 2 * |v|} at least 1e-6. */
  static ColorScale weightScale(Palette palette, double maxAbs, double gap) {
    return ColorScale.gapped(palette.weights(), Math.max(2 * maxAbs, 1e-6), gap);
  }
}
