package org.cnnexplainer.viz.overview;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.color.ColorScale;

/**
 * Paints the overview of a snapshot into any {@link Graphics2D} (screen, PNG, test image) and
 * records where each neuron went in a {@link HitMap}. Holds no state between paints.
 */
final class OverviewPainter {
  static final Color[] RGB_WORDS = {new Color(0xC95E67), new Color(0x3DB665), new Color(0x3F7FBC)};

  private OverviewPainter() {}

  /** Paints {@code s} into {@code width x height} and returns the layout used. */
  static OverviewLayout paint(
      Graphics2D g, OverviewSnapshot s, double width, double height, HitMap hits, Caches caches) {
    Fonts fonts = Fonts.of(g, s.style().font());
    Laid laid = layout(s, fonts, width, height);
    OverviewLayout layout = laid.layout();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    Consumer<Graphics2D> base =
        bg -> {
          bg.setColor(s.style().background());
          bg.fill(new Rectangle2D.Double(0, 0, layout.width, layout.height));
          EdgePainter.paintAll(bg, layout, s.style());
          LabelPainter.paint(bg, layout, s, laid.labels(), fonts.label, fonts.small);
        };
    int w = (int) Math.ceil(layout.width);
    int h = (int) Math.ceil(layout.height);
    List<Object> key = List.of(s.columns(), s.style(), s.detail(), s.network().classLabels());
    NodePainter.Scaled scaled = null;
    if (caches == null) {
      base.accept(g);
    } else {
      caches.base().paint(g, key, w, h, base);
      AffineTransform at = g.getTransform();
      if (ScaledTiles.isSimple(at)) {
        boolean crisp = s.style().crispPixels();
        scaled =
            new NodePainter.Scaled(
                caches.current().of(s.tiles(), layout, at, crisp),
                s.previousTiles() == null
                    ? null
                    : caches.previous().of(s.previousTiles(), layout, at, crisp));
      }
    }
    if (s.previousHover() != null && !s.previousHover().neuron().equals(neuronOf(s.hover()))) {
      EdgePainter.paintHighlighted(
          g, layout, s.style(), s.previousHover().neuron(), HoverFade.out(s.hoverFraction()));
    }
    if (s.hover() != null) {
      boolean same = s.hover().neuron().equals(neuronOf(s.previousHover()));
      double strength = same ? 1 : HoverFade.in(s.hoverFraction());
      EdgePainter.paintHighlighted(g, layout, s.style(), s.hover().neuron(), strength);
    }
    hits.clear();
    for (int c = 0; c < layout.columns.size(); c++) {
      NodePainter.paintColumn(g, layout, c, s, fonts.classes, hits, scaled);
    }
    if (s.detail() && s.trace() != null) {
      LegendPainter.paint(g, layout, s, fonts.small.getFont());
    }
    outline(g, hits, s.hover(), s.style().nodeBorder(), 1f, layout, true);
    outline(g, hits, s.selection(), s.style().selection(), 2f, layout, false);
    return layout;
  }

  private static NeuronRef neuronOf(Selection selection) {
    return selection == null ? null : selection.neuron();
  }

  /** The layout and label plan for {@code s} at this size. */
  static Laid layout(OverviewSnapshot s, Fonts fonts, double width, double height) {
    double bottom = s.detail() ? LegendPainter.height(fonts.small) + 6 : 14;
    double labelWidth = 0;
    boolean classes = s.columns().get(s.columns().size() - 1).kind() == ColumnSpec.Kind.OUTPUT;
    for (String label : classes ? s.network().classLabels() : List.<String>of()) {
      labelWidth = Math.max(labelWidth, fonts.classes.stringWidth(label) + 4);
    }
    // The label area depends on whether labels fit, which depends on the column positions.
    LabelPainter.Plan plan = new LabelPainter.Plan(null, null, s.detail());
    OverviewLayout layout = null;
    for (int pass = 0; pass < 2; pass++) {
      double top = LabelPainter.height(plan, fonts.label, fonts.small);
      layout =
          OverviewLayout.compute(s.columns(), width, height, top, bottom, labelWidth, s.style());
      LabelPainter.Plan fitted = LabelPainter.plan(layout, s.detail(), fonts.label, fonts.small);
      boolean same = fitted.stagger() == plan.stagger() && fitted.showDims() == plan.showDims();
      plan = fitted;
      if (same) {
        break;
      }
    }
    double top = LabelPainter.height(plan, fonts.label, fonts.small);
    if (top > layout.top) {
      layout =
          OverviewLayout.compute(s.columns(), width, height, top, bottom, labelWidth, s.style());
    }
    return new Laid(layout, plan);
  }

