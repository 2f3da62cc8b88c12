package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.ActionEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;
import java.awt.event.MouseWheelEvent;
import java.awt.event.MouseWheelListener;
import java.awt.geom.Rectangle2D;
import java.util.List;
import javax.swing.JComponent;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.EditHistory;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * Weights dragged, scrolled or nudged in the convolution views become {@link NetworkEdit}s through
 * the edit listener, one undo step per gesture, and what the view then shows is the core's
 * arithmetic of the edited network.
 */
class WeightEditingTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(1, 28, 28, 4, 3);
  private static final int LAYER = NETWORK.indexOf("conv_1_2").getAsInt();
  private final Tensor input = TestNetworks.image(NETWORK.inputShape(), 5);

  /** A state tracing {@code input} on the event thread's executor, with an edit history. */
  private record Setup(ExplainerState state, EditHistory history) {}

  /** Call off the event thread: waits for the first trace. */
  private Setup setup() {
    ExplainerState state =
        Headless.onEdt(
            () -> {
              ExplainerState made = new ExplainerState(Runnable::run);
              made.setNetwork(NETWORK);
              made.setInput(input);
              return made;
            });
    Headless.flushEdt();
    return new Setup(state, new EditHistory(NETWORK));
  }

  private static void listen(
      Setup s, java.util.function.Consumer<org.cnnexplainer.viz.EditListener> set) {
    set.accept((edit, amend) -> s.state().setEditedNetwork(s.history().apply(edit, amend)));
  }

  @Test
  void draggingAKernelWeightEditsItOnceAndTheCardShowsTheEditedArithmetic() {
    Setup s = setup();
    float before = ((Conv2D) NETWORK.layer(LAYER)).weight(2, 1, 1, 2);
    float expected = before + 30 * WeightGestures.DRAG_STEP;
    NetworkEdit edit =
        NetworkEdit.setWeight("conv_1_2", "kernel", new int[] {2, 1, 1, 2}, expected);
    ConvolutionFormulaView view =
        Headless.onEdt(
            () -> {
              ConvolutionFormulaView made = new ConvolutionFormulaView(s.state(), LAYER, 2, 1);
              listen(s, made::setEditListener);
              made.setWindowPosition(new Position(3, 4));
              Headless.paint(made, 1000, 460);
              int index = (1 * 3 + 1) * 3 + 2; // channel 1, row 1, column 2
              Rectangle2D cell = made.hits().find(HitMap.Kind.WEIGHT, index).orElseThrow().bounds();
              int x = (int) cell.getCenterX();
              int y = (int) cell.getCenterY();
              press(made, x, y);
              drag(made, x, y - 20);
              drag(made, x, y - 30);
              release(made, x, y - 30);
              assertEquals(EditList.of(edit), s.history().edits(), "one drag, one edit");
              return made;
            });
    Headless.flushEdt(); // the edited network's trace arrives
    Headless.runOnEdt(
        () -> {
          ActivationTrace fresh = edit.applyTo(NETWORK).trace(input);
          ActivationTrace shown = s.state().trace().orElseThrow();
          for (int i = 0; i < fresh.size(); i++) {
            assertEquals(fresh.output(i), shown.output(i), "layer " + i);
          }
          Headless.paint(view, 1000, 460);
          ConvolutionStep step = ConvolutionStep.of(fresh, LAYER, new Cell(2, 3, 4));
          ConvolutionFormulaViewTest.assertShows(view.hits(), step, 1);
          assertEquals(DisplayNumbers.two(expected), view.hits().text("weight 1 2").get());
          s.state().setEditedNetwork(s.history().undo());
        });
    Headless.flushEdt();
    Headless.runOnEdt(
        () -> {
          Headless.paint(view, 1000, 460);
          assertEquals(DisplayNumbers.two(before), view.hits().text("weight 1 2").get());
        });
  }

  @Test
  void theWheelOverTheBiasAndTheKeysNudgeInOneStepEach() {
    Setup s = setup();
    Headless.runOnEdt(
        () -> {
          ConvolutionFormulaView view = new ConvolutionFormulaView(s.state(), LAYER, 0, 0);
          listen(s, view::setEditListener);
          Headless.paint(view, 1000, 460);
          Rectangle2D bias = view.hits().find(HitMap.Kind.BIAS, 0).orElseThrow().bounds();
          float before = ((Conv2D) NETWORK.layer(LAYER)).bias().at(0);
          wheel(view, (int) bias.getCenterX(), (int) bias.getCenterY(), -1);
          wheel(view, (int) bias.getCenterX(), (int) bias.getCenterY(), -1);
          assertEquals(1, s.history().edits().size(), "two notches in a row are one edit");
          assertEquals(
              NetworkEdit.setBias(
                  "conv_1_2", 0, before + WeightGestures.NUDGE + WeightGestures.NUDGE),
              s.history().edits().edits().get(0));

          // The wheel moved the keyboard cursor to the bias; ] goes on to the first weight.
          assertEquals(-1, view.weightCursor());
          key(view, "nextWeight");
          key(view, "nextWeight");
          key(view, "previousWeight");
          key(view, "nextWeight");
          assertEquals(1, view.weightCursor());
          key(view, "lowerWeight");
          key(view, "lowerWeight");
          float w = ((Conv2D) NETWORK.layer(LAYER)).weight(0, 0, 0, 1);
          assertEquals(2, s.history().edits().size());
          assertEquals(
              NetworkEdit.setWeight(
                  "conv_1_2",
                  "kernel",
                  new int[] {0, 0, 0, 1},
                  w - WeightGestures.NUDGE - WeightGestures.NUDGE),
              s.history().edits().edits().get(1));
          s.history().undo();
          assertEquals(1, s.history().edits().size(), "the key presses were one undo step");
        });
  }

  @Test
  void withoutAListenerTheViewIsReadOnly() {
    Setup s = setup();
    Headless.runOnEdt(
        () -> {
          ConvolutionFormulaView view = new ConvolutionFormulaView(s.state(), LAYER, 0, 0);
          Headless.paint(view, 1000, 460);
          Rectangle2D cell = view.hits().find(HitMap.Kind.WEIGHT, 4).orElseThrow().bounds();
          press(view, (int) cell.getCenterX(), (int) cell.getCenterY());
          drag(view, (int) cell.getCenterX(), (int) cell.getCenterY() - 40);
          key(view, "raiseWeight");
          assertSame(NETWORK, s.state().network().orElseThrow());
          assertFalse(view.hits().texts().isEmpty());
        });
  }

  @Test
  void theElasticViewsGlyphCellsAreWeightsToo() {
    Setup s = setup();
    Conv2D conv = (Conv2D) NETWORK.layer(LAYER);
    float expected = conv.weight(1, 3, 2, 0) - 10 * WeightGestures.DRAG_STEP;
    Headless.runOnEdt(
        () -> {
          ConvolutionElasticView view = new ConvolutionElasticView(s.state(), LAYER, 1);
          listen(s, view::setEditListener);
          Headless.paint(view, 700, 420);
          List<HitMap.Region> cells = view.hits().all(HitMap.Kind.WEIGHT);
          assertEquals(conv.inputChannels() * 9, cells.size(), "one region per kernel weight");
          int index = (3 * 3 + 2) * 3 + 0; // channel 3, row 2, column 0
          Rectangle2D cell = view.hits().find(HitMap.Kind.WEIGHT, index).orElseThrow().bounds();
          assertTrue(cell.getWidth() >= 2, "a glyph cell can be pointed at: " + cell);
          int x = (int) cell.getCenterX();
          int y = (int) cell.getCenterY();
          press(view, x, y);
          drag(view, x, y + 10);
          release(view, x, y + 10);
          assertEquals(
              EditList.of(
                  NetworkEdit.setWeight("conv_1_2", "kernel", new int[] {1, 3, 2, 0}, expected)),
              s.history().edits());
        });
    Headless.flushEdt();
    Headless.runOnEdt(
        () ->
            assertEquals(
                expected,
                ((Conv2D) s.state().trace().orElseThrow().network().layer(LAYER))
                    .weight(1, 3, 2, 0)));
  }

  private static void key(JComponent view, String action) {
    view.getActionMap().get(action).actionPerformed(new ActionEvent(view, 0, action));
  }

  private static MouseEvent event(JComponent c, int id, int x, int y) {
    return new MouseEvent(
        c, id, 0, MouseEvent.BUTTON1_DOWN_MASK, x, y, x, y, 1, false, MouseEvent.BUTTON1);
  }

  private static void press(JComponent c, int x, int y) {
    for (MouseListener l : c.getMouseListeners()) {
      l.mousePressed(event(c, MouseEvent.MOUSE_PRESSED, x, y));
    }
  }

  private static void release(JComponent c, int x, int y) {
    for (MouseListener l : c.getMouseListeners()) {
      l.mouseReleased(event(c, MouseEvent.MOUSE_RELEASED, x, y));
    }
  }

  private static void drag(JComponent c, int x, int y) {
    for (MouseMotionListener l : c.getMouseMotionListeners()) {
      l.mouseDragged(event(c, MouseEvent.MOUSE_DRAGGED, x, y));
    }
  }

  private static void wheel(JComponent c, int x, int y, int rotation) {
    MouseWheelEvent e =
        new MouseWheelEvent(
            c,
            MouseEvent.MOUSE_WHEEL,
            0,
            0,
            x,
            y,
            x,
            y,
            0,
            false,
            MouseWheelEvent.WHEEL_UNIT_SCROLL,
            1,
            rotation,
            rotation);
    for (MouseWheelListener l : c.getMouseWheelListeners()) {
      l.mouseWheelMoved(e);
    }
  }
}
