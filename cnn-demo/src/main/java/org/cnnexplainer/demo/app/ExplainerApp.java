package org.cnnexplainer.demo.app;

import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;

/** Starts the application window and waits until it is closed. */
public final class ExplainerApp {
  /** The one line printed when there is no display. */
  public static final String NO_DISPLAY =
      "cnn-explainer: no display available for the application; use the command line instead"
          + " (cnn-explainer --help lists predict, trace, info, bench, train, evaluate, render).";

  private ExplainerApp() {}

  /**
   * Starts, on a background thread, what the window's first frame will need (the window system,
   * font and shape rendering), while the command line is read and the look and feel set up. Does
   * nothing without a display.
   */
  public static void prepare() {
    Warmup.start();
  }

  /** Whether a window can be shown. */
  public static boolean hasDisplay() {
    return !GraphicsEnvironment.isHeadless();
  }

  /**
   * Opens the window on {@code model} (or the last / bundled model when {@code null}) with {@code
   * image} (or the first example when {@code null}) and blocks until the window is closed.
   */
  public static void runUntilClosed(Path model, Path image) throws InterruptedException {
    runUntilClosed(model, image, null);
  }

  /**
   * As {@link #runUntilClosed(Path, Path)}, and opens the Learning Lab too when {@code lab} is not
   * {@code null} (on that data when it is not empty).
   */
  public static void runUntilClosed(Path model, Path image, String lab)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    PaintTimer.mark("application starting");
    AppPreferences prefs = AppPreferences.forUser();
    EarlyNetwork early = EarlyNetwork.start(prefs, model);
    // The look and feel is set before any component exists, so here rather than on the event
    // thread, while the window system starts (Warmup) and the network is read.
    Theme.install(prefs.dark());
    PaintTimer.mark("look and feel installed");
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            PaintTimer.mark("event thread started");
            ExplainerFrame frame = new ExplainerFrame(prefs);
            PaintTimer.mark("window built");
            frame.addWindowListener(
                new WindowAdapter() {
                  @Override
                  public void windowClosed(WindowEvent e) {
                    closed.countDown();
                  }
                });
            // Load the model while the window is being realised: both take a while. The network
            // comes first and is in place before the first frame, which shows the structure.
            frame.start(model, image, early);
            frame.controller.awaitFirstNetwork();
            PaintTimer.mark("network installed");
            frame.setVisible(true);
            PaintTimer.mark("window shown");
            if (lab != null) {
              frame.openLab(lab);
            }
          });
    } catch (InvocationTargetException e) {
      // A bug, not a user error: keep the trace for the report.
      e.getCause().printStackTrace();
      throw new IllegalStateException(
          "the application failed to start: " + e.getCause(), e.getCause());
    }
    closed.await();
  }
}
