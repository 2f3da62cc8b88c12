package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Optional;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.explain.DenseBreakdown;
import org.cnnexplainer.core.explain.FlattenMapping;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.viz.ExplainerState;

/**
 * The flatten elastic view of one class output: every channel of the flattened map (not only the
 * first and last, as the original), the flattened vector as thin strips in channel-major display
 * order next to the map each strip comes from, one edge per strip coloured by its weight to the
 * class, the plus sign, the bias and the class's logit and probability. Hovering a strip (or a
 * source pixel) shows its source pixel, value, weight and product. All numbers come from {@link
 * DenseBreakdown} and {@link FlattenMapping}.
 */
public final class FlattenView extends StateView {
  static final double TOP = 56;
  static final double GAP = 8;

  private final int classIndex;
  private int hoverPosition = -1;
  private Runnable softmaxListener = () -> {};
  private boolean softmaxOpen;

  /**
   * The flatten view of class (unit) {@code classIndex} of the network's last layer.
   *
   * @throws IllegalArgumentException if the last layer is not Dense or the class is out of range
   */
  public FlattenView(ExplainerState state, int classIndex) {
    super(state);
    int last = state.network().layers().size() - 1;
    if (!(state.network().layer(last) instanceof Dense dense)
        || classIndex < 0
        || classIndex >= dense.units()) {
      throw new IllegalArgumentException(
          "class " + classIndex + " is not a unit of a Dense last layer of " + state.network());
    }
    this.classIndex = classIndex;
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            setHoverPosition(positionAt(e.getX(), e.getY()).orElse(-1));
          }

          @Override
          public void mouseExited(MouseEvent e) {
            setHoverPosition(-1);
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            hits()
                .at(e.getX(), e.getY())
                .filter(r -> r.kind() == ViewHits.Kind.SOFTMAX_BUTTON)
                .ifPresent(r -> softmaxListener.run());
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  @Override
  public String concept() {
    return FLATTEN;
  }

  /** The class shown. */
  public int classIndex() {
    return classIndex;
  }

  /** Who is told when the softmax box is clicked. */
  public void setSoftmaxListener(Runnable listener) {
    this.softmaxListener = listener == null ? () -> {} : listener;
  }

  /** Marks the softmax box as open. */
  public void setSoftmaxOpen(boolean open) {
    this.softmaxOpen = open;
    repaint();
  }

  /** Highlights display position {@code position} of the vector ({@code -1}: none). */
  public void setHoverPosition(int position) {
    if (position != hoverPosition) {
      hoverPosition = position;
      repaint();
    }
  }

  /** The display position under {@code (x, y)}: a strip or a source pixel. */
  Optional<Integer> positionAt(double x, double y) {
    return hits()
        .at(x, y)
        .flatMap(
            r -> {
              int[] cell = r.cellAt(x, y);
              if (r.kind() == ViewHits.Kind.STRIP) {
                return Optional.of(r.index() * r.rows() + cell[0]);
              }
              if (r.kind() == ViewHits.Kind.CHANNEL) {
                return Optional.of((r.index() * r.rows() + cell[0]) * r.columns() + cell[1]);
              }
              return Optional.empty();
            });
  }

  private int lastLayer() {
    return state().network().layers().size() - 1;
  }

  private Shape source() {
    DenseBreakdown b = DenseBreakdown.of(state().trace(), lastLayer(), classIndex);
    return b.flatten()
        .map(FlattenMapping::sourceShape)
        .orElse(Shape.image(1, b.inputs().size(), 1));
  }

  static double tile(int channels) {
    return channels <= 4 ? 80 : channels <= 10 ? 48 : channels <= 32 ? 26 : 16;
  }

  @Override
  Dimension viewSize() {
    Shape src = source();
    double t = tile(src.channels());
    return new Dimension(
        (int) (tile(src.channels()) + 20 + 110 + 190 + 300),
        (int) (TOP + src.channels() * (t + GAP) + 70 + LegendBar.HEIGHT + 10));
  }

  @Override
  void paintView(Graphics2D g, OpStyle s, ViewHits hits) {
    FlattenPainter.paint(
        g,
        s,
        hits,
        new FlattenPainter.Snapshot(
            state().trace(),
            state().network(),
            classIndex,
            state().ranges(),
            state().palette(),
            hoverPosition,
            softmaxOpen));
  }
}
