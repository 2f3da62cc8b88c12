package org.cnnexplainer.demo.app;

import java.awt.Window;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.viz.ExplainerState;

/**
 * Measures, when the system property {@value #PROPERTY} is {@code true}, the time from JVM start to
 * the first painted overview (its structure: columns, labels, empty neurons), to the first paint
 * with activations (naming the model and image painted), and from choosing an image to the first
 * paint of its trace; prints them to standard error as {@code timing: ...} lines.
 */
final class PaintTimer {
  static final String PROPERTY = "cnnexplainer.timing";
  private final ExplainerState state;
  private final boolean enabled = Boolean.getBoolean(PROPERTY);
  private boolean structureDone;
  private boolean firstDone;
  private long switchStart;
  private ActivationTrace before;

  PaintTimer(ExplainerState state) {
    this.state = state;
  }

  /**
   * Calls {@code afterPaint} after every Swing paint pass that painted in {@code window} (a repaint
   * manager hook, so it works for components the application does not own, such as the overview
   * inside the explainer panel).
   */
  void install(Window window, Runnable afterPaint) {
    RepaintManager.setCurrentManager(
        new RepaintManager() {
          // Set by repaint() calls, which may come from any thread.
          private final AtomicBoolean windowDirty = new AtomicBoolean();

          @Override
          public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
            // Only paints of this window matter (not those of other windows, e.g. the Lab's).
            if (SwingUtilities.getWindowAncestor(c) == window) {
              windowDirty.set(true);
            }
            super.addDirtyRegion(c, x, y, w, h);
          }

          @Override
          public void addDirtyRegion(Window w, int x, int y, int width, int height) {
            if (w == window) {
              windowDirty.set(true);
            }
            super.addDirtyRegion(w, x, y, width, height);
          }

          @Override
          public void paintDirtyRegions() {
            // Cleared before painting: a region added while this pass paints gets its own
            // afterPaint after the next pass, so the last paint is never left unreported.
            boolean dirty = windowDirty.getAndSet(false);
            super.paintDirtyRegions();
            if (dirty) {
              afterPaint.run();
            }
          }
        });
  }

  /** Prints {@code what} with the milliseconds since JVM start, when timing is on. */
  static void mark(String what) {
    if (Boolean.getBoolean(PROPERTY)) {
      long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.err.println("timing: " + what + " at " + ms + " ms");
    }
  }

  /** Called when the user chooses an image. */
  void imageChosen() {
    if (firstDone) {
      switchStart = System.nanoTime();
      before = state.trace().orElse(null);
    }
  }

  /** Called after each paint pass; {@code shown} names the model and image painted. */
  void painted(Supplier<String> shown) {
    if (!enabled || state.network().isEmpty()) {
      return;
    }
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    if (!structureDone) {
      structureDone = true;
      System.err.println("timing: launch to first painted overview " + ms + " ms");
    }
    if (state.trace().isEmpty()) {
      return;
    }
    if (!firstDone) {
      firstDone = true;
      System.err.println(
          "timing: launch to first painted activations " + ms + " ms (" + shown.get() + ")");
    } else if (switchStart != 0 && state.trace().orElse(null) != before) {
      double switchMs = (System.nanoTime() - switchStart) / 1e6;
      switchStart = 0;
      System.err.printf("timing: image switch to repainted overview %.1f ms%n", switchMs);
    }
  }
}
