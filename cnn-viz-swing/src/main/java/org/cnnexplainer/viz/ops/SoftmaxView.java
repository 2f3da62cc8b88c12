package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import java.util.OptionalInt;
import org.cnnexplainer.core.explain.SoftmaxBreakdown;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The softmax card of one class: the logit column (circles coloured light to dark by logit), and
 * the fraction {@code exp(l_sel) / (exp(l_0) + … + exp(l_n)) = p} with every term (up to four rows
 * of them; "… N more" stands for the rest), its value and the probability. Terms fade in one after
 * another (the selected class first) as the animation's fraction goes from 0 to 1; the play button
 * replays that. Hovering a circle or a term highlights both. Numbers come from {@link
 * SoftmaxBreakdown}.
 */
public final class SoftmaxView extends StateView {
  private final int classIndex;
  private final Animator animator;
  private double fraction = 1;
  private boolean started;
  private int hoverClass = -1;

  /**
   * The softmax view of class {@code classIndex}.
   *
   * @param state the shared state, with a network that ends in a softmax
   * @param classIndex the class whose probability the view explains, 0-based
   * @throws IllegalArgumentException if the network does not end in a softmax or the class is out
   *     of range
   */
  public SoftmaxView(ExplainerState state, int classIndex) {
    super(state);
    int classes = network().outputShape().size();
    if (classIndex < 0 || classIndex >= classes) {
      throw new IllegalArgumentException(
          "class " + classIndex + " out of range for " + classes + " classes");
    }
    this.classIndex = classIndex;
    this.animator = new Animator(Math.max(1200, classes * 300), this, this::setFraction);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            setHoverClass(
                hits()
                    .at(e.getX(), e.getY())
                    .filter(r -> r.kind() == HitMap.Kind.LOGIT || r.kind() == HitMap.Kind.TERM)
                    .map(HitMap.Region::index)
                    .orElse(-1));
          }

          @Override
          public void mouseExited(MouseEvent e) {
            setHoverClass(-1);
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            hits()
                .at(e.getX(), e.getY())
                .filter(r -> r.kind() == HitMap.Kind.BUTTON)
                .ifPresent(
                    r -> {
                      if (r.index() == SteppingView.PLAY_BUTTON) {
                        replay();
                      } else if (r.index() == CardChrome.CLOSE) {
                        firePropertyChange(CLOSE_PROPERTY, false, true);
                      }
                    });
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  @Override
  public Optional<NeuronRef> neuron() {
    return Optional.of(new NeuronRef(network().layers().size() - 1, classIndex));
  }

  @Override
  public String concept() {
    return SOFTMAX;
  }

  /**
   * Highlights the term and circle of class {@code c}.
   *
   * @param c the class, 0-based, or {@code -1} for none
   */
  public void setHoverClass(int c) {
    if (c != hoverClass) {
      hoverClass = c;
      repaint();
    }
  }

  /** {@return the class under the pointer (0-based index of the output), or empty when none is} */
  public OptionalInt hoverClass() {
    return hoverClass < 0 ? OptionalInt.empty() : OptionalInt.of(hoverClass);
  }

  /** Shows the frame at {@code fraction} in [0, 1]. */
  @Override
  public void setFraction(double fraction) {
    double old = this.fraction;
    this.fraction = Math.max(0, Math.min(1, fraction));
    repaint();
    if ((old < 1) != (this.fraction < 1)) {
      firePropertyChange(PLAYING_PROPERTY, old < 1, this.fraction < 1);
    }
  }

  /** The animation's fraction (1: every term shown). */
  @Override
  public double fraction() {
    return fraction;
  }

  /**
   * True: the view animates once when opened (and again on {@link #setPlaying setPlaying(true)}).
   */
  @Override
  public boolean isAnimated() {
    return true;
  }

  /** Plays the animation from the start ({@code true}) or skips to its end ({@code false}). */
  @Override
  public void setPlaying(boolean playing) {
    if (playing) {
      replay();
    } else {
      skipToEnd();
    }
  }

  /** Skips to the end: the animation has no smaller steps. */
  @Override
  public void step() {
    skipToEnd();
  }

  /** Whether the terms are still appearing. */
  @Override
  public boolean isPlaying() {
    return animator.isRunning();
  }

  /** Plays the terms appearing again from the start (at once with animation off). */
  public void replay() {
    animator.start();
  }

  /** Shows every term at once. */
  public void skipToEnd() {
    animator.stop();
    setFraction(1);
  }

  /**
   * Opacity of class {@code c}'s term and circle at {@code fraction}: the selected class first,
   * then the others in index order, each fading in over one slot.
   */
  static double termAlpha(double fraction, int c, int selected, int classes) {
    int order = c == selected ? 0 : c < selected ? c + 1 : c;
    return Math.max(0, Math.min(1, fraction * classes - order));
  }

  @Override
  public void addNotify() {
    super.addNotify();
    if (!started) {
      started = true;
      animator.start();
    }
  }

  @Override
  public void removeNotify() {
    animator.stop();
    super.removeNotify();
  }

  @Override
  Dimension viewSize() {
    return cardSize(new Dimension(1000, 1000));
  }

  /**
   * The card's size within {@code available} (see {@link SteppingView#cardSize}).
   *
   * @param available the room there is, in pixels
   * @return the size to give the card, in pixels; never below its minimum (which may exceed {@code
   *     available})
   */
  public Dimension cardSize(Dimension available) {
    Graphics2D g = Measure.graphics();
    try {
      SoftmaxPainter.Layout layout =
          SoftmaxPainter.layout(
              g,
              VizStyle.fromUIManager(),
              SoftmaxBreakdown.of(trace()),
              classIndex,
              available.width - 2 * CardChrome.MARGIN,
              available.height - CardChrome.CONTENT_TOP - CardChrome.MARGIN);
      return new Dimension(
          (int) Math.ceil(layout.width() + 2 * CardChrome.MARGIN),
          (int) Math.ceil(layout.height() + CardChrome.CONTENT_TOP + CardChrome.MARGIN));
    } finally {
      g.dispose();
    }
  }

  @Override
  Rectangle2D paintFrame(Graphics2D g, VizStyle style, HitMap hits) {
    String label = network().classLabels().get(classIndex);
    CardChrome.paint(
        g,
        style,
        hits,
        getWidth(),
        getHeight(),
        "Softmax",
        "probability of \u201c"
            + label
            + "\u201d from the "
            + network().outputShape().size()
            + " logits",
        animator.isRunning());
    return new Rectangle2D.Double(
        CardChrome.MARGIN,
        CardChrome.CONTENT_TOP,
        getWidth() - 2 * CardChrome.MARGIN,
        getHeight() - CardChrome.CONTENT_TOP - CardChrome.MARGIN);
  }

  @Override
  void paintView(Graphics2D g, VizStyle s, HitMap hits, Rectangle2D content) {
    SoftmaxPainter.paint(
        g,
        s,
        hits,
        new SoftmaxPainter.Snapshot(trace(), classIndex, state().palette(), fraction, hoverClass),
        content);
  }
}
