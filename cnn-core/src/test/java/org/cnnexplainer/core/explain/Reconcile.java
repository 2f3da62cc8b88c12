package org.cnnexplainer.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;

/**
 * Checks that every explanation of a trace rebuilds the values the network computed: the numbers a
 * view shows add up to the numbers in the trace. Shared by the seeded-network tests and the
 * original-model test.
 */
final class Reconcile {
  private Reconcile() {}

  /** Float rounding allowance: the network sums in float, explanations in double. */
  static void assertClose(double expected, double actual, String where) {
    double tolerance = 1e-4 + 1e-5 * Math.abs(expected);
    if (!(Math.abs(expected - actual) <= tolerance)) {
      fail(
          where
              + ": expected "
              + expected
              + " but was "
              + actual
              + " (tolerance "
              + tolerance
              + ")");
    }
  }

  /**
   * Reconciles every layer of {@code trace}; window explanations are checked at every {@code
   * positionStride}-th output position (1 = all) and at the last one.
   */
  static void wholeTrace(ActivationTrace trace, int positionStride) {
    for (int i = 0; i < trace.size(); i++) {
      Layer layer = trace.network().layer(i);
      if (layer instanceof Conv2D conv) {
        for (int f = 0; f < conv.filters(); f++) {
          convolution(trace, i, f, positionStride);
        }
      } else if (layer instanceof Pooling2D) {
        pooling(trace, i, positionStride);
      } else if (layer instanceof ActivationLayer a && a.activation().isElementwise()) {
        for (int k = 0; k < trace.output(i).size(); k += positionStride) {
          ActivationStep s = ActivationStep.of(trace, i, k);
          assertEquals(trace.inputOf(i).at(k), s.inputValue(), layer + " input " + k);
          assertClose(s.outputValue(), a.activation().apply(s.inputValue()), layer + " at " + k);
        }
      } else if (layer instanceof Flatten) {
        flatten(trace, i);
      } else if (layer instanceof Dense dense) {
        for (int unit = 0; unit < dense.units(); unit++) {
          dense(trace, i, unit);
        }
      }
    }
    if (trace.logits().isPresent()) {
      SoftmaxBreakdown s = SoftmaxBreakdown.of(trace);
      double total = 0;
      for (int c = 0; c < s.size(); c++) {
        assertEquals(trace.logits().get().at(c), s.logits().at(c));
        assertClose(trace.probabilities().at(c), s.probability(c), "softmax class " + c);
        assertTrue(s.shiftedExp(c) > 0 && s.shiftedExp(c) <= 1, "shifted exp in (0, 1]");
        total += s.probability(c);
      }
      assertClose(1, total, "probabilities sum");
    }
  }

  static void convolution(ActivationTrace trace, int layerIndex, int filter, int stride) {
    ConvolutionNeuron n = ConvolutionNeuron.of(trace, layerIndex, filter);
    Tensor traced = trace.output(layerIndex);
    Shape map = n.output().shape();
    String name = n.layerName() + " filter " + filter;
    for (int y = 0; y < map.height(); y++) {
      for (int x = 0; x < map.width(); x++) {
        double sum = n.bias();
        for (int c = 0; c < n.intermediates().shape().channels(); c++) {
          sum += n.intermediates().get(c, y, x);
        }
        String at = name + " at (" + y + ", " + x + ")";
        assertClose(n.preActivation().get(0, y, x), sum, at + " intermediates + bias");
        assertEquals(traced.get(filter, y, x), n.output().get(0, y, x), at);
        assertActivated(
            n.activation(), n.preActivation().get(0, y, x), n.output().get(0, y, x), at);
      }
    }
    int positions = map.height() * map.width();
    for (int p = 0; p < positions; p += stride) {
      step(trace, layerIndex, n, p / map.width(), p % map.width());
    }
    step(trace, layerIndex, n, map.height() - 1, map.width() - 1);
  }

