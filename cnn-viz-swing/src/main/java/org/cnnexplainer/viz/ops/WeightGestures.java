package org.cnnexplainer.viz.ops;

import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JOptionPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.EditListener;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * Direct weight editing in a convolution view: drag a kernel weight or the bias up or down, turn
 * the wheel over it, or double-click it to type a value; with the keyboard, {@code [} and {@code ]}
 * pick a weight, {@code +} and {@code -} nudge it, Enter types a value. Every change is a {@link
 * NetworkEdit#setWeight} request to the {@link EditListener} (nothing happens without one); the
 * values start from the state's network, so they follow the edits already in force. Weights are
 * found through the view's {@link HitMap} ({@link HitMap.Kind#WEIGHT}, {@link HitMap.Kind#BIAS}).
 */
final class WeightGestures {
  /** Weight change per pixel of vertical drag. */
  static final float DRAG_STEP = 0.01f;

  /** Weight change per wheel notch or key press. */
  static final float NUDGE = 0.05f;

  /** Pixels the pointer must move before a press becomes a drag (a click opens things). */
  private static final int DRAG_SLOP = 3;

  /** Wheel notches or key presses closer than this continue one gesture (one undo step). */
  private static final long GESTURE_GAP_NANOS = 1_000_000_000L;

  /** The bias, as a target. */
  static final int BIAS = -1;

  private final JComponent view;
  private final ExplainerState state;
  private final int layerIndex;
  private final int filter;
  private final Supplier<HitMap> hits;
  private EditListener listener;
  private int cursor; // the weight the keys act on: a flat kernel index, or BIAS
  private int pressedTarget = Integer.MIN_VALUE;
  private int pressY;
  private float pressValue;
  private boolean dragging;
  private int lastTarget = Integer.MIN_VALUE;
  private String lastGesture = "";
  private long lastAt;

  WeightGestures(
      JComponent view, ExplainerState state, int layerIndex, int filter, Supplier<HitMap> hits) {
    this.view = view;
    this.state = state;
    this.layerIndex = layerIndex;
    this.filter = filter;
    this.hits = hits;
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            pressedTarget = targetAt(e.getX(), e.getY()).orElse(Integer.MIN_VALUE);
            if (pressedTarget != Integer.MIN_VALUE) {
              pressY = e.getY();
              pressValue = value(pressedTarget);
              dragging = false;
            }
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            if (pressedTarget == Integer.MIN_VALUE || listener == null) {
              return;
            }
            int dy = pressY - e.getY();
            if (!dragging && Math.abs(dy) < DRAG_SLOP) {
              return;
            }
            boolean amend = dragging;
            dragging = true;
            cursor = pressedTarget;
            request(pressedTarget, pressValue + dy * DRAG_STEP, amend, "drag");
          }

          @Override
          public void mouseReleased(MouseEvent e) {
            pressedTarget = Integer.MIN_VALUE;
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            if (e.getClickCount() == 2 && listener != null) {
              targetAt(e.getX(), e.getY()).ifPresent(t -> type(t));
            }
          }

          @Override
          public void mouseWheelMoved(MouseWheelEvent e) {
            Optional<Integer> target = targetAt(e.getX(), e.getY());
            if (target.isEmpty() || listener == null) {
              // Not over a weight: let the scroll pane around scroll.
              if (view.getParent() != null) {
                view.getParent()
                    .dispatchEvent(SwingUtilities.convertMouseEvent(view, e, view.getParent()));
              }
              return;
            }
            cursor = target.get();
            nudge(target.get(), (float) -e.getPreciseWheelRotation() * NUDGE, "wheel");
          }
        };
    view.addMouseListener(mouse);
    view.addMouseMotionListener(mouse);
    view.addMouseWheelListener(mouse);
  }

  /** Binds the keys (for views that take the keyboard focus). */
  void bindKeys() {
    bind(KeyStroke.getKeyStroke(']'), "nextWeight", () -> moveCursor(1));
    bind(KeyStroke.getKeyStroke('['), "previousWeight", () -> moveCursor(-1));
    bind(KeyStroke.getKeyStroke('+'), "raiseWeight", () -> nudge(cursor, NUDGE, "keys"));
    bind(KeyStroke.getKeyStroke('='), "raiseWeight", () -> nudge(cursor, NUDGE, "keys"));
    bind(KeyStroke.getKeyStroke('-'), "lowerWeight", () -> nudge(cursor, -NUDGE, "keys"));
    bind(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "typeWeight", () -> type(cursor));
  }

  private void bind(KeyStroke key, String name, Runnable action) {
    view.getInputMap().put(key, name);
    view.getActionMap()
        .put(
            name,
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                if (listener != null && isAttached()) {
                  action.run();
                }
              }
            });
  }

  void setListener(EditListener listener) {
    this.listener = listener;
    view.repaint();
  }

  EditListener listener() {
    return listener;
  }

  /** The weight the keys act on: a flat kernel index, or {@link #BIAS}. */
  int cursor() {
    return cursor;
  }

  void setCursor(int target) {
    int count = kernelSize();
    if (target != BIAS && (target < 0 || target >= count)) {
      throw new IllegalArgumentException("weight " + target + " outside the kernel of " + count);
    }
    cursor = target;
    view.repaint();
  }

  /** Where the cursor was painted in the last paint, for the focus outline. */
  Optional<Rectangle2D> cursorBounds() {
    HitMap map = hits.get();
    return (cursor == BIAS ? map.find(HitMap.Kind.BIAS, 0) : map.find(HitMap.Kind.WEIGHT, cursor))
        .map(HitMap.Region::bounds);
  }

  private boolean isAttached() {
    return state
        .network()
        .filter(n -> layerIndex < n.layers().size() && n.layer(layerIndex) instanceof Conv2D)
        .isPresent();
  }

  private Conv2D conv() {
    return (Conv2D) state.network().orElseThrow().layer(layerIndex);
  }

  private int kernelSize() {
    Conv2D conv = conv();
    return conv.inputChannels() * conv.kernelHeight() * conv.kernelWidth();
  }

  /** The weight or bias at {@code (x, y)} in the last paint. */
  private Optional<Integer> targetAt(int x, int y) {
    if (!isAttached()) {
      return Optional.empty();
    }
    return hits.get()
        .at(x, y)
        .filter(
            r ->
                r.kind() == HitMap.Kind.WEIGHT
                    || (r.kind() == HitMap.Kind.BIAS && conv().useBias()))
        .map(r -> r.kind() == HitMap.Kind.BIAS ? BIAS : r.index());
  }

  /** The value of {@code target} in the state's network (edits in force included). */
  float value(int target) {
    Conv2D conv = conv();
    if (target == BIAS) {
      return conv.useBias() ? conv.bias().at(filter) : 0f;
    }
    int[] at = kernelIndex(target);
    return conv.weight(filter, at[0], at[1], at[2]);
  }

  /** {@code {channel, row, column}} of a flat kernel index. */
  private int[] kernelIndex(int target) {
    Conv2D conv = conv();
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    return new int[] {target / (kh * kw), target / kw % kh, target % kw};
  }

  /** The edit that sets {@code target} to {@code value}. */
  NetworkEdit edit(int target, float value) {
    String layer = conv().name();
    if (target == BIAS) {
      return NetworkEdit.setBias(layer, filter, value);
    }
    int[] at = kernelIndex(target);
    return NetworkEdit.setWeight(layer, "kernel", new int[] {filter, at[0], at[1], at[2]}, value);
  }

  /** What {@code target} is, for messages: "weight (1, 2) of input channel 0" or "the bias". */
  String describe(int target) {
    if (target == BIAS) {
      return "the bias of neuron " + filter + " of " + conv().name();
    }
    int[] at = kernelIndex(target);
    return "kernel weight ("
        + at[1]
        + ", "
        + at[2]
        + ") of input channel "
        + at[0]
        + ", neuron "
        + filter
        + " of "
        + conv().name();
  }

  private void moveCursor(int delta) {
    int count = kernelSize() + (conv().useBias() ? 1 : 0);
    // Order: the weights of the shown channel's block, then the bias, cycling.
    int position = cursor == BIAS ? kernelSize() : cursor;
    position = Math.floorMod(position + delta, count);
    setCursor(position == kernelSize() ? BIAS : position);
  }

  private void nudge(int target, float delta, String gesture) {
    boolean amend =
        target == lastTarget
            && gesture.equals(lastGesture)
            && System.nanoTime() - lastAt < GESTURE_GAP_NANOS;
    request(target, value(target) + delta, amend, gesture);
  }

  private void type(int target) {
    cursor = target;
    view.repaint();
    Object answer =
        JOptionPane.showInputDialog(
            view,
            "New value for " + describe(target) + ":",
            "Edit a weight",
            JOptionPane.PLAIN_MESSAGE,
            null,
            null,
            Float.toString(value(target)));
    if (answer == null) {
      return;
    }
    float typed;
    try {
      typed = Float.parseFloat(answer.toString().trim().replace('−', '-'));
    } catch (NumberFormatException e) {
      JOptionPane.showMessageDialog(
          view,
          "'" + answer + "' is not a number; type a decimal such as -0.25",
          "Edit a weight",
          JOptionPane.WARNING_MESSAGE);
      return;
    }
    if (!Float.isFinite(typed)) {
      JOptionPane.showMessageDialog(
          view,
          "A weight must be a finite number, not " + answer,
          "Edit a weight",
          JOptionPane.WARNING_MESSAGE);
      return;
    }
    request(target, typed, false, "type");
  }

  /** Asks the listener for {@code target = value}. */
  void request(int target, float value, boolean amend, String gesture) {
    if (listener == null || !Float.isFinite(value)) {
      return;
    }
    lastTarget = target;
    lastGesture = gesture;
    lastAt = System.nanoTime();
    listener.editRequested(edit(target, value), amend);
  }
}
