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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Paints the overview of a snapshot into any {@link Graphics2D} (screen, PNG, test image) and
 * records where each neuron went in a {@link HitMap}. Holds no state between paints.
 */
final class OverviewPainter {

  private OverviewPainter() {}

  /** Paints {@code s} into {@code width x height} and returns the layout used. */
  static OverviewLayout paint(
      Graphics2D g, OverviewSnapshot s, double width, double height, HitMap hits, Caches caches) {
    return paint(g, s, width, height, hits, caches, null);
  }

  /**
   * As {@link #paint(Graphics2D, OverviewSnapshot, double, double, HitMap, Caches)}; with {@code
   * edgesReady} the first edges are drawn in the background (see {@link StaticLayer}).
   */
  static OverviewLayout paint(
      Graphics2D g,
      OverviewSnapshot s,
      double width,
      double height,
      HitMap hits,
      Caches caches,
      Runnable edgesReady) {
    Fonts fonts = Fonts.of(g, s.style().font());
    Laid laid = layout(s, fonts, width, height);
    OverviewLayout base = laid.layout();
    UnfoldLayout unfold =
        s.unfolding() != null && s.unfold() > 0
            ? UnfoldLayout.of(base, laid.labels(), fonts, s.unfolding(), base.width)
            : null;
    double veil = unfold == null ? 0 : UnfoldTiming.veil(s.unfold());
    double content = unfold == null ? 0 : UnfoldTiming.content(s.unfold());
    OverviewLayout layout = unfold == null ? base : moved(base, unfold, s.unfold());
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    Consumer<Graphics2D> background =
        bg -> {
          bg.setColor(s.style().background());
          bg.fill(new Rectangle2D.Double(0, 0, base.width, base.height));
          EdgePainter.paintAll(bg, base, s.style());
        };
    int w = (int) Math.ceil(base.width);
    int h = (int) Math.ceil(base.height);
    NodePainter.Scaled scaled = null;
    if (unfold != null) { // the edges hide while the columns move (spec §1C #20)
      g.setColor(s.style().background());
      g.fill(new Rectangle2D.Double(0, 0, base.width, base.height));
      if (unfold.geometry().unfolding().kind() == Unfolding.Kind.PAIR) {
        EdgePainter.paintInto(g, layout, s.style(), unfold.target());
      }
    } else if (caches == null) {
      background.accept(g);
    } else {
      caches
          .base()
          .paint(
              g,
              List.of(s.columns(), s.style()),
              w,
              h,
              background,
              bg -> {
                bg.setColor(s.style().background());
                bg.fill(new Rectangle2D.Double(0, 0, base.width, base.height));
              },
              edgesReady);
    }
    if (caches != null) {
      AffineTransform at = g.getTransform();
      if (ScaledTiles.isSimple(at)) {
        boolean crisp = s.style().crispPixels();
        if (s.previousTiles() == null) {
          caches.previous().release(); // the image change is over: no need to keep its tiles
        }
        scaled =
            new NodePainter.Scaled(
                caches.current().of(s.tiles(), base, at, crisp),
                s.previousTiles() == null
                    ? null
                    : caches.previous().of(s.previousTiles(), base, at, crisp));
      }
    }
    hits.clear();
    List<HitMap.Label> labels = new ArrayList<>();
    LabelPainter.paint(g, layout, s, laid.labels(), fonts, unfold, veil, labels, false);
    if (unfold == null) {
      paintHover(g, layout, s);
    } else if (unfold.geometry().unfolding().kind() == Unfolding.Kind.PAIR) {
      paintPairs(g, layout, s, unfold, veil);
    }
    for (int c = 0; c < layout.columns.size(); c++) {
      NodePainter.paintColumn(
          g, layout, c, s, fonts.classes(), hits, scaled, nodeRule(unfold, c, s, veil, content));
    }
    boolean legends = s.legends();
    boolean pair = unfold != null && unfold.geometry().unfolding().kind() == Unfolding.Kind.PAIR;
    int keep = pair ? unfold.geometry().unfolding().neuron().layer() : -2;
    if (legends) {
      LegendPainter.paint(g, layout, s, fonts.small().getFont(), keep, 1 - veil, false);
    }
    if (unfold != null && veil > 0) {
      Veils.paint(g, layout, unfold, s.style().background(), veil);
    }
    if (legends && pair) {
      LegendPainter.paint(g, layout, s, fonts.small().getFont(), keep, 1, true);
    }
    if (s.comparison() != null && layout.columns.size() > 0) {
      FontMetrics small = fonts.small();
      double top = layout.nodesBottom + (legends ? LegendPainter.height(small) : 4);
      g.setFont(small.getFont());
      g.setColor(s.style().foreground());
      TextLog.draw(g, s.comparison(), layout.boxes[0][0].getX(), top + small.getAscent());
    }
    LabelPainter.paint(g, layout, s, laid.labels(), fonts, unfold, veil, labels, true);
    hits.addLabels(labels);
    if (s.gradients() != null) {
      gradientCaption(g, layout, s, fonts.small(), legends, hits);
    }
    if (unfold == null) {
      outline(g, hits, s.hover(), s.style().nodeBorder(), 1f, layout, true);
    }
    if (unfold == null || unfold.geometry().unfolding().kind() != Unfolding.Kind.CONVOLUTION) {
      outline(g, hits, s.selection(), s.style().selection(), 2f, layout, false);
    }
    return base;
  }

