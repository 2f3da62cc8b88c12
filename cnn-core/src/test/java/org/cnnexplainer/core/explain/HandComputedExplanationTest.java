package org.cnnexplainer.core.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Pooling2D;
import org.junit.jupiter.api.Test;

/** Every explanation object on {@link HandBuilt} networks, against values worked out by hand. */
class HandComputedExplanationTest {
  private static final float EPS = 1e-5f;

  @Test
  void convolutionNeuron() {
    ConvolutionNeuron n = ConvolutionNeuron.of(HandBuilt.trace(), 0, 0);
    assertEquals("conv", n.layerName());
    assertEquals(Shape.image(2, 2, 2), n.intermediates().shape());
    // channel 0 with [[1, 0, -1], [0, 1, 0], [2, 0, 0]] on 1..16:
    // (0,0): 1 - 3 + 6 + 18 = 22; (0,1): 2 - 4 + 7 + 20 = 25; (1,0): 34; (1,1): 37
    // channel 1: nine ones times 0.1 = 0.9 everywhere
    assertArrayEquals(
        new float[] {22, 25, 34, 37, 0.9f, 0.9f, 0.9f, 0.9f}, n.intermediates().toArray(), EPS);
    assertEquals(0.5f, n.bias());
    assertEquals(0.1f, n.kernel().get(1, 2, 2));
    assertEquals(-1f, n.kernel().get(0, 0, 2));
    // pre-activation = sum + bias = 22 + 0.9 + 0.5 = 23.4, ...; linear, so output is the same
    assertArrayEquals(new float[] {23.4f, 26.4f, 35.4f, 38.4f}, n.preActivation().toArray(), EPS);
    assertArrayEquals(n.preActivation().toArray(), n.output().toArray(), EPS);
    assertEquals(Activation.LINEAR, n.activation());
  }

