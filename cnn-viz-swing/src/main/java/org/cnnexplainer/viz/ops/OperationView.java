package org.cnnexplainer.viz.ops;

import java.util.List;
import java.util.Optional;
import javax.swing.JComponent;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * One operation view: a component that explains how one neuron was computed, and what an
 * application needs to drive it without knowing its class — the neuron it explains, its animation
 * (play, pause, step, fraction) and what it painted (for export, tests and accessibility).
 *
 * <p>Every view of this package implements it ({@link ConvolutionElasticView}, {@link FlattenView},
 * {@link SoftmaxView}, the formula cards and the {@link HyperparameterPlayground}); views of other
 * packages may too. Views without an animation keep the defaults: never playing, fraction 1, step
 * and {@link #setPlaying} do nothing. Call every method on the event thread.
 */
public interface OperationView extends Explainable {
  /** Index of the (i) button's {@link HitMap.Kind#BUTTON} region in {@link #hits()}. */
  int INFO_BUTTON = InfoButton.ID;

  /**
   * The Swing component that paints this view (usually the view itself), to add to a container,
   * size, paint or export.
   *
   * @return the component
   */
  JComponent component();

  /**
   * The neuron this view explains.
   *
   * @return the neuron, or empty for views that explain an idea rather than a neuron (the
   *     playground)
   */
  Optional<NeuronRef> neuron();

  /**
   * Whether this view has an animation that {@link #setPlaying} starts and stops.
   *
   * @return true for animated views
   */
  default boolean isAnimated() {
    return false;
  }

  /**
   * Whether the animation is running now.
   *
   * @return true while playing
   */
  default boolean isPlaying() {
    return false;
  }

  /**
   * Plays or pauses the animation. A view that steps over positions resumes or pauses its stepping;
   * a view whose animation runs once (the elastic and softmax views) plays it again from the start,
   * or skips to its end. Views fire {@link Explainable#PLAYING_PROPERTY} when this changes.
   *
   * @param playing true to play, false to pause (or finish)
   */
  default void setPlaying(boolean playing) {}

  /**
   * Advances the animation by one step (one window position), or to its end when it is not stepped.
   */
  default void step() {}

  /**
   * How far the animation has come, 0 (start) to 1 (finished, or no animation).
   *
   * @return the fraction in [0, 1]
   */
  default double fraction() {
    return 1;
  }

  /**
   * Shows the animation's frame at {@code fraction} (clamped into [0, 1]); views that step over
   * positions show the position that far through, in reading order.
   *
   * @param fraction how far, 0 to 1
   */
  default void setFraction(double fraction) {}

  /**
   * Moves the sliding window to {@code position} of the output, for views that have one (the
   * formula cards); the others ignore it.
   *
   * @param position the output row and column
   * @throws IllegalArgumentException if the position is outside the view's output
   */
  default void setWindowPosition(Position position) {}

  /**
   * Whether the view still shows the network it was made for (it goes blank once the shared state
   * shows a network with other layers).
   *
   * @return true while attached
   */
  default boolean isAttached() {
    return true;
  }

  /**
   * The regions and texts painted in the last paint, in the component's coordinates.
   *
   * @return the hit map of the last paint
   */
  HitMap hits();

  /**
   * The texts painted in the last paint, in the component's coordinates.
   *
   * @return the painted texts
   */
  List<PaintedText> paintedTexts();
}
