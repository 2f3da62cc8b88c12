package org.cnnexplainer.viz.testing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/** Runs code on the event thread and paints components into images, without a display. */
public final class Headless {
  private Headless() {}

  /** Runs {@code action} on the event thread and returns its result (rethrowing its failure). */
  public static <T> T onEdt(Callable<T> action) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            try {
              result.set(action.call());
            } catch (Throwable t) {
              failure.set(t);
            }
          });
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    if (failure.get() instanceof RuntimeException re) {
      throw re;
    } else if (failure.get() instanceof Error err) {
      throw err;
    } else if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    return result.get();
  }

  /** Runs {@code action} on the event thread. */
  public static void runOnEdt(Runnable action) {
    onEdt(
        () -> {
          action.run();
          return null;
        });
  }

  /** Paints {@code component} at {@code width x height} (call on the event thread). */
  public static BufferedImage paint(JComponent component, int width, int height) {
    component.addNotify();
    component.setSize(width, height);
    component.validate();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    component.printAll(g);
    g.dispose();
    return image;
  }

  /** Waits until the event queue has run everything posted so far. */
  public static void flushEdt() {
    runOnEdt(() -> {});
  }
}
