package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.swing.JComponent;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.overview.UnfoldGeometry;
import org.cnnexplainer.viz.overview.Unfolding;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * A thin component that paints one operation view of the shared {@link ExplainerState}: it listens
 * while displayable, repaints on every change, and resolves the pointer through the {@link HitMap}
 * recorded by the last paint.
 *
 * <p>The elastic views (convolution, flatten) paint either on their own, laid out for their size,
 * or — inside an {@link ExplainerPanel} — transparently over a {@link NetworkOverview}, in the room
 * its unfolding opened ({@link UnfoldGeometry}); then they take the pointer only where they painted
 * something, so everything else reaches the overview below.
 *
 * <p>A view explains a neuron of the network the state had when the view was made. It keeps
 * following the state while the state's network has the same layers (edited weights, other labels);
 * once the state shows a network with other layers, the view is {@linkplain #isAttached()
 * detached}: it paints blank and takes no pointer input, and its container should remove it.
 */
public abstract sealed class StateView extends JComponent implements OperationView
    permits ConvolutionElasticView, FlattenView, SoftmaxView {

  private final ExplainerState state;
  private final ViewSource source;
  private final StateListener listener = e -> stateChanged();
  private HitMap hits = new HitMap();
  private List<PaintedText> texts = List.of();
  private NetworkOverview overview;

  StateView(ExplainerState state) {
    this.state = Objects.requireNonNull(state, "state");
    this.source = new ViewSource(state);
    setOpaque(true);
    addMouseListener(
        InfoButton.listener(
            this::hits, () -> firePropertyChange(EXPLAIN_PROPERTY, null, concept())));
  }

  /** {@return the shared state this view shows} */
  public ExplainerState state() {
    return state;
  }

  @Override
  public JComponent component() {
    return this;
  }

  /**
   * Whether the state's network still has the layers of the one this view was made for (see the
   * class comment).
   *
   * @return false once the state switched to a network with other layers
   */
  @Override
  public boolean isAttached() {
    return source.isAttached();
  }

  /** Whether there is something to paint: attached, and the state has a trace. */
  boolean hasTrace() {
    return source.hasTrace();
  }

  /** The state's network (with its current weights), or the one this view was made for if none. */
  Network network() {
    return source.network();
  }

  /**
   * The state's trace, for paint code that runs only when {@link #hasTrace()} said there is one.
   *
   * @throws IllegalStateException when there is no trace
   */
  ActivationTrace trace() {
    return source.trace();
  }

  /**
   * The colour ranges of the state's trace, for paint code that runs only when {@link #hasTrace()}
   * said there is one.
   *
   * @throws IllegalStateException when there is no trace
   */
  LayerRanges ranges() {
    return source.ranges();
  }

  /** Regions and texts painted in the last paint. */
  @Override
  public HitMap hits() {
    return hits;
  }

  /** The texts painted in the last paint, in this component's coordinates. */
  @Override
  public List<PaintedText> paintedTexts() {
    return texts;
  }

  /**
   * Paints over {@code overview} (same bounds) in the room of its unfolding, transparent, taking
   * the pointer only on painted parts; {@code null} paints on its own again. The {@link
   * org.cnnexplainer.viz.panel.ExplainerPanel} does this for the elastic views it opens.
   *
   * @param overview the overview to paint over, or null
   */
  public void embedIn(NetworkOverview overview) {
    this.overview = overview;
    setOpaque(overview == null);
  }

  /** The overview this view paints over, if embedded. */
  Optional<NetworkOverview> overview() {
    return Optional.ofNullable(overview);
  }

  /**
   * The geometry to paint in: the overview's unfolding when embedded, else {@link
   * #standaloneGeometry}; empty when embedded and nothing is unfolded.
   *
   * @return the geometry, or empty when embedded in an overview that has folded the view away
   */
  public Optional<UnfoldGeometry> geometry() {
    if (overview != null) {
      Unfolding mine = unfolding();
      return overview.unfoldGeometry().filter(g -> g.unfolding().equals(mine));
    }
    return Optional.of(standaloneGeometry(getWidth(), getHeight()));
  }

  /** What this view opens in an overview ({@code null}: it is not an elastic view). */
  Unfolding unfolding() {
    return null;
  }

  /** The opacity of the content: the overview's explanation alpha when embedded, else 1. */
  double contentAlpha() {
    return overview == null ? 1 : overview.explanationAlpha();
  }

  /** The geometry of this view alone in {@code width x height} (no overview around it). */
  UnfoldGeometry standaloneGeometry(int width, int height) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is not elastic");
  }

  /** Embedded views take the pointer only where they painted something. */
  @Override
  public boolean contains(int x, int y) {
    if (overview == null) {
      return super.contains(x, y);
    }
    return hits.at(x, y).isPresent();
  }

  /** Called on every state change (on the event thread); repaints by default. */
  void stateChanged() {
    revalidate();
    repaint();
  }

  /**
   * Paints the frame (a card's border and header, or nothing) and returns the content area; the
   * default paints the background when opaque and the (i) button.
   */
  Rectangle2D paintFrame(Graphics2D g, VizStyle style, HitMap hits) {
    if (isOpaque()) {
      g.setColor(style.background());
      g.fillRect(0, 0, getWidth(), getHeight());
      InfoButton.paint(g, style, hits, getWidth(), 8);
    }
    return new Rectangle2D.Double(0, 0, getWidth(), getHeight());
  }

  /** Paints the view (the state has a trace) into {@code content}, recording regions in hits. */
  abstract void paintView(Graphics2D g, VizStyle style, HitMap hits, Rectangle2D content);

  /** The size the view needs on its own (the state has a trace). */
  abstract Dimension viewSize();

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    super.removeNotify();
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() || !hasTrace() ? super.getPreferredSize() : viewSize();
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      Draw.setup(g);
      TextLog log = TextLog.install(g);
      VizStyle style = VizStyle.fromUIManager();
      HitMap fresh = new HitMap();
      if (hasTrace()) {
        Rectangle2D content = paintFrame(g, style, fresh);
        paintView(g, style, fresh, content);
      } else if (isOpaque()) {
        g.setColor(style.background());
        g.fillRect(0, 0, getWidth(), getHeight());
      }
      hits = fresh;
      texts = List.copyOf(log.texts());
    } finally {
      g.dispose();
    }
  }
}
