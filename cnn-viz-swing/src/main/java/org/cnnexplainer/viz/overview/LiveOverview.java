package org.cnnexplainer.viz.overview;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import javax.swing.JPanel;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;
import org.cnnexplainer.viz.internal.BackgroundPicture;
import org.cnnexplainer.viz.internal.BackgroundPicture.Drawn;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The network overview of a trace that is replaced several times a second, for example one image
 * traced through weights that are being trained. Each trace is painted into a picture on a
 * background thread (heat-maps coloured, scaled and drawn with the overview's own painter), and the
 * event thread only copies the newest picture to the screen: on an X11 screen the overview's
 * hundred small heat-map images would otherwise cost tens of milliseconds of the event thread on
 * every update. Not interactive (no hover, selection or animation); colours from the same {@link
 * VizKeys} as {@link NetworkOverview}, crisp heat-map cells, unit colour ranges. Call on the event
 * thread.
 */
public final class LiveOverview extends JPanel {
  /** What one picture shows; read on the drawing thread. */
  private record Content(ActivationTrace trace, VizStyle style) {}

  private final BackgroundPicture<Content> picture =
      new BackgroundPicture<>(this, LiveOverview::draw);
  private VizStyle style = VizStyle.fromUIManager().withCrispPixels();

  /** An empty overview (the background colour until a trace is set). */
  public LiveOverview() {
    setOpaque(true);
    getAccessibleContext().setAccessibleName("Network overview");
  }

  /**
   * Shows {@code trace}: its network's layers with their activation maps (drawn off the event
   * thread; the previous picture stays until the new one is ready).
   *
   * @param trace the trace to show, or {@code null} for none (the background only)
   */
  public void setTrace(ActivationTrace trace) {
    picture.setContent(trace == null ? null : new Content(trace, style));
  }

  /** {@return the trace shown (or being drawn), or empty before one is set} */
  public Optional<ActivationTrace> trace() {
    return Optional.ofNullable(picture.content()).map(Content::trace);
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (picture != null) {
      style = VizStyle.fromUIManager().withCrispPixels();
      setTrace(trace().orElse(null));
    }
  }

  @Override
  protected void paintComponent(Graphics g) {
    if (picture.content() == null) {
      g.setColor(style.background());
      g.fillRect(0, 0, getWidth(), getHeight());
      return;
    }
    picture.paint(g);
  }

  /** The overview of {@code c} at {@code width x height} (any thread: it reads only {@code c}). */
  private static Drawn draw(Content c, int width, int height) {
    ActivationTrace trace = c.trace();
    Network network = trace.network();
    List<ColumnSpec> columns = ColumnSpec.of(network);
    LayerRanges ranges = LayerRanges.of(trace, RangeMode.UNIT);
    BufferedImage[][] tiles = TileCache.render(columns, trace, ranges, Palette.CLASSIC);
    OverviewSnapshot snapshot =
        new OverviewSnapshot(
            network,
            columns,
            trace,
            ranges,
            Palette.CLASSIC,
            true,
            tiles,
            null,
            1,
            null,
            null,
            1,
            null,
            c.style(),
            null,
            0,
            false,
            null,
            null,
            null,
            null,
            null,
            null);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      OverviewPainter.paint(g, snapshot, width, height, new HitMap(), null);
    } finally {
      g.dispose();
    }
    return new Drawn(image, List.of());
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(600, 360);
  }
}