  @Test
  void channelContributionsRankTheInputChannels() {
    ConvolutionNeuron n = ConvolutionNeuron.of(HandBuilt.trace(), 0, 0);
    assertEquals((22 + 25 + 34 + 37) / 4.0, n.contribution(0), EPS);
    assertEquals(0.9, n.contribution(1), EPS);
    assertArrayEquals(new int[] {0, 1}, n.channelsByContribution());
    // A kernel that weights channel 1 (all 1..16 values) far above channel 0 reverses the order;
    // an all-zero slice ties with nothing and goes last; equal contributions keep channel order.
    Conv2D conv =
        new Conv2D(
            "c",
            Tensor.of(
                Shape.of(1, 4, 1, 1), // (filters, channels, kh, kw)
                0.5f,
                -2f,
                0f,
                2f),
            null,
            1,
            1,
            Padding.VALID,
            Activation.LINEAR);
    ConvolutionNeuron ranked =
        ConvolutionNeuron.of(
            HandBuilt.single(conv, Tensor.of(Shape.image(4, 1, 2), 1, 1, 1, 1, 1, 1, 1, 1)), 0, 0);
    assertEquals(2.0, ranked.contribution(1), EPS);
    assertEquals(0.0, ranked.contribution(2), EPS);
    assertArrayEquals(new int[] {1, 3, 0, 2}, ranked.channelsByContribution());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> ranked.contribution(4));
  }

  @Test
  void convolutionStepValid() {
    ConvolutionStep s = ConvolutionStep.of(HandBuilt.trace(), 0, new Cell(0, 1, 1));
    assertEquals("conv", s.layerName());
    assertEquals(1, s.windowTop());
    assertEquals(1, s.windowLeft());
    // window over channel 0 rows 1-3, cols 1-3: 6 7 8 / 10 11 12 / 14 15 16
    float[] window = s.window().toArray();
    assertArrayEquals(
        new float[] {6, 7, 8, 10, 11, 12, 14, 15, 16}, java.util.Arrays.copyOf(window, 9), 0f);
    // products with [[1, 0, -1], [0, 1, 0], [2, 0, 0]]: 6, 0, -8, 0, 11, 0, 28, 0, 0 -> 37
    assertArrayEquals(
        new float[] {6, 0, -8, 0, 11, 0, 28, 0, 0},
        java.util.Arrays.copyOf(s.products().toArray(), 9),
        0f);
    assertArrayEquals(new float[] {37, 0.9f}, s.channelSums().toArray(), EPS);
    assertEquals(38.4f, s.preActivation(), EPS);
    assertEquals(38.4f, s.outputValue(), EPS);
    assertFalse(s.isPadding(0, 0));
  }

  @Test
  void convolutionStepSamePaddingStride2() {
    // 5x5 ramp y*5 + x, all-ones 3x3 kernel, same, stride 2: window of (0,0) starts at (-1,-1)
    Conv2D conv =
        new Conv2D(
            "c",
            Tensor.of(Shape.of(1, 1, 3, 3), 1, 1, 1, 1, 1, 1, 1, 1, 1),
            null,
            2,
            2,
            Padding.SAME,
            Activation.RELU);
    ActivationTrace trace = HandBuilt.single(conv, HandBuilt.ramp(5, 5));
    ConvolutionStep s = ConvolutionStep.of(trace, 0, new Cell(0, 0, 0));
    assertEquals(-1, s.windowTop());
    assertEquals(-1, s.windowLeft());
    // row -1 and column -1 are padding: 0 0 0 / 0 0 1 / 0 5 6 -> 12
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 0, 5, 6}, s.window().toArray(), 0f);
    assertTrue(s.isPadding(0, 1));
    assertTrue(s.isPadding(2, 0));
    assertFalse(s.isPadding(1, 1));
    assertEquals(12f, s.preActivation());
    assertEquals(12f, s.outputValue());
    assertEquals(0f, s.bias());
    // (1,2): rows 1-3, cols 3-5 -> column 5 is padding: 8+9 + 13+14 + 18+19 = 81
    ConvolutionStep right = ConvolutionStep.of(trace, 0, new Cell(0, 1, 2));
    assertEquals(3, right.windowLeft());
    assertTrue(right.isPadding(0, 2));
    assertEquals(81f, right.outputValue());
  }

  @Test
  void poolingSteps() {
    ActivationTrace trace = HandBuilt.trace();
    // relu'd filter 0 is [[23.4, 26.4], [35.4, 38.4]]; one 2x2 window (same, total pad 0)
    PoolingStep s = PoolingStep.of(trace, 2, new Cell(0, 0, 0));
    assertEquals(Pooling2D.Type.MAX, s.type());
    assertEquals("pool", s.layerName());
    assertEquals(4, s.count());
    assertEquals(new Cell(0, 1, 1), s.maxCell());
    assertEquals(38.4f, s.result(), EPS);
    assertEquals(38.4f, s.outputValue(), EPS);
    // filter 1 after relu is [[0.5, 0], [0, 0]]: max 0.5 at (0, 0)
    assertEquals(new Cell(1, 0, 0), PoolingStep.of(trace, 2, new Cell(1, 0, 0)).maxCell());

    // average, same, stride 2 over -1 .. -9 (3x3): window (0,1) covers column 2 and padding
    Tensor negative = Tensor.of(Shape.image(1, 3, 3), -1, -2, -3, -4, -5, -6, -7, -8, -9);
    Pooling2D avg = new Pooling2D("avg", Pooling2D.Type.AVERAGE, 2, 2, 2, 2, Padding.SAME);
    PoolingStep a = PoolingStep.of(HandBuilt.single(avg, negative), 0, new Cell(0, 0, 1));
    assertEquals(0, a.windowTop());
    assertEquals(2, a.windowLeft());
    assertEquals(2, a.realLeft());
    // real cells -3 and -6: sum -9, count 2, average -4.5 (not -9/4)
    assertEquals(Shape.image(1, 2, 1), a.values().shape());
    assertArrayEquals(new float[] {-3, -6}, a.values().toArray(), 0f);
    assertEquals(-9f, a.sum());
    assertEquals(2, a.count());
    assertEquals(-4.5f, a.result());
    assertEquals(-4.5f, a.outputValue());
    assertEquals(-3f, a.max());
    assertEquals(new Cell(0, 0, 2), a.maxCell());
  }

  @Test
  void activationSteps() {
    ActivationTrace trace = HandBuilt.trace();
    // relu layer, filter 1 at (0, 1): 6.5 - 7 = -0.5 -> 0
    ActivationStep relu = ActivationStep.of(trace, 1, new Cell(1, 0, 1));
    assertEquals(Activation.RELU, relu.activation());
    assertEquals(-0.5f, relu.inputValue(), EPS);
    assertEquals(0f, relu.outputValue());
    assertEquals(5, relu.index()); // (1 * 2 + 0) * 2 + 1
    // fused sigmoid: centre weight -1, bias 6.5 on 1..16 -> pre -3.5 at (1, 0)
    Conv2D conv =
        new Conv2D(
            "c",
            Tensor.of(Shape.of(1, 1, 3, 3), 0, 0, 0, 0, -1, 0, 0, 0, 0),
            Tensor.of(Shape.vector(1), 6.5f),
            1,
            1,
            Padding.VALID,
            Activation.SIGMOID);
    float[] in = new float[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i + 1;
    }
    ActivationStep fused =
        ActivationStep.of(
            HandBuilt.single(conv, Tensor.of(Shape.image(1, 4, 4), in)), 0, new Cell(0, 1, 0));
    // sigmoid(-3.5) = 1 / (1 + e^3.5) = 0.0293122
    assertEquals(-3.5f, fused.inputValue(), EPS);
    assertEquals(0.0293122f, fused.outputValue(), 1e-6f);
  }

  @Test
  void flattenAndDense() {
    ActivationTrace trace = HandBuilt.trace();
    FlattenMapping f = FlattenMapping.of(trace, 3);
    // pooled (2, 1, 1) = [38.4, 0.5]; index (0*1 + 0)*2 + c
    assertEquals(Shape.image(2, 1, 1), f.sourceShape());
    assertEquals(new Cell(1, 0, 0), f.source(1));
    assertEquals(0.5f, f.value(1), EPS);
    DenseBreakdown d = DenseBreakdown.of(trace, 4, 2);
    // unit 2: 38.4 * -0.05 + 0.5 * 1 + 0.5 = -0.92
    assertArrayEquals(new float[] {-0.05f, 1}, d.weights().toArray(), 0f);
    assertArrayEquals(new float[] {-1.92f, 0.5f}, d.products().toArray(), EPS);
    assertEquals(0.5f, d.bias());
    assertEquals(-0.92f, d.preActivation(), EPS);
    assertEquals(trace.logits().orElseThrow().at(2), d.preActivation(), EPS);
    assertEquals(trace.probabilities().at(2), d.outputValue());
    assertTrue(d.flatten().isPresent());
  }

  @Test
  void flattenDisplayOrderIsChannelMajor() {
    // (2, 2, 3) holding 100c + 10y + x; TF index 7 = pixel 3 (y 1, x 0), channel 1 = 110;
    // display position = 1*6 + 1*3 + 0 = 9
    float[] v = new float[12];
    for (int i = 0; i < 12; i++) {
      int c = i / 6;
      int y = (i % 6) / 3;
      v[i] = 100 * c + 10 * y + i % 3;
    }
    ActivationTrace trace =
        HandBuilt.single(
            new org.cnnexplainer.core.layer.Flatten("flatten"), Tensor.of(Shape.image(2, 2, 3), v));
    FlattenMapping f = FlattenMapping.of(trace, 0);
    assertEquals(new Cell(1, 1, 0), f.source(7));
    assertEquals(110f, f.value(7));
    assertEquals(9, f.displayPosition(7));
    assertEquals(7, f.indexAtDisplay(9));
    assertEquals(7, f.index(new Cell(1, 1, 0)));
    // display positions 0..5 are channel 0 row by row: TF indices 0, 2, 4, 6, 8, 10
    for (int p = 0; p < 6; p++) {
      assertEquals(2 * p, f.indexAtDisplay(p));
      assertEquals(v[p], f.value(f.indexAtDisplay(p)));
    }
  }

  @Test
  void softmaxBreakdown() {
    SoftmaxBreakdown s = SoftmaxBreakdown.of(HandBuilt.trace());
    // logits [3.84, 1.0, -0.92]; max 3.84; exp(l - max) = 1, 0.05842567, 0.00856561;
    // sum 1.06699128; probabilities 0.93721479, 0.05475740, 0.00802782
    assertArrayEquals(new float[] {3.84f, 1f, -0.92f}, s.logits().toArray(), EPS);
    assertEquals(3.84, s.maxLogit(), EPS);
    assertEquals(0.05842567, s.shiftedExp(1), 1e-6);
    assertEquals(1.06699128, s.shiftedSum(), 1e-6);
    assertEquals(0.93721479, s.probability(0), 1e-6);
    assertEquals(0.00802782, s.probability(2), 1e-6);
    assertEquals(s.probability(1), s.output(1), 1e-6);
    assertEquals("b", s.label(1));
    assertTrue(s.expFinite());
    assertEquals(Math.exp(s.logits().at(0)), s.exp(0), 1e-9);
  }

  @Test
  void softmaxBreakdownIsStableForLargeLogits() {
    ActivationTrace trace =
        HandBuilt.single(
            new ActivationLayer("softmax", Activation.SOFTMAX),
            Tensor.of(Shape.vector(2), 1000, 1001));
    SoftmaxBreakdown s = SoftmaxBreakdown.of(trace);
    // exp(1000) overflows; exp(-1) / (1 + exp(-1)) = 0.26894142 does not
    assertFalse(s.expFinite());
    assertEquals(Double.POSITIVE_INFINITY, s.exp(1));
    assertEquals(1001, s.maxLogit());
    assertEquals(0.26894142, s.probability(0), 1e-8);
    assertEquals(0.73105858, s.probability(1), 1e-8);
    assertEquals(s.probability(0), s.output(0), 1e-6);
  }
}
