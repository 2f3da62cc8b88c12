package org.cnnexplainer.viz.testing;

import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;
import javax.swing.JComponent;

/** Delivers synthetic mouse events straight to a component's listeners (no window needed). */
public final class Mouse {
  private Mouse() {}

  public static void move(JComponent c, double x, double y) {
    MouseEvent e = event(c, MouseEvent.MOUSE_MOVED, x, y);
    for (MouseMotionListener l : c.getMouseMotionListeners()) {
      l.mouseMoved(e);
    }
  }

  public static void click(JComponent c, double x, double y) {
    MouseEvent e = event(c, MouseEvent.MOUSE_CLICKED, x, y);
    for (MouseListener l : c.getMouseListeners()) {
      l.mouseClicked(e);
    }
  }

  private static MouseEvent event(JComponent c, int id, double x, double y) {
    int ix = (int) Math.round(x);
    int iy = (int) Math.round(y);
    // The constructor with screen coordinates does not ask the (absent) peer where it is.
    return new MouseEvent(c, id, 0, 0, ix, iy, ix, iy, 1, false, MouseEvent.BUTTON1);
  }
}