  /** The layout with its columns part-way ({@code progress}) to their unfolded places. */
  static OverviewLayout moved(OverviewLayout base, UnfoldLayout unfold, double progress) {
    double t = UnfoldTiming.move(progress);
    double[] x = new double[base.x.length];
    for (int c = 0; c < x.length; c++) {
      x[c] = base.x[c] + (unfold.x()[c] - base.x[c]) * t;
    }
    return base.movedTo(x);
  }

  private static void paintHover(Graphics2D g, OverviewLayout layout, OverviewSnapshot s) {
    if (s.previousHover() != null && !s.previousHover().neuron().equals(neuronOf(s.hover()))) {
      EdgePainter.paintHighlighted(
          g, layout, s.style(), s.previousHover().neuron(), HoverFade.out(s.hoverFraction()));
    }
    if (s.hover() != null) {
      boolean same = s.hover().neuron().equals(neuronOf(s.previousHover()));
      double strength = same ? 1 : HoverFade.in(s.hoverFraction());
      EdgePainter.paintHighlighted(g, layout, s.style(), s.hover().neuron(), strength);
    }
  }

  /**
   * How a column's nodes are drawn while an unfolding is open: the selected layer's other neurons
   * fade to 15 % (not in a pair view, where they can be chosen next); in the convolution view the
   * explanation takes over the input column and the selected neuron (they fade out as it fades in);
   * only the neurons that take part react.
   */
  private static NodePainter.Rule nodeRule(
      UnfoldLayout unfold, int c, OverviewSnapshot s, double veil, double content) {
    if (unfold == null) {
      return NodePainter.Rule.ALL;
    }
    Unfolding u = unfold.geometry().unfolding();
    boolean conv = u.kind() == Unfolding.Kind.CONVOLUTION;
    boolean pair = u.kind() == Unfolding.Kind.PAIR;
    if (c == unfold.source()) {
      return new NodePainter.Rule(n -> conv ? 1 - content : 1, n -> pair);
    }
    if (c == unfold.target()) {
      int selected = u.neuron().neuron();
      return new NodePainter.Rule(
          n -> n == selected ? (conv ? 1 - content : 1) : pair ? 1 : 1 - 0.85 * veil,
          n -> pair || n == selected);
    }
    return new NodePainter.Rule(n -> 1, n -> false);
  }

  /** Rounded grey plates behind each (source, neuron) pair; the selected pair darker. */
  private static void paintPairs(
      Graphics2D g, OverviewLayout layout, OverviewSnapshot s, UnfoldLayout unfold, double veil) {
    Rectangle2D[] from = layout.boxes[unfold.source()];
    Rectangle2D[] to = layout.boxes[unfold.target()];
    int selected = unfold.geometry().unfolding().neuron().neuron();
    for (int n = 0; n < Math.min(from.length, to.length); n++) {
      double pad = Math.max(3, layout.node * 0.12);
      Rectangle2D plate = from[n].createUnion(to[n]);
      double amount = (n == selected ? 0.16 : 0.07) * veil;
      g.setColor(VizStyle.mix(s.style().background(), s.style().foreground(), amount));
      g.fill(
          new java.awt.geom.RoundRectangle2D.Double(
              plate.getX() - pad,
              plate.getY() - pad,
              plate.getWidth() + 2 * pad,
              plate.getHeight() + 2 * pad,
              8,
              8));
    }
  }

  private static NeuronRef neuronOf(Selection selection) {
    return selection == null ? null : selection.neuron();
  }

  /** The layout and label plan for {@code s} at this size. */
  static Laid layout(OverviewSnapshot s, Fonts fonts, double width, double height) {
    double bottom = s.legends() ? LegendPainter.height(fonts.small) + 6 : 14;
    if (s.gradients() != null) {
      bottom += fonts.small.getHeight() + 4; // the line that says the colours are gradients
    }
    if (s.comparison() != null) { // the caption line saying what the colours compare
      bottom += fonts.small.getHeight() + 2;
    }
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

  /** The caption that says the neurons show gradients, not activations, under the legends. */
  private static void gradientCaption(
      Graphics2D g,
      OverviewLayout layout,
      OverviewSnapshot s,
      FontMetrics small,
      boolean legends,
      HitMap hits) {
    String caption =
        "Colours: the gradient ∂S/∂activation of the score S of “"
            + s.gradientCaption()
            + "”: the right end of a layer's legend raises S, the left end lowers it; each layer has"
            + " its own scale";
    double x = layout.boxes[0][0].getX();
    double y = layout.nodesBottom + (legends ? LegendPainter.height(small) : 4) + small.getAscent();
    g.setFont(small.getFont());
    g.setColor(s.style().foreground());
    TextLog.draw(g, caption, x, y);
    hits.text("colouring", caption);
  }

  /** The colour of a vector unit's value. */
  static Color unitColor(OverviewSnapshot s, int layer, float value) {
    LayerRanges ranges = s.difference() == null ? s.ranges() : s.difference().ranges();
    return VizStyle.rgb(
        ColorScale.diverging(s.palette().activations(), ranges.range(layer)).rgb(value));
  }

  /** Font metrics used by one paint. */
  record Fonts(FontMetrics label, FontMetrics small, FontMetrics classes, FontMetrics bold) {
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
            measure.getFontMetrics(label.deriveFont(label.getSize2D() * 0.92f)),
            measure.getFontMetrics(label.deriveFont(Font.BOLD)));
      } finally {
        measure.dispose();
      }
    }

    private static final BufferedImage MEASURE =
        new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
  }
}