  /** What a component keeps between paints: the static layer and the scaled heat-maps. */
  record Caches(StaticLayer base, ScaledTiles current, ScaledTiles previous) {
    Caches() {
      this(new StaticLayer(), new ScaledTiles(), new ScaledTiles());
    }
  }

  /** A layout with its label plan. */
  record Laid(OverviewLayout layout, LabelPainter.Plan labels) {}

  /** Boxes the target (and, for hover, the nodes feeding it). */
  private static void outline(
      Graphics2D g,
      HitMap hits,
      Selection target,
      Color color,
      float width,
      OverviewLayout layout,
      boolean withSources) {
    if (target == null) {
      return;
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(width));
    hits.boundsOf(target.neuron()).ifPresent(r -> g.draw(grow(r, 1 + width / 2)));
    if (!withSources) {
      return;
    }
    for (int c = 1; c < layout.columns.size(); c++) {
      ColumnSpec col = layout.columns.get(c);
      if (col.layer() != target.neuron().layer()) {
        continue;
      }
      ColumnSpec prev = layout.columns.get(c - 1);
      for (int n = 0; n < prev.nodes(); n++) {
        if (col.edges() == ColumnSpec.Edges.ONE_TO_ONE && n != target.neuron().neuron()) {
          continue;
        }
        hits.boundsOf(new NeuronRef(prev.layer(), n)).ifPresent(r -> g.draw(grow(r, 1.5)));
      }
    }
  }

  private static Rectangle2D grow(Rectangle2D r, double by) {
    return new Rectangle2D.Double(
        r.getX() - by, r.getY() - by, r.getWidth() + 2 * by, r.getHeight() + 2 * by);
  }

  /** Draws {@code tile} into {@code bounds} at {@code alpha}, smooth or crisp. */
  static void drawTile(
      Graphics2D g, BufferedImage tile, Rectangle2D bounds, double alpha, boolean crisp) {
    if (alpha <= 0) {
      return;
    }
    Composite old = g.getComposite();
    if (alpha < 1) {
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
    }
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION,
        crisp
            ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
            : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    Graphics2D copy = (Graphics2D) g.create();
    copy.translate(bounds.getX(), bounds.getY());
    copy.scale(bounds.getWidth() / tile.getWidth(), bounds.getHeight() / tile.getHeight());
    copy.drawImage(tile, 0, 0, null);
    copy.dispose();
    g.setComposite(old);
  }

  /** The colour of a vector unit's value. */
  static Color unitColor(OverviewSnapshot s, int layer, float value) {
    return new Color(
        ColorScale.diverging(s.palette().activations(), s.ranges().range(layer)).rgb(value));
  }

  /** Font metrics used by one paint. */
  record Fonts(FontMetrics label, FontMetrics small, FontMetrics classes) {
    /**
     * Metrics measured at 100 % (not through {@code g}'s device scale), so the layout and the hit
     * map are the same on every screen; text is still drawn at device resolution.
     */
    static Fonts of(Graphics2D g, Font base) {
      Graphics2D measure = MEASURE.createGraphics();
      try {
        measure.setRenderingHints(g.getRenderingHints());
        Font label = base.deriveFont(Font.PLAIN);
        return new Fonts(
            measure.getFontMetrics(label),
            measure.getFontMetrics(label.deriveFont(label.getSize2D() * 0.75f)),
            measure.getFontMetrics(label.deriveFont(label.getSize2D() * 0.92f)));
      } finally {
        measure.dispose();
      }
    }

    private static final BufferedImage MEASURE =
        new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
  }
}
