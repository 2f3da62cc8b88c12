package org.cnnexplainer.viz.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.viz.testing.Headless;
import org.junit.jupiter.api.Test;

/** The pad's input is the drawing converted like an image file; strokes land where drawn. */
class DrawingPadTest {
  private static final Shape FASHION = Shape.image(1, 28, 28);

  @Test
  void aBlankPadIsAllZeroAndAStrokeLightsTheInputPixelsItCrosses() {
    Headless.runOnEdt(
        () -> {
          DrawingPad pad = new DrawingPad(FASHION);
          assertEquals(10, pad.scale());
          assertEquals("Drawing pad", pad.getAccessibleContext().getAccessibleName());
          assertEquals(0f, pad.input().max());
          List<Tensor> fired = new ArrayList<>();
          pad.addPropertyChangeListener(
              DrawingPad.INPUT_PROPERTY, e -> fired.add((Tensor) e.getNewValue()));

          pad.setThickness(3);
          // A horizontal line through the middle of row 14 (y = 14.5 input pixels).
          pad.stroke(new Point2D.Double(4, 14.5), new Point2D.Double(24, 14.5));
          Tensor in = pad.input();
          assertEquals(1, fired.size());
          assertSame(in, fired.get(0));
          assertEquals(1f, in.get(0, 14, 10), 1e-6f, "on the line: full ink");
          assertEquals(0f, in.get(0, 5, 10), "far from the line: none");
          assertEquals(0f, in.get(0, 14, 0), "before the line's start: none");
          // The input is exactly what an image file holding the drawing would give.
          assertEquals(ImageInput.fromImage(pad.drawing(), FASHION), in);

          pad.setTool(DrawingPad.Tool.ERASER);
          pad.stroke(new Point2D.Double(2, 14.5), new Point2D.Double(12, 14.5));
          assertEquals(0f, pad.input().get(0, 14, 8), "erased");
          assertEquals(1f, pad.input().get(0, 14, 20), 1e-6f, "left of the eraser stays");

          pad.clear();
          assertEquals(0f, pad.input().max());
          assertEquals(3, fired.size());
        });
  }

  @Test
  void draggingThePointerDrawsWhereThePointerIsAtAnyComponentSize() {
    Headless.runOnEdt(
        () -> {
          DrawingPad pad = new DrawingPad(FASHION);
          // 560 x 300: the drawing is a centred 300 x 300 square (130 px margins left and right).
          BufferedImage before = Headless.paint(pad, 560, 300);
          pad.dispatchEvent(mouse(pad, MouseEvent.MOUSE_PRESSED, 130 + 150, 150));
          pad.dispatchEvent(mouse(pad, MouseEvent.MOUSE_DRAGGED, 130 + 150, 250));
          pad.dispatchEvent(mouse(pad, MouseEvent.MOUSE_RELEASED, 130 + 150, 250));
          Tensor in = pad.input();
          // Component (280, 150..250) is input column 14, rows 14..23.
          assertEquals(1f, in.get(0, 20, 14), 1e-6f);
          assertEquals(0f, in.get(0, 20, 4));
          assertEquals(0f, in.get(0, 5, 14));
          BufferedImage after = Headless.paint(pad, 560, 300);
          assertEquals(0xff000000, before.getRGB(280, 200), "black ground");
          assertEquals(0xffffffff, after.getRGB(280, 200), "white ink where drawn");
          assertTrue(after.getRGB(60, 150) != 0xffffffff, "the margin is not canvas");
        });
  }

  @Test
  void refusesInputsItCannotDrawAndThicknessesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new DrawingPad(Shape.vector(10)));
    assertThrows(IllegalArgumentException.class, () -> new DrawingPad(Shape.image(2, 8, 8)));
    Headless.runOnEdt(
        () -> {
          DrawingPad pad = new DrawingPad(Shape.image(3, 64, 64));
          assertEquals(4, pad.scale());
          assertThrows(IllegalArgumentException.class, () -> pad.setThickness(0.1f));
          assertThrows(IllegalArgumentException.class, () -> pad.setThickness(Float.NaN));
          assertThrows(IllegalArgumentException.class, () -> pad.setThickness(65));
          pad.stroke(new Point2D.Double(10, 10), new Point2D.Double(50, 50));
          // Three channels: gray ink replicated to R, G and B.
          assertEquals(pad.input().get(0, 30, 30), pad.input().get(2, 30, 30));
          assertTrue(pad.input().get(1, 30, 30) > 0.9f);
        });
  }

  private static MouseEvent mouse(DrawingPad pad, int id, int x, int y) {
    return new MouseEvent(
        pad,
        id,
        System.currentTimeMillis(),
        MouseEvent.BUTTON1_DOWN_MASK,
        x,
        y,
        x,
        y,
        1,
        false,
        MouseEvent.BUTTON1);
  }
}
