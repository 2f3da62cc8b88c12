package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.explain.DenseBreakdown;
import org.cnnexplainer.core.explain.FlattenMapping;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.overview.UnfoldGeometry;
import org.cnnexplainer.viz.overview.Unfolding;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * The flatten elastic view of one class output: every channel of the flattened map (not only the
 * first and last, as the original), the flattened vector as thin strips in channel-major display
 * order next to the map each strip comes from, one edge per strip coloured by its weight to the
 * class, the plus sign, the bias, the softmax box and the class's logit and probability, with notes
 * saying what happens. Hovering a strip (or a source pixel) shows its source pixel, value, weight
 * and product. All numbers come from {@link DenseBreakdown} and {@link FlattenMapping}.
 *
 * <p>Inside an {@link ExplainerPanel} it paints in the room the overview opens for it, next to the
 * overview's own maps; on its own it lays out the same picture for its size.
 */
public final class FlattenView extends StateView {
  static final double TOP = 56;

  private final int classIndex;
  private int hoverPosition = -1;
  private Runnable softmaxListener = () -> {};
  private boolean softmaxOpen;
  private Object planKey;
  private FlattenPainter.Plan plan;

  /**
   * The flatten view of class (unit) {@code classIndex} of the network's last layer.
   *
   * @param state the shared state, with a network whose last layer is Dense
   * @param classIndex the class (unit of the last layer), 0-based
   * @throws IllegalArgumentException if the last layer is not Dense or the class is out of range
   */
  public FlattenView(ExplainerState state, int classIndex) {
    super(state);
    int last = network().layers().size() - 1;
    if (!(network().layer(last) instanceof Dense dense)
        || classIndex < 0
        || classIndex >= dense.units()) {
      throw new IllegalArgumentException(
          "class " + classIndex + " is not a unit of a Dense last layer of " + network());
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
                .filter(r -> r.kind() == HitMap.Kind.SOFTMAX_BUTTON)
                .ifPresent(r -> softmaxListener.run());
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
    return FLATTEN;
  }

  /** {@return the class shown (unit of the network's last layer), 0-based} */
  public int classIndex() {
    return classIndex;
  }

  /**
   * Who is told when the softmax box is clicked.
   *
   * @param listener run on the event thread on each click; {@code null} for nobody
   */
  public void setSoftmaxListener(Runnable listener) {
    this.softmaxListener = listener == null ? () -> {} : listener;
  }

  /**
   * Marks the softmax box as open (its view is shown) or closed, and repaints.
   *
   * @param open true while the softmax view is open
   */
  public void setSoftmaxOpen(boolean open) {
    this.softmaxOpen = open;
    repaint();
  }

  /**
   * Highlights display position {@code position} of the flattened vector.
   *
   * @param position the position in the vector as displayed, 0-based, or {@code -1} for none
   */
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
              if (r.kind() == HitMap.Kind.STRIP) {
                return Optional.of(r.index() * r.rows() + cell[0]);
              }
              if (r.kind() == HitMap.Kind.CHANNEL) {
                return Optional.of((r.index() * r.rows() + cell[0]) * r.columns() + cell[1]);
              }
              return Optional.empty();
            });
  }

  /**
   * Where the softmax box is in the current geometry, if the view is shown.
   *
   * @return the box in this view's coordinates, or empty when the view is not shown
   */
  public Optional<Rectangle2D> softmaxBox() {
    return geometry()
        .map(
            geo ->
                FlattenPainter.Layout.of(geo, FlattenPainter.Source.of(trace(), classIndex)).box());
  }

  @Override
  Unfolding unfolding() {
    return new Unfolding(Unfolding.Kind.FLATTEN, new NeuronRef(lastLayer(), classIndex));
  }

  static double tile(int channels) {
    return channels <= 4 ? 80 : channels <= 10 ? 40 : channels <= 32 ? 22 : 12;
  }

  @Override
  Dimension viewSize() {
    Shape src = FlattenPainter.Source.of(trace(), classIndex).shape();
    double t = tile(src.channels());
    double gap = Math.max(4, t * 0.3);
    return new Dimension(
        (int) (20 + t + Math.max(1.5 * t, 40) + 20 + Math.max(3 * t, 110) + 170 + 160),
        (int) (TOP + src.channels() * (t + gap) + gap + 60));
  }

  @Override
  UnfoldGeometry standaloneGeometry(int width, int height) {
    Shape src = FlattenPainter.Source.of(trace(), classIndex).shape();
    int channels = src.channels();
    double bottom = Math.max(TOP + 20, height - 50);
    double t = Math.min(tile(channels), (bottom - TOP) / (channels * 1.3 + 0.3));
    double gap = (bottom - TOP - channels * t) / (channels + 1);
    double sourceX = 20;
    double middle = sourceX + t + Math.max(1.5 * t, 40);
    double plus = middle + FlattenPainter.STRIP + Math.max(3 * t, 110);
    double target = plus + 170; // the softmax box and the probability (see UnfoldLayout)
    List<Rectangle2D> boxes = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      boxes.add(new Rectangle2D.Double(sourceX, TOP + gap + c * (t + gap), t, t));
    }
    double cy = (TOP + bottom) / 2;
    double labelW = Math.max(60, width - target - 8);
    return new UnfoldGeometry(
        new Unfolding(Unfolding.Kind.FLATTEN, new NeuronRef(lastLayer(), classIndex)),
        t,
        t,
        TOP,
        bottom,
        24,
        0,
        sourceX,
        middle,
        plus,
        target,
        boxes,
        new Rectangle2D.Double(target, cy - 10, labelW, 20),
        List.of(),
        width,
        height);
  }

  private int lastLayer() {
    return network().layers().size() - 1;
  }

  @Override
  void paintView(Graphics2D g, VizStyle s, HitMap hits, Rectangle2D content) {
    Optional<UnfoldGeometry> geometry = geometry();
    if (geometry.isEmpty()) {
      return;
    }
    UnfoldGeometry geo = geometry.get();
    FlattenPainter.Source src = FlattenPainter.Source.of(trace(), classIndex);
    Object key = List.of(geo, trace());
    if (!key.equals(planKey)) {
      plan = FlattenPainter.plan(g, s, geo, src, FlattenPainter.Layout.of(geo, src));
      planKey = key;
    }
    if (overview().isEmpty()) { // on its own the class is not drawn by an overview
      Font font = s.textFont().deriveFont(Font.BOLD);
      Rectangle2D t = geo.targetBox();
      Draw.text(
          g,
          Draw.fit(g, network().classLabels().get(classIndex), font, t.getWidth()),
          t.getX(),
          t.getCenterY() + 5,
          font,
          s.foreground());
    }
    FlattenPainter.paint(
        g,
        s,
        hits,
        new FlattenPainter.Snapshot(
            trace(),
            network(),
            classIndex,
            ranges(),
            state().palette(),
            hoverPosition,
            softmaxOpen,
            geo,
            contentAlpha(),
            state().isDetail()),
        plan);
  }
}