  private static void step(
      ActivationTrace trace, int layerIndex, ConvolutionNeuron n, int y, int x) {
    ConvolutionStep s = ConvolutionStep.of(trace, layerIndex, new Cell(n.filter(), y, x));
    String at = n.layerName() + " filter " + n.filter() + " step (" + y + ", " + x + ")";
    double total = s.bias();
    for (int c = 0; c < s.channelSums().size(); c++) {
      double products = 0;
      Shape w = s.window().shape();
      for (int ky = 0; ky < w.height(); ky++) {
        for (int kx = 0; kx < w.width(); kx++) {
          float v = s.window().get(c, ky, kx);
          assertEquals(v * s.kernel().get(c, ky, kx), s.products().get(c, ky, kx), at);
          if (s.isPadding(ky, kx)) {
            assertEquals(0f, v, at + " padding");
          } else {
            assertEquals(
                trace.inputOf(layerIndex).get(c, s.windowTop() + ky, s.windowLeft() + kx), v, at);
          }
          products += s.products().get(c, ky, kx);
        }
      }
      assertEquals(n.intermediates().get(c, y, x), s.channelSums().at(c), at + " channel " + c);
      assertClose(s.channelSums().at(c), products, at + " channel " + c + " products");
      total += s.channelSums().at(c);
    }
    assertEquals(n.preActivation().get(0, y, x), s.preActivation(), at);
    assertClose(s.preActivation(), total, at + " total");
    assertEquals(trace.output(layerIndex).get(n.filter(), y, x), s.outputValue(), at);
    assertActivated(s.activation(), s.preActivation(), s.outputValue(), at);
  }

  private static void assertActivated(Activation a, float pre, float out, String at) {
    if (a.isElementwise()) {
      assertClose(out, a.apply(pre), at + " activation");
    }
  }

  static void pooling(ActivationTrace trace, int layerIndex, int stride) {
    Tensor out = trace.output(layerIndex);
    Shape shape = out.shape();
    for (int p = 0; p < shape.size(); p += stride) {
      int c = p / (shape.height() * shape.width());
      int y = (p / shape.width()) % shape.height();
      int x = p % shape.width();
      PoolingStep s = PoolingStep.of(trace, layerIndex, new Cell(c, y, x));
      String at = "pool " + layerIndex + " at " + new Cell(c, y, x);
      assertEquals(out.get(c, y, x), s.outputValue(), at);
      assertClose(s.outputValue(), s.result(), at);
      Cell m = s.maxCell();
      assertEquals(s.max(), trace.inputOf(layerIndex).get(m.channel(), m.row(), m.column()), at);
      if (s.type() == Pooling2D.Type.MAX) {
        assertEquals(s.max(), s.result(), at);
      } else {
        assertClose(s.sum() / s.count(), s.result(), at + " sum / count");
      }
    }
  }

  static void flatten(ActivationTrace trace, int layerIndex) {
    FlattenMapping f = FlattenMapping.of(trace, layerIndex);
    Tensor source = trace.inputOf(layerIndex);
    boolean[] seen = new boolean[f.size()];
    for (int i = 0; i < f.size(); i++) {
      Cell cell = f.source(i);
      assertEquals(source.get(cell.channel(), cell.row(), cell.column()), f.value(i), "flat " + i);
      assertEquals(i, f.index(cell));
      assertEquals(i, f.indexAtDisplay(f.displayPosition(i)));
      seen[f.displayPosition(i)] = true;
    }
    for (int p = 0; p < seen.length; p++) {
      assertTrue(seen[p], "display position " + p + " is used");
    }
  }

  static void dense(ActivationTrace trace, int layerIndex, int unit) {
    DenseBreakdown d = DenseBreakdown.of(trace, layerIndex, unit);
    String at = d.layerName() + " unit " + unit;
    double total = d.bias();
    for (int i = 0; i < d.inputs().size(); i++) {
      assertEquals(d.inputs().at(i) * d.weights().at(i), d.products().at(i), at);
      total += d.products().at(i);
    }
    assertClose(d.preActivation(), total, at + " products + bias");
    assertEquals(trace.output(layerIndex).at(unit), d.outputValue(), at);
    if (d.activation() == Activation.SOFTMAX) {
      assertClose(trace.logits().orElseThrow().at(unit), d.preActivation(), at + " logit");
    } else {
      assertActivated(d.activation(), d.preActivation(), d.outputValue(), at);
      ActivationStep s = ActivationStep.of(trace, layerIndex, unit);
      assertEquals(d.preActivation(), s.inputValue(), at);
    }
  }
}
