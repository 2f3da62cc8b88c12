package org.cnnexplainer.viz.ops;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.DenseBreakdown;
import org.cnnexplainer.core.explain.FlattenMapping;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.overview.UnfoldGeometry;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Paints the flatten elastic view from a snapshot into its {@link UnfoldGeometry} (stateless; see
 * {@link FlattenView}): next to each map of the layer feeding the class output, its values as thin
 * strips of the flattened vector (row by row), grey edges from map rows to strips, one edge per
 * element to the plus sign coloured by its weight, the bias, the softmax box and the class.
 */
final class FlattenPainter {
  /** Everything one paint needs. */
  record Snapshot(
      ActivationTrace trace,
      Network network,
      int classIndex,
      LayerRanges ranges,
      Palette palette,
      int hoverPosition,
      boolean softmaxOpen,
      UnfoldGeometry geometry,
      double alpha,
      boolean detail) {}

  static final double STRIP = 20;

  private FlattenPainter() {}

  /** The explanation of the class output and the source map's shape. */
  record Source(
      DenseBreakdown breakdown, Optional<FlattenMapping> mapping, Shape shape, int layer) {
    static Source of(ActivationTrace trace, int classIndex) {
      int last = trace.network().layers().size() - 1;
      DenseBreakdown b = DenseBreakdown.of(trace, last, classIndex);
      Optional<FlattenMapping> mapping = b.flatten();
      Shape shape =
          mapping.map(FlattenMapping::sourceShape).orElse(Shape.image(b.inputs().size(), 1, 1));
      int layer = mapping.map(m -> m.layerIndex() - 1).orElse(last - 1);
      return new Source(b, mapping, shape, layer);
    }

    int indexAt(int position) {
      return mapping.isPresent() ? breakdown.inputAtDisplay(position) : position;
    }
  }

  /** Where the parts go: each channel's map and strip block, the plus, bias and softmax box. */
  record Layout(
      Rectangle2D[] maps, Rectangle2D[] blocks, Point2D plus, Point2D bias, Rectangle2D box) {
    static Layout of(UnfoldGeometry geo, Source src) {
      int channels = src.shape().channels();
      Rectangle2D[] maps = new Rectangle2D[channels];
      Rectangle2D[] blocks = new Rectangle2D[channels];
      for (int c = 0; c < channels; c++) {
        Rectangle2D node = geo.sourceBoxes().get(Math.min(c, geo.sourceBoxes().size() - 1));
        maps[c] =
            src.mapping().isPresent()
                ? ElasticPainter.map(node, src.shape())
                : (Rectangle2D) node.clone();
        blocks[c] =
            new Rectangle2D.Double(geo.middleX(), maps[c].getY(), STRIP, maps[c].getHeight());
      }
      double cy = geo.targetBox().getCenterY();
      Point2D plus = new Point2D.Double(geo.plusX(), cy);
      double lift = 34;
      Point2D bias =
          new Point2D.Double(geo.plusX(), cy - lift - 20 > geo.top() ? cy - lift : cy + lift);
      Rectangle2D box = new Rectangle2D.Double(geo.plusX() + 22, cy - 10, 64, 20);
      return new Layout(maps, blocks, plus, bias, box);
    }
  }

