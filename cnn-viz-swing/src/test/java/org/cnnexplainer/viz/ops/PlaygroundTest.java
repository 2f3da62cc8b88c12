package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Mouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaygroundTest {
  @ParameterizedTest(name = "n={0} p={1} k={2} s={3}")
  @CsvSource({
    // n, p, k, s, output size (-1 = invalid), uncovered
    "5, 0, 2, 1, 4, 0",
    "5, 0, 3, 1, 3, 0",
    "5, 1, 3, 1, 5, 0",
    "7, 1, 3, 2, 4, 0",
    "6, 0, 3, 2, 2, 1",
    "5, 0, 5, 1, 1, 0",
    "5, 0, 7, 1, -1, 0",
    "5, 1, 7, 1, 1, 0",
    "5, 2, 2, 1, -1, 0",
    "1, 0, 1, 1, 1, 0",
    "32, 2, 5, 3, 11, 1",
    "10, 0, 3, 4, 2, 3"
  })
  void outputSizeAndValidity(int n, int p, int k, int s, int expected, int uncovered) {
    ConvGeometry g = new ConvGeometry(n, p, k, s);
    assertEquals(expected >= 0, g.isValid(), g.problem().orElse("valid"));
    if (expected >= 0) {
      assertEquals(expected, g.outputSize());
      assertEquals(Math.floorDiv(n + 2 * p - k, s) + 1, g.outputSize());
      assertEquals(uncovered, g.uncovered());
      assertEquals(uncovered > 0, g.note().isPresent());
      assertTrue(g.formula().endsWith("= " + expected), g.formula());
    } else {
      assertThrows(IllegalStateException.class, g::outputSize);
      assertFalse(g.problem().get().isBlank());
    }
  }

  @Test
  void problemsAreExplainedInWords() {
    assertTrue(
        new ConvGeometry(5, 0, 7, 1).problem().get().contains("larger than the padded input"));
    assertTrue(new ConvGeometry(5, 2, 2, 1).problem().get().contains("at most 1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(0, 0, 1, 1));
    assertTrue(e.getMessage().contains("input"), e.getMessage());
  }

  @Test
  void drawsTheFormulaAndCnnCoreValuesInTheCells() {
    Headless.runOnEdt(
        () -> {
          HyperparameterPlayground p = new HyperparameterPlayground();
          p.setGeometry(new ConvGeometry(5, 1, 3, 2));
          Headless.paint(p, 780, 460);
          HitMap hits = p.hits();
          assertEquals("Output size = ⌊(5 + 2·1 − 3) / 2⌋ + 1 = 3", hits.text("formula").get());
          // Window at output (1, 2) = padded rows 2..4, columns 4..6; sum of input x weight.
          p.setWindowPosition(new Position(1, 2));
          Headless.paint(p, 780, 460);
          double expected = 0;
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
              int y = 2 + ky - 1;
              int x = 4 + kx - 1;
              boolean inside = y >= 0 && x >= 0 && y < 5 && x < 5;
              expected +=
                  (inside ? HyperparameterPlayground.sampleValue(y, x) : 0)
                      * HyperparameterPlayground.sampleWeight(ky, kx);
            }
          }
          assertEquals(DisplayNumbers.format(expected, 0), p.hits().text("output value").get());
          // Hover scrub on the output grid moves the window and pauses.
          Rectangle2D out = p.hits().find(HitMap.Kind.OUTPUT_CELL, 0).get().bounds();
          Mouse.move(
              (javax.swing.JComponent) p.canvas(),
              out.getX() + out.getWidth() * 0.1,
              out.getY() + out.getHeight() * 0.9);
          assertEquals(new Position(2, 0), p.windowPosition());
          assertFalse(p.isPlaying());
          p.setGeometry(new ConvGeometry(5, 0, 7, 1));
          Headless.paint(p, 780, 460);
          assertTrue(p.hits().text("problem").isPresent());
          assertEquals(new Position(0, 0), p.windowPosition(), "invalid settings: no output");
          assertThrows(IllegalStateException.class, () -> p.setWindowPosition(new Position(0, 0)));
          assertEquals(Explainable.HYPERPARAMETERS, p.concept());
          List<Object> explained = new ArrayList<>();
          p.addPropertyChangeListener(
              Explainable.EXPLAIN_PROPERTY, e -> explained.add(e.getNewValue()));
          Rectangle2D info = p.hits().find(HitMap.Kind.BUTTON, InfoButton.ID).get().bounds();
          Mouse.click((javax.swing.JComponent) p.canvas(), info.getCenterX(), info.getCenterY());
          assertEquals(List.of(Explainable.HYPERPARAMETERS), explained);
        });
  }

  @Test
  void displayNumbersUseATrueMinusAndNoNegativeZero() {
    assertEquals("\u22120.25", DisplayNumbers.two(-0.25));
    assertEquals("0.00", DisplayNumbers.two(-0.001));
    assertEquals("1.2346", DisplayNumbers.four(1.23456));
    assertEquals("∞", DisplayNumbers.two(Double.POSITIVE_INFINITY));
  }
}
