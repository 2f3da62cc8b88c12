package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import org.cnnexplainer.core.explain.SoftmaxBreakdown;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;

/**
 * The softmax view of one class: the logit column (circles coloured light to dark by logit), and
 * the fraction {@code exp(l_sel) / (exp(l_0) + … + exp(l_n)) = p} with every term, its value and
 * the probability. Terms fade in one after another (the selected class first) as the animation's
 * fraction goes from 0 to 1. Hovering a circle or a term highlights both. Numbers come from {@link
 * SoftmaxBreakdown}.
 */
public final class SoftmaxView extends StateView {
  static final int PER_ROW = 4;

  private final int classIndex;
  private final Animator animator;
  private double fraction = 1;
  private boolean started;
  private int hoverClass = -1;

  /**
   * The softmax view of class {@code classIndex}.
   *
   * @throws IllegalArgumentException if the network does not end in a softmax or the class is out
   *     of range
   */
  public SoftmaxView(ExplainerState state, int classIndex) {
    super(state);
    int classes = state.network().outputShape().size();
    if (classIndex < 0 || classIndex >= classes) {
      throw new IllegalArgumentException(
          "class " + classIndex + " out of range for " + classes + " classes");
    }
    this.classIndex = classIndex;
    this.animator = new Animator(Math.max(1200, classes * 300), this::setFraction);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            setHoverClass(
                hits()
                    .at(e.getX(), e.getY())
                    .filter(r -> r.kind() == ViewHits.Kind.LOGIT || r.kind() == ViewHits.Kind.TERM)
                    .map(ViewHits.Region::index)
                    .orElse(-1));
          }

          @Override
          public void mouseExited(MouseEvent e) {
            setHoverClass(-1);
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  @Override
  public String concept() {
    return SOFTMAX;
  }

  /** The class whose term and circle are highlighted ({@code -1}: none). */
  public void setHoverClass(int c) {
    if (c != hoverClass) {
      hoverClass = c;
      repaint();
    }
  }

  /** The highlighted class, or -1. */
  public int hoverClass() {
    return hoverClass;
  }

  /** Shows the frame at {@code fraction} in [0, 1]. */
  public void setFraction(double fraction) {
    this.fraction = Math.max(0, Math.min(1, fraction));
    repaint();
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
    int classes = state().network().outputShape().size();
    int rows = (classes + PER_ROW - 1) / PER_ROW;
    return new Dimension(900, (int) Math.max(70 + classes * 30, 150 + rows * 30 + 60));
  }

  @Override
  void paintView(Graphics2D g, OpStyle s, ViewHits hits) {
    SoftmaxPainter.paint(
        g,
        s,
        hits,
        new SoftmaxPainter.Snapshot(
            state().trace(), classIndex, state().palette(), fraction, hoverClass));
  }
}
