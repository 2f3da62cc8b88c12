package org.cnnexplainer.viz.color;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;

/**
 * The heat-map colour range {@code R} of every layer of one trace under one {@link RangeMode}, as
 * the original's {@code updateCNNLayerRanges} computes it, generalised to any sequential network.
 *
 * <p>Hidden layers are those between the input and the last layer, except {@link InputLayer} and
 * {@link Flatten}. A <em>unit</em> starts at every {@link Conv2D}, {@link Dense} or {@link
 * BatchNormalization} layer (or at the first hidden layer) and takes every following layer until
 * the next one (activations, pooling, dropout: they do not change the scale much); its range is
 * {@code 2 * (0.1 + round3(max(|min|, |max|)))} of the starting layer's output. A <em>module</em>
 * ends after each pooling layer and where the outputs turn from images into vectors. Layers that
 * are not hidden have range 1. All layers are recomputed for every mode (the original redrew only
 * some).
 */
public final class LayerRanges {
  /**
   * Consecutive layers {@code first..last} (inclusive) that share the colour range {@code range}.
   */
  public record Span(int first, int last, double range) {}

  private final RangeMode mode;
  private final double[] ranges;
  private final double[] unitRanges;
  private final List<Span> spans;

  private LayerRanges(RangeMode mode, double[] ranges, double[] unitRanges, List<Span> spans) {
    this.mode = mode;
    this.ranges = ranges;
    this.unitRanges = unitRanges;
    this.spans = spans;
  }

  /**
   * The ranges of {@code trace}'s layers under {@code mode}.
   *
   * @param trace the trace
   * @param mode how layers share ranges
   * @return the ranges
   */
  public static LayerRanges of(ActivationTrace trace, RangeMode mode) {
    return of(trace.network(), trace::output, mode, LayerRanges::unitRange);
  }

  /**
   * The ranges of the differences between two traces of one network's layers (the overview's
   * difference mode), with the units, modules and spans of a trace's ranges; a unit's range is
   * {@code 2 * max |difference|} of its starting layer, so the largest change takes the end of the
   * scale (no padding: small edits must stay visible), or 1 where nothing changed.
   *
   * @param network the network whose layers the differences belong to
   * @param differences the difference of layer {@code i}'s outputs, shaped like its output
   * @param mode how layers share ranges
   * @return the ranges
   */
  public static LayerRanges ofDifferences(
      Network network, IntFunction<Tensor> differences, RangeMode mode) {
    return of(
        network,
        differences,
        mode,
        d -> {
          double maxAbs = Math.max(Math.abs(d.min()), Math.abs(d.max()));
          return maxAbs > 0 ? 2 * maxAbs : 1;
        });
  }

  private static LayerRanges of(
      Network network,
      IntFunction<Tensor> outputs,
      RangeMode mode,
      ToDoubleFunction<Tensor> unitRange) {
    Objects.requireNonNull(mode, "mode");
    int n = network.layers().size();
    int[] unitOf = new int[n];
    int[] moduleOf = new int[n];
    Arrays.fill(unitOf, -1);
    Arrays.fill(moduleOf, -1);
    List<Double> unitValues = new ArrayList<>();
    int module = 0;
    boolean moduleHasLayers = false;
    boolean previousWasImage = true;
    for (int i = 0; i < n - 1; i++) {
      Layer layer = network.layer(i);
      if (layer instanceof InputLayer || layer instanceof Flatten) {
        continue;
      }
      boolean image = network.outputShape(i).isImage();
      if (moduleHasLayers && previousWasImage && !image) {
        module++;
        moduleHasLayers = false;
      }
      if (unitValues.isEmpty() || startsUnit(layer)) {
        unitValues.add(unitRange.applyAsDouble(outputs.apply(i)));
      }
      unitOf[i] = unitValues.size() - 1;
      moduleOf[i] = module;
      moduleHasLayers = true;
      previousWasImage = image;
      if (layer instanceof Pooling2D) {
        module++;
        moduleHasLayers = false;
      }
    }
    double[] unitRanges = new double[n];
    double[] moduleMax = new double[module + 1];
    double globalMax = 0;
    for (int i = 0; i < n; i++) {
      unitRanges[i] = unitOf[i] < 0 ? 1 : unitValues.get(unitOf[i]);
      if (unitOf[i] >= 0) {
        moduleMax[moduleOf[i]] = Math.max(moduleMax[moduleOf[i]], unitRanges[i]);
        globalMax = Math.max(globalMax, unitRanges[i]);
      }
    }
    double[] ranges = new double[n];
    int[] groupOf = new int[n];
    for (int i = 0; i < n; i++) {
      ranges[i] =
          switch (mode) {
            case UNIT -> unitRanges[i];
            case MODULE -> unitOf[i] < 0 ? 1 : moduleMax[moduleOf[i]];
            case GLOBAL -> unitOf[i] < 0 ? 1 : globalMax;
          };
      groupOf[i] =
          switch (mode) {
            case UNIT -> unitOf[i];
            case MODULE -> unitOf[i] < 0 ? -1 : moduleOf[i];
            case GLOBAL -> unitOf[i] < 0 ? -1 : 0;
          };
    }
    return new LayerRanges(mode, ranges, unitRanges, spansOf(groupOf, ranges));
  }

