package org.cnnexplainer.viz;

import java.awt.GraphicsEnvironment;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import javax.swing.Timer;

/**
 * Drives an animation: calls back with a fraction that goes from 0 to 1 over a duration, on the
 * event thread, about 60 times a second. Views paint a pure function of the fraction.
 *
 * <p>When animation is off — system property {@value #PROPERTY} set to {@code off} (for reduced
 * motion and deterministic tests), or a headless environment — {@link #start()} calls back once
 * with 1 (the final frame).
 */
public final class Animator {
  /** System property that turns all animations off when set to {@code off}. */
  public static final String PROPERTY = "cnnexplainer.animation";

  private final int durationMillis;
  private final DoubleConsumer onFrame;
  private Timer timer;
  private long startNanos;

  /**
   * An animation of {@code durationMillis} that reports each frame's fraction to {@code onFrame}.
   */
  public Animator(int durationMillis, DoubleConsumer onFrame) {
    if (durationMillis <= 0) {
      throw new IllegalArgumentException("duration must be positive, got " + durationMillis);
    }
    this.durationMillis = durationMillis;
    this.onFrame = Objects.requireNonNull(onFrame, "onFrame");
  }

  /** Whether animations run (not switched off by {@value #PROPERTY}, not headless). */
  public static boolean isEnabled() {
    return !"off".equalsIgnoreCase(System.getProperty(PROPERTY, "on"))
        && !GraphicsEnvironment.isHeadless();
  }

  /** (Re)starts from fraction 0; with animation off, jumps to 1. */
  public void start() {
    stop();
    if (!isEnabled()) {
      onFrame.accept(1);
      return;
    }
    startNanos = System.nanoTime();
    timer = new Timer(16, e -> tick());
    timer.setCoalesce(true);
    timer.start();
    onFrame.accept(0);
  }

  /** Stops without a final frame. */
  public void stop() {
    if (timer != null) {
      timer.stop();
      timer = null;
    }
  }

  /** Whether the animation is running. */
  public boolean isRunning() {
    return timer != null;
  }

  private void tick() {
    double fraction = (System.nanoTime() - startNanos) / 1e6 / durationMillis;
    if (fraction >= 1) {
      stop();
      onFrame.accept(1);
    } else {
      onFrame.accept(fraction);
    }
  }
}
