package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;

/** The per-image side of {@link Evaluation}: predictions, probabilities and confusion cells. */
class EvaluationTest {
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