  /**
   * The ranges for colouring {@code gradients} instead of activations: gradients of different
   * layers differ by orders of magnitude, so every hidden layer gets its own symmetric range,
   * {@code 2 · max |∂S/∂output|} of that layer (no margin: gradients are small numbers), in {@link
   * RangeMode#UNIT} mode; a layer whose gradient is all zero gets range 1.
   *
   * @param gradients the gradient trace
   * @return the ranges, one span per hidden layer
   */
  public static LayerRanges ofGradients(GradientTrace gradients) {
    Network network = gradients.network();
    int n = network.layers().size();
    double[] ranges = new double[n];
    int[] groupOf = new int[n];
    for (int i = 0; i < n; i++) {
      Layer layer = network.layer(i);
      boolean hidden = i < n - 1 && !(layer instanceof InputLayer) && !(layer instanceof Flatten);
      ranges[i] = hidden ? gradientRange(gradients.output(i)) : 1;
      groupOf[i] = hidden ? i : -1;
    }
    return new LayerRanges(RangeMode.UNIT, ranges, ranges.clone(), spansOf(groupOf, ranges));
  }

  /**
   * The symmetric range {@code 2 · max |v|} a gradient map is coloured on (1 when all zero).
   *
   * @param gradient the gradient values
   * @return the range
   */
  public static double gradientRange(Tensor gradient) {
    double maxAbs = Math.max(Math.abs(gradient.min()), Math.abs(gradient.max()));
    return maxAbs > 0 ? 2 * maxAbs : 1;
  }

  /** Layers that compute new values on their own scale; the layers after them reuse their range. */
  private static boolean startsUnit(Layer layer) {
    return layer instanceof Conv2D || layer instanceof Dense || layer instanceof BatchNormalization;
  }

  private static List<Span> spansOf(int[] groupOf, double[] ranges) {
    List<Span> spans = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int i = 0; i < groupOf.length; i++) {
      if (groupOf[i] < 0) {
        continue; // skipped layers (Flatten, InputLayer) do not split a span
      }
      if (first >= 0 && groupOf[i] != groupOf[first]) {
        spans.add(new Span(first, last, ranges[first]));
        first = -1;
      }
      if (first < 0) {
        first = i;
      }
      last = i;
    }
    if (first >= 0) {
      spans.add(new Span(first, last, ranges[first]));
    }
    return List.copyOf(spans);
  }

  /** {@code 2 * (0.1 + round3(max |v|))}: the +0.1 keeps the extremes off the darkest colours. */
  static double unitRange(Tensor output) {
    double maxAbs = Math.max(Math.abs(output.min()), Math.abs(output.max()));
    return 2 * (0.1 + Math.round(maxAbs * 1000) / 1000.0);
  }

  /**
   * The mode these ranges were computed for.
   *
   * @return the mode
   */
  public RangeMode mode() {
    return mode;
  }

  /**
   * The colour range {@code R} of layer {@code index} under {@link #mode()}; 1 if not hidden.
   *
   * @param index the layer
   * @return the range
   */
  public double range(int index) {
    return ranges[index];
  }

  /**
   * The {@link RangeMode#UNIT} range of layer {@code index}, whatever the mode; 1 if not hidden.
   *
   * @param index the layer
   * @return the unit range
   */
  public double unitRange(int index) {
    return unitRanges[index];
  }

  /**
   * Runs of hidden layers sharing one range, in layer order: one legend each.
   *
   * @return the spans
   */
  public List<Span> spans() {
    return spans;
  }
}
