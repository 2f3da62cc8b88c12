package org.cnnexplainer.viz;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import javax.swing.JComponent;
import javax.swing.Timer;

/**
 * The one animation clock of the library. A <em>timed</em> animator calls back with a fraction that
 * goes from 0 to 1 over a duration, on the event thread, about 60 times a second; views paint a
 * pure function of the fraction. A {@linkplain #stepping stepping} animator calls back once per
 * period until stopped (the formula cards and the playground move their window this way).
 *
 * <p>When animation is off — system property {@value #PROPERTY} set to {@code off} (for reduced
 * motion and deterministic tests), a headless environment, or, for an animator owned by a
 * component, {@link #setAnimated setAnimated(component, false)} on that component or a container
 * around it — {@link #start()} calls back once with 1 (the final frame); a stepping animator does
 * not step at all.
 */
public final class Animator {
  /** System property that turns all animations off when set to {@code off}. */
  public static final String PROPERTY = "cnnexplainer.animation";

  /**
   * Client property ({@link Boolean}) switching the animations of a component and everything inside
   * it on or off; the nearest component that has it decides. See {@link #setAnimated}.
   */
  public static final String ANIMATED_CLIENT_PROPERTY = "CnnViz.animated";

  private final int durationMillis;
  private final Component owner;
  private final DoubleConsumer onFrame;
  private final Runnable onStep;
  private Timer timer;
  private long startNanos;

  /**
   * An animation of {@code durationMillis} that reports each frame's fraction to {@code onFrame}.
   *
   * @param durationMillis how long from 0 to 1, positive
   * @param onFrame called with each frame's fraction on the event thread
   */
  public Animator(int durationMillis, DoubleConsumer onFrame) {
    this(durationMillis, null, onFrame);
  }

  /**
   * An animation of {@code durationMillis} for {@code owner}, which plays only while {@link
   * #isEnabled(Component) isEnabled(owner)}; {@code owner} null: only the JVM-wide switch applies.
   *
   * @param durationMillis how long from 0 to 1, positive
   * @param owner the component whose switch applies, or null
   * @param onFrame called with each frame's fraction on the event thread
   */
  public Animator(int durationMillis, Component owner, DoubleConsumer onFrame) {
    if (durationMillis <= 0) {
      throw new IllegalArgumentException("duration must be positive, got " + durationMillis);
    }
    this.durationMillis = durationMillis;
    this.owner = owner;
    this.onFrame = Objects.requireNonNull(onFrame, "onFrame");
    this.onStep = null;
  }

  private Animator(Component owner, int periodMillis, Runnable onStep) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("period must be positive, got " + periodMillis);
    }
    this.durationMillis = periodMillis;
    this.owner = owner;
    this.onFrame = f -> {};
    this.onStep = Objects.requireNonNull(onStep, "onStep");
  }

  /**
   * An animator that calls {@code onStep} on the event thread every {@code periodMillis} from
   * {@link #start()} until {@link #stop()}, while {@link #isEnabled(Component) isEnabled(owner)}
   * ({@code owner} null: only the JVM-wide switch applies); with animation off, {@link #start()}
   * does nothing.
   *
   * @param periodMillis milliseconds between steps, positive
   * @param owner the component whose switch applies, or null
   * @param onStep called once per step
   * @return a stopped animator
   */
  public static Animator stepping(int periodMillis, Component owner, Runnable onStep) {
    return new Animator(owner, periodMillis, onStep);
  }

  /**
   * Whether animations run (not switched off by {@value #PROPERTY}, not headless).
   *
   * @return true when animations run in this JVM
   */
  public static boolean isEnabled() {
    return !"off".equalsIgnoreCase(System.getProperty(PROPERTY, "on"))
        && !GraphicsEnvironment.isHeadless();
  }

  /**
   * Whether the animations of {@code component} run: {@link #isEnabled()}, and not switched off by
   * {@link #setAnimated} on the component or the nearest container around it that says.
   *
   * @param component the component
   * @return true when its animations run
   */
  public static boolean isEnabled(Component component) {
    return isEnabled() && isAnimated(component);
  }

  /**
   * Switches the animations of {@code component} and of the components inside it on or off (off:
   * every animation shows its final frame at once, stepping views do not step by themselves). The
   * JVM-wide switch {@value #PROPERTY} still turns everything off. Call on the event thread; it
   * applies to animations started afterwards.
   *
   * @param component the component (and what is inside it)
   * @param animated false to switch animations off, true to switch them on again inside a container
   *     that has them off
   */
  public static void setAnimated(JComponent component, boolean animated) {
    component.putClientProperty(ANIMATED_CLIENT_PROPERTY, animated);
  }

  /** The per-component part of {@link #isEnabled(Component)}: the nearest setting, else on. */
  static boolean isAnimated(Component component) {
    for (Component c = component; c != null; c = c.getParent()) {
      if (c instanceof JComponent j
          && j.getClientProperty(ANIMATED_CLIENT_PROPERTY) instanceof Boolean animated) {
        return animated;
      }
    }
    return true;
  }

  /**
   * (Re)starts from fraction 0; with animation off, jumps to 1. A stepping animator (re)starts
   * stepping.
   */
  public void start() {
    stop();
    boolean enabled = owner == null ? isEnabled() : isEnabled(owner);
    if (onStep != null) {
      if (enabled) {
        timer = new Timer(durationMillis, e -> onStep.run());
        timer.start();
      }
      return;
    }
    if (!enabled) {
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

  /**
   * Whether the animation is running.
   *
   * @return true between {@link #start()} and the final frame or {@link #stop()}
   */
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
