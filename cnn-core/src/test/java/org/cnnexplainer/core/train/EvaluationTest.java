package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.junit.jupiter.api.Test;

/**
 * Evaluation never reports an accuracy it did not measure; it keeps each image's prediction and
 * probability for the confusion cells.
 */
class EvaluationTest {
  /** Flatten, then a dense layer whose weights are all {@code weight}. */
  private static Network network(float weight) {
    float[] kernel = new float[16 * 3];
    Arrays.fill(kernel, weight);
    return new Network(
        "n",
        Shape.image(1, 4, 4),
        List.of(
            new Flatten("flatten"),
            new Dense(
                "dense",
                Tensor.of(Shape.of(16, 3), kernel),
                Tensor.zeros(Shape.vector(3)),
                Activation.SOFTMAX)),
        SyntheticData.LABELS);
  }

  private static Dataset white(int count) {
    byte[] pixels = new byte[count * 16];
    Arrays.fill(pixels, (byte) 255);
    return Dataset.of(Shape.image(1, 4, 4), SyntheticData.LABELS, pixels, new int[count]);
  }

  @Test
  void noThreadsIsRefusedRatherThanCountingEveryImageAsClassZero() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Evaluation.of(network(0.1f), white(6), 0));
    assertEquals("threads must be >= 1, got 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Evaluation.of(network(0.1f), white(6), -3));
  }

  @Test
  void outputsThatOverflowAreRefusedNamingTheLayerAndImage() {
    // 16 white pixels times 3e38 overflow the float range in the dense layer: its output is
    // infinite and the softmax NaN, which arg max would read as class 0, "correct" here.
    Network overflowing = network(3e38f);
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> Evaluation.of(overflowing, white(6), 2));
    assertTrue(
        e.getMessage()
            .startsWith("the model produced non-finite values at layer 1 (dense) for image"),
        e.getMessage());
  }

  @Test
  void theTraceNamesTheFirstNonFiniteLayer() {
    ActivationTrace trace = network(3e38f).trace(white(1).image(0));
    assertEquals(1, trace.firstNonFiniteLayer().getAsInt());
    assertTrue(network(0.1f).trace(white(1).image(0)).firstNonFiniteLayer().isEmpty());
  }

  @Test
  void tinyVggRefusesLayersNoModelCouldHoldBeforeAllocatingThem() {
    // 2048 x 2048 images with 512 filters: the first convolution alone outputs 2 billion values.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Architectures.tinyVgg(Shape.image(3, 2048, 2048), SyntheticData.LABELS, 512, 1));
    assertTrue(
        e.getMessage().startsWith("layer conv_1_1 would output 2143291392 values"), e.getMessage());
    // 1024 x 1024 gray images with 16 filters and 1,000 classes: the features fit, but the dense
    // layer would need a billion weights.
    List<String> thousand =
        java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "c" + i).toList();
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Architectures.tinyVgg(Shape.image(1, 1024, 1024), thousand, 16, 1));
    assertTrue(e.getMessage().startsWith("the output layer would need"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Architectures.tinyVgg(Shape.image(1, 28, 28), SyntheticData.LABELS, 100_000, 1));
  }

  @Test
  void eachImageKeepsItsPredictionAndProbabilityAndCellsListThem() {
    Dataset data = SyntheticData.bars(45, 16, 4);
    Network network = Architectures.tinyVgg(Shape.image(1, 16, 16), SyntheticData.LABELS, 3, 9);
    Evaluation e = Evaluation.of(network, data, 2);
    int[][] confusion = e.confusion();
    int listed = 0;
    for (int actual = 0; actual < 3; actual++) {
      for (int predicted = 0; predicted < 3; predicted++) {
        int[] cell = e.imagesOf(actual, predicted);
        assertEquals(confusion[actual][predicted], cell.length);
        listed += cell.length;
        for (int k = 0; k < cell.length; k++) {
          int i = cell[k];
          assertEquals(actual, data.label(i));
          assertEquals(predicted, e.predicted(i));
          if (k > 0) {
            assertTrue(e.probability(cell[k - 1]) >= e.probability(i), "most confident first");
          }
        }
      }
    }
    assertEquals(data.size(), listed);
    for (int i = 0; i < data.size(); i++) {
      Tensor output = network.predict(data.image(i));
      assertEquals(output.argmax(), e.predicted(i));
      assertEquals(output.at(output.argmax()), e.probability(i), 0f);
    }
  }
}
