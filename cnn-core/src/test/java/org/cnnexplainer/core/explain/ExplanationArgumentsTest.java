package org.cnnexplainer.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments get messages naming the argument, the bad value and what was expected. */
class ExplanationArgumentsTest {
  // HandBuilt layers: 0 conv (2 filters, out (2,2,2)), 1 relu, 2 pool (2,1,1), 3 flatten,
  // 4 output (Dense 3 units, softmax)
  private static final ActivationTrace TRACE = HandBuilt.trace();

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void wrongLayerKind() {
    assertMessage(
        "layerIndex 1 is Activation 'relu', expected a Conv2D layer",
        () -> ConvolutionNeuron.of(TRACE, 1, 0));
    assertMessage(
        "layerIndex 0 is Conv2D 'conv', expected a MaxPooling2D or AveragePooling2D layer",
        () -> PoolingStep.of(TRACE, 0, new Cell(0, 0, 0)));
    assertMessage(
        "layerIndex 2 is MaxPooling2D 'pool', expected a Flatten layer",
        () -> FlattenMapping.of(TRACE, 2));
    assertMessage(
        "layerIndex 3 is Flatten 'flatten', expected a Dense layer",
        () -> DenseBreakdown.of(TRACE, 3, 0));
    assertMessage(
        "layerIndex 2 is MaxPooling2D 'pool', expected an Activation, Conv2D or Dense layer",
        () -> ActivationStep.of(TRACE, 2, 99)); // the kind is checked before the index
    assertMessage(
        "layerIndex 4 is Dense 'output' with activation softmax, which is not element-wise;"
            + " use SoftmaxBreakdown",
        () -> ActivationStep.of(TRACE, 4, 0));
  }

  @Test
  void layerIndexOutOfRange() {
    assertMessage(
        "layerIndex 5 is outside 0..4 of network 'hand'", () -> ConvolutionNeuron.of(TRACE, 5, 0));
    assertMessage(
        "layerIndex -1 is outside 0..4 of network 'hand'", () -> ActivationStep.of(TRACE, -1, 0));
  }

  @Test
  void neuronOrPositionOutOfRange() {
    assertMessage(
        "filter 2 is outside 0..1 of Conv2D 'conv' (2 filters)",
        () -> ConvolutionNeuron.of(TRACE, 0, 2));
    assertMessage(
        "row 2 is outside 0..1 of Conv2D 'conv' output [2, 2, 2]",
        () -> ConvolutionStep.of(TRACE, 0, new Cell(0, 2, 0)));
    assertMessage(
        "column 2 is outside 0..1 of Conv2D 'conv' output [2, 2, 2]",
        () -> ConvolutionStep.of(TRACE, 0, new Cell(0, 0, 2)));
    assertMessage(
        "a position needs a row and column >= 0, got (row 0, column -1)", () -> new Cell(0, 0, -1));
    assertMessage("a cell needs a channel >= 0, got -1", () -> new Cell(-1, 0, 0));
    assertMessage(
        "channel 2 is outside 0..1 of MaxPooling2D 'pool' output [2, 1, 1]",
        () -> PoolingStep.of(TRACE, 2, new Cell(2, 0, 0)));
    assertMessage(
        "unit 3 is outside 0..2 of Dense 'output' (3 units)", () -> DenseBreakdown.of(TRACE, 4, 3));
    assertMessage(
        "index 8 is outside 0..7 of Activation 'relu' output [2, 2, 2]",
        () -> ActivationStep.of(TRACE, 1, 8));
    assertMessage(
        "row 2 is outside 0..1 of Activation 'relu' output [2, 2, 2]",
        () -> ActivationStep.of(TRACE, 1, new Cell(0, 2, 0)));
    assertMessage(
        "position 2 is outside 0..1 of flatten 'flatten' (2)",
        () -> FlattenMapping.of(TRACE, 3).indexAtDisplay(2));
    assertMessage(
        "classIndex 3 is outside 0..2 of the 3 classes",
        () -> SoftmaxBreakdown.of(TRACE).probability(3));
    assertMessage(
        "ky 3 is outside 0..2 of a 3x3 window",
        () -> ConvolutionStep.of(TRACE, 0, new Cell(0, 0, 0)).isPadding(3, 0));
  }

  @Test
  void networkWithoutSoftmax() {
    Dense sigmoid = new Dense("score", Tensor.of(Shape.of(1, 1), 2), null, Activation.SIGMOID);
    ActivationTrace trace = HandBuilt.single(sigmoid, Tensor.of(Shape.vector(1), 1));
    assertMessage(
        "network 'single' does not end in a softmax: its last layer is Dense 'score'; expected a"
            + " Dense layer with activation softmax or an Activation layer with softmax",
        () -> SoftmaxBreakdown.of(trace));
  }

  @Test
  void flattenOfAVectorHasNoCells() {
    ActivationTrace trace =
        HandBuilt.single(
            new org.cnnexplainer.core.layer.Flatten("flat"), Tensor.of(Shape.vector(3), 1, 2, 3));
    assertMessage(
        "layerIndex 0 is Flatten 'flat' with input shape [3], expected a (channels, height, width)"
            + " input",
        () -> FlattenMapping.of(trace, 0));
  }
}