  static void paint(Graphics2D g, VizStyle s, HitMap hits, Snapshot f, Plan plan) {
    if (f.alpha() <= 0) {
      return;
    }
    Composite base = Draw.fade(g, f.alpha());
    Composite old = g.getComposite();
    Source src = Source.of(f.trace(), f.classIndex());
    DenseBreakdown b = src.breakdown();
    UnfoldGeometry geo = f.geometry();
    Layout layout = plan.layout();
    int channels = src.shape().channels();
    int plane = src.shape().height() * src.shape().width();
    Font small = s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f);
    double range = src.layer() >= 0 ? f.ranges().range(src.layer()) : 1;
    ColorScale valueScale = ColorScale.diverging(f.palette().activations(), range);
    double maxW = 0;
    for (int i = 0; i < b.weights().size(); i++) {
      maxW = Math.max(maxW, Math.abs(b.weights().at(i)));
    }
    double rw = 2 * Math.max(Math.round(maxW * 1000) / 1000.0, 1e-3);
    ColorScale edgeScale = ColorScale.gapped(f.palette().weights(), rw, 0.35);
    ColorScale strongScale = ColorScale.gapped(f.palette().weights(), rw, 0.1);
    Point2D plus = layout.plus();
    Tensor values = b.inputs();
    float edgeAlpha = (float) (0.7 * f.alpha());
    for (int c = 0; c < channels; c++) {
      Rectangle2D map = layout.maps()[c];
      Rectangle2D block = layout.blocks()[c];
      if (src.mapping().isPresent()) {
        hits.add(HitMap.Kind.CHANNEL, c, src.shape().height(), src.shape().width(), map);
        // Grey edges: each map row fans into its strips.
        g.setStroke(new BasicStroke(0.5f));
        g.setColor(VizStyle.mix(s.background(), s.foreground(), 0.2));
        for (int r = 0; r < src.shape().height(); r++) {
          double rowY = map.getY() + (r + 0.5) * map.getHeight() / src.shape().height();
          double stripY = block.getY() + (r + 0.5) * block.getHeight() / src.shape().height();
          g.draw(new Line2D.Double(map.getMaxX(), rowY, block.getX(), stripY));
        }
      }
      for (int k = 0; k < plane; k++) {
        int index = src.indexAt(c * plane + k);
        double sy = block.getY() + k * block.getHeight() / plane;
        double sh = block.getHeight() / plane;
        g.setColor(Draw.color(valueScale, values.at(index)));
        g.fill(new Rectangle2D.Double(block.getX(), sy, STRIP, sh + 0.4));
        // Weight edges to the plus sign, faint so 1000s of them stay readable.
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, edgeAlpha));
        g.setColor(Draw.color(edgeScale, b.weights().at(index)));
        g.setStroke(new BasicStroke(0.6f));
        g.draw(new Line2D.Double(block.getMaxX(), sy + sh / 2, plus.getX() - 8, plus.getY()));
        g.setComposite(old);
      }
      g.setColor(s.grid());
      g.setStroke(new BasicStroke(0.6f));
      g.draw(block);
      hits.add(HitMap.Kind.STRIP, c, plane, 1, block);
    }
    if (f.hoverPosition() >= 0 && f.hoverPosition() < b.inputs().size()) {
      paintHover(g, f, s, hits, src, layout, strongScale, small, plan.hoverSlot());
    }
    // Plus, bias, softmax box, class.
    Draw.plus(g, plus.getX(), plus.getY(), 16, s);
    Point2D biasAt = layout.bias();
    double dir = Math.signum(biasAt.getY() - plus.getY());
    g.setColor(s.grid());
    g.setStroke(new BasicStroke(1f));
    g.draw(
        new Line2D.Double(
            plus.getX(), biasAt.getY() - 5 * dir, plus.getX(), plus.getY() + 8 * dir));
    Ellipse2D dot = new Ellipse2D.Double(biasAt.getX() - 5, biasAt.getY() - 5, 10, 10);
    g.setColor(Draw.color(edgeScale, b.bias()));
    g.fill(dot);
    g.setColor(s.muted());
    g.draw(dot);
    String bias = "bias " + DisplayNumbers.two(b.bias());
    Draw.text(
        g,
        bias,
        plus.getX() - Draw.width(g, bias, small) / 2,
        dir < 0 ? biasAt.getY() - 9 : biasAt.getY() + 18,
        small,
        s.foreground());
    hits.add(HitMap.Kind.BIAS, 0, dot.getBounds2D());
    hits.text("bias", DisplayNumbers.two(b.bias()));

    Rectangle2D boxR = layout.box();
    RoundRectangle2D box =
        new RoundRectangle2D.Double(
            boxR.getX(), boxR.getY(), boxR.getWidth(), boxR.getHeight(), 6, 6);
    g.setColor(s.grid());
    g.draw(new Line2D.Double(plus.getX() + 8, plus.getY(), boxR.getX(), plus.getY()));
    g.setColor(
        f.softmaxOpen() ? VizStyle.mix(s.background(), s.selection(), 0.25) : s.background());
    g.fill(box);
    g.setColor(s.foreground());
    g.draw(box);
    Draw.centered(g, "softmax", box.getCenterX(), box.getCenterY(), small);
    hits.add(HitMap.Kind.SOFTMAX_BUTTON, 0, box.getBounds2D());
    g.setColor(s.grid());
    Rectangle2D target = geo.targetBox();
    g.draw(new Line2D.Double(boxR.getMaxX(), plus.getY(), target.getX() - 4, plus.getY()));
    g.setColor(s.selection());
    g.setStroke(new BasicStroke(2f));
    g.draw(
        new Rectangle2D.Double(
            target.getX() - 3, target.getY() - 2, target.getWidth() + 6, target.getHeight() + 4));
    String prob = DisplayNumbers.four(b.outputValue());
    String logit = DisplayNumbers.two(b.preActivation());
    hits.text("probability", prob);
    hits.text("logit", logit);
    Font bold = small.deriveFont(Font.BOLD);
    if (plan.logitSpot() != null) {
      Draw.text(
          g,
          "logit " + logit,
          plan.logitSpot().getX(),
          plan.logitSpot().getY(),
          small,
          s.foreground());
    }
    if (plan.probabilitySpot() != null) {
      Draw.text(
          g,
          "p = " + prob,
          plan.probabilitySpot().getX(),
          plan.probabilitySpot().getY(),
          bold,
          s.foreground());
    }
    legends(g, s, hits, f, src, valueScale, strongScale);
    plan.notes().draw(g, s, hits);
    g.setComposite(base);
  }

  private static void legends(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      Snapshot f,
      Source src,
      ColorScale valueScale,
      ColorScale weightScale) {
    UnfoldGeometry geo = f.geometry();
    double y = geo.bottom() + 12;
    if (y + LegendBar.HEIGHT - 10 > geo.height()) {
      return;
    }
    String srcName = src.layer() >= 0 ? f.network().layer(src.layer()).name() : "input";
    String label = f.network().classLabels().get(f.classIndex());
    double x = Math.max(8, geo.sourceX() - 10);
    double width = Math.max(70, Math.min(LegendBar.WIDTH, (geo.width() - 8 - x - 24) / 2));
    x +=
        LegendBar.paint(g, s, hits, srcName, valueScale, src.breakdown().inputs(), x, y, width)
            + 24;
    LegendBar.paint(
        g,
        s,
        hits,
        Draw.fit(
            g,
            "weights to " + label,
            s.textFont().deriveFont(s.textFont().getSize2D() * 0.8f),
            width),
        weightScale,
        src.breakdown().weights(),
        x,
        y,
        width);
  }

  private static void paintHover(
      Graphics2D g,
      Snapshot f,
      VizStyle s,
      HitMap hits,
      Source src,
      Layout layout,
      ColorScale strong,
      Font small,
      Rectangle2D slot) {
    DenseBreakdown b = src.breakdown();
    int index = src.indexAt(f.hoverPosition());
    Cell cell = src.mapping().map(m -> m.source(index)).orElse(new Cell(index, 0, 0));
    Shape shape = src.shape();
    int plane = shape.height() * shape.width();
    Rectangle2D map = layout.maps()[cell.channel()];
    Rectangle2D block = layout.blocks()[cell.channel()];
    double cellH = map.getHeight() / shape.height();
    double cellW = map.getWidth() / shape.width();
    Draw.outline(
        g,
        new Rectangle2D.Double(
            map.getX() + cell.column() * cellW,
            map.getY() + cell.row() * cellH,
            Math.max(cellW, 3),
            Math.max(cellH, 3)),
        s.foreground(),
        1.2f);
    int k = cell.row() * shape.width() + cell.column();
    double sy = block.getY() + (k + 0.5) * block.getHeight() / plane;
    g.setColor(s.foreground());
    g.setStroke(new BasicStroke(1f));
    g.draw(
        new Line2D.Double(
            map.getMaxX(), map.getY() + (cell.row() + 0.5) * cellH, block.getX(), sy));
    Draw.outline(
        g, new Rectangle2D.Double(block.getX() - 2, sy - 1.5, STRIP + 4, 3), s.foreground(), 1f);
    g.setColor(Draw.color(strong, b.weights().at(index)));
    g.setStroke(new BasicStroke(2f));
    g.draw(new Line2D.Double(block.getMaxX(), sy, layout.plus().getX() - 8, layout.plus().getY()));
    String value = DisplayNumbers.four(b.inputs().at(index));
    String weight = DisplayNumbers.four(b.weights().at(index));
    String product = DisplayNumbers.four(b.products().at(index));
    hits.text("hover value", value);
    hits.text("hover weight", weight);
    hits.text("hover product", product);
    String where =
        src.mapping().isPresent()
            ? "element "
                + index
                + " = pixel ("
                + cell.row()
                + ", "
                + cell.column()
                + ") of channel "
                + cell.channel()
            : "element " + index;
    String math = value + " × weight " + weight + " = " + product;
    hits.text("hover", where + " = " + math);
    if (slot != null) {
      Font bold = small.deriveFont(Font.BOLD);
      double lh = Draw.lineHeight(g, bold);
      Draw.text(
          g,
          Draw.fit(g, where, bold, slot.getWidth()),
          slot.getX(),
          slot.getY() + lh - 4,
          bold,
          s.foreground());
      Draw.text(
          g,
          Draw.fit(g, "= " + math, bold, slot.getWidth()),
          slot.getX(),
          slot.getY() + 2 * lh - 4,
          bold,
          s.foreground());
    }
  }

  /** The notes, the logit and probability texts and the hover slot, placed once per layout. */
  record Plan(
      Layout layout,
      ElasticPainter.NotePlan notes,
      Point2D logitSpot,
      Point2D probabilitySpot,
      Rectangle2D hoverSlot) {}

  static Plan plan(Graphics2D g, VizStyle s, UnfoldGeometry geo, Source src, Layout layout) {
    Notes notes =
        new Notes(
            g, s, new HitMap(), new Rectangle2D.Double(4, 4, geo.width() - 8, geo.height() - 8));
    geo.labels().forEach(notes::occupyText);
    // The legend row (the two legends at the source column), or all of the strip under the nodes.
    notes.occupyText(
        geo.bottom() + 12 + LegendBar.HEIGHT - 10 <= geo.height()
            ? new Rectangle2D.Double(
                geo.sourceX() - 14, geo.bottom(), 2 * LegendBar.WIDTH + 44, LegendBar.HEIGHT + 4)
            : new Rectangle2D.Double(0, geo.bottom(), geo.width(), geo.height() - geo.bottom()));
    int channels = layout.maps().length;
    Rectangle2D first = layout.maps()[0].createUnion(layout.blocks()[0]);
    Rectangle2D column = (Rectangle2D) first.clone();
    for (int c = 1; c < channels; c++) {
      column.add(layout.maps()[c].createUnion(layout.blocks()[c]));
    }
    notes.occupy(column);
    Point2D plus = layout.plus();
    // The fan of weight edges into the plus sign.
    notes.occupy(
        new Rectangle2D.Double(
            column.getMaxX(),
            Math.min(column.getY(), plus.getY() - 8),
            plus.getX() + 8 - column.getMaxX(),
            Math.max(column.getMaxY(), plus.getY() + 8)
                - Math.min(column.getY(), plus.getY() - 8)));
    String biasText = "bias " + DisplayNumbers.two(src.breakdown().bias());
    double biasHalf =
        Draw.width(g, biasText, s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f)) / 2;
    notes.occupy(
        new Rectangle2D.Double(
            plus.getX() - Math.max(8, biasHalf),
            Math.min(plus.getY() - 8, layout.bias().getY() - 22),
            2 * Math.max(8, biasHalf),
            Math.abs(plus.getY() - layout.bias().getY()) + 32));
    notes.occupy(layout.box());
    notes.occupy(geo.targetBox());
    notes.occupy(
        new Rectangle2D.Double(
            plus.getX(), plus.getY() - 4, geo.targetBox().getX() - plus.getX(), 8));
    Font small = s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f);
    var fm = g.getFontMetrics(small);
    double lh = fm.getAscent() + fm.getDescent();
    Rectangle2D box = layout.box();
    // "logit 8.64" over the edges into the softmax box, "p = 0.8798" under the box (or near).
    List<Notes.Placed> placed = new ArrayList<>();
    // What the softmax box does, right at it; then the logit and the probability around it.
    add(
        placed,
        notes.place(
            "softmax",
            "Click to see how softmax makes probabilities",
            new Point2D.Double(layout.box().getCenterX(), layout.box().getMaxY()),
            List.of(
                new Point2D.Double(layout.box().getX(), layout.box().getMaxY() + 6),
                new Point2D.Double(layout.box().getX(), layout.box().getY() - 34))));
    String logitText = "logit " + DisplayNumbers.two(src.breakdown().preActivation());
    Point2D logitSpot =
        spot(
            notes,
            fm,
            Draw.width(g, logitText, small),
            lh,
            new double[][] {
              {box.getMaxX() - Draw.width(g, logitText, small), box.getY() - 4 - lh},
              {box.getX(), box.getMaxY() + 4},
              {box.getMaxX() - Draw.width(g, logitText, small), box.getY() - 8 - 2 * lh}
            });
    // "p = 0.8798" over the edge from the softmax box to the class (the room leaves space for it).
    String probText = "p = " + DisplayNumbers.four(src.breakdown().outputValue());
    Font boldSmall = small.deriveFont(Font.BOLD);
    double pw = Draw.width(g, probText, boldSmall);
    double between = (box.getMaxX() + geo.targetBox().getX()) / 2;
    Rectangle2D prob =
        new Rectangle2D.Double(between - pw / 2, plus.getY() - 5 - fm.getAscent(), pw, lh);
    notes.occupyText(prob);
    Point2D probSpot = new Point2D.Double(prob.getX(), plus.getY() - 5);
    add(
        placed,
        notes.place(
            "read",
            "Each map is read row by row, channel after channel, into one long vector",
            new Point2D.Double(layout.blocks()[0].getCenterX(), layout.blocks()[0].getY()),
            List.of(
                new Point2D.Double(layout.blocks()[0].getX(), layout.blocks()[0].getY() - 50))));
    add(
        placed,
        notes.place(
            "sum",
            "Each element × its weight (the edge colour), all added, plus the bias: the logit",
            new Point2D.Double(plus.getX(), plus.getY() + 8),
            List.of(new Point2D.Double(plus.getX() - 60, plus.getY() + 40))));
    // Room for the hovered element's numbers, two lines.
    Rectangle2D hoverSlot = null;
    for (double y = 4; y + 2 * lh + 4 < geo.bottom() && hoverSlot == null; y += 6) {
      for (double x = 4; x + 300 < geo.width() - 4; x += 10) {
        Rectangle2D r = new Rectangle2D.Double(x, y, 300, 2 * (lh + 2));
        if (notes.isFree(r)) {
          hoverSlot = r;
          break;
        }
      }
    }
    if (hoverSlot != null) {
      notes.occupy(hoverSlot);
    }
    add(
        placed,
        notes.place(
            "hover",
            "Hover over a strip or a pixel to see where it comes from",
            new Point2D.Double(column.getCenterX(), column.getMaxY()),
            List.of(new Point2D.Double(column.getX(), column.getMaxY() + 6))));
    return new Plan(layout, new ElasticPainter.NotePlan(placed), logitSpot, probSpot, hoverSlot);
  }

  /** The baseline point of the first free spot among {@code corners}, now occupied; or null. */
  private static Point2D spot(
      Notes notes, java.awt.FontMetrics fm, double w, double h, double[][] corners) {
    for (double[] c : corners) {
      Rectangle2D r = new Rectangle2D.Double(c[0], c[1], w, h);
      if (notes.isFree(r)) {
        notes.occupyText(r);
        return new Point2D.Double(c[0], c[1] + fm.getAscent());
      }
    }
    return null;
  }

  private static void add(List<Notes.Placed> placed, Notes.Placed note) {
    if (note != null) {
      placed.add(note);
    }
  }
}
