package org.cnnexplainer.viz.ops;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
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

/** Paints the flatten elastic view from a snapshot (stateless; see {@link FlattenView}). */
final class FlattenPainter {
  /** Everything one paint needs. */
  record Snapshot(
      ActivationTrace trace,
      Network network,
      int classIndex,
      LayerRanges ranges,
      Palette palette,
      int hoverPosition,
      boolean softmaxOpen) {}

  static final double TOP = FlattenView.TOP;
  static final double GAP = FlattenView.GAP;

  private FlattenPainter() {}

  static void paint(Graphics2D g, OpStyle s, ViewHits hits, Snapshot f) {
    ActivationTrace trace = f.trace();
    DenseBreakdown b = DenseBreakdown.of(trace, (f.network().layers().size() - 1), f.classIndex());
    Optional<FlattenMapping> mapping = b.flatten();
    Shape src =
        mapping.map(FlattenMapping::sourceShape).orElse(Shape.image(1, b.inputs().size(), 1));
    int channels = src.channels();
    int plane = src.height() * src.width();
    double t = FlattenView.tile(channels);
    Font font = s.font();
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    Font bold = font.deriveFont(Font.BOLD);
    int sourceLayer =
        mapping.map(m -> m.layerIndex() - 1).orElse((f.network().layers().size() - 1) - 1);
    double range = sourceLayer >= 0 ? f.ranges().range(sourceLayer) : 1;
    ColorScale valueScale = ColorScale.diverging(f.palette().activations(), range);
    double maxW = 0;
    for (int i = 0; i < b.weights().size(); i++) {
      maxW = Math.max(maxW, Math.abs(b.weights().at(i)));
    }
    double rw = 2 * Math.max(Math.round(maxW * 1000) / 1000.0, 1e-3);
    ColorScale edgeScale = ColorScale.gapped(f.palette().weights(), rw, 0.35);
    ColorScale strongScale = ColorScale.gapped(f.palette().weights(), rw, 0.1);

    double mapX = 20;
    double colX = mapX + t + 110;
    double plusX = colX + 20 + 170;
    double middleY = TOP + channels * (t + GAP) / 2 - GAP / 2;
    String srcName = sourceLayer >= 0 ? f.network().layer(sourceLayer).name() : "input";
    Draw.text(
        g,
        srcName + " (" + src.height() + ", " + src.width() + ", " + channels + ")",
        mapX,
        TOP - 24,
        small,
        s.muted());
    String caption = "flatten (" + b.inputs().size() + ")";
    Draw.text(g, caption, colX - 10, TOP - 24, small, s.muted());
    hits.text("flatten caption", caption);

    Tensor values = b.inputs();
    Composite old = g.getComposite();
    for (int c = 0; c < channels; c++) {
      double y = TOP + c * (t + GAP);
      Rectangle2D tileBox = new Rectangle2D.Double(mapX, y, t, t);
      int channel = c;
      Draw.grid(
          g,
          mapX,
          y,
          t / Math.max(src.height(), src.width()),
          src.height(),
          src.width(),
          (r, col) ->
              valueScale.rgb(
                  values.at(
                      indexOf(mapping, b, (channel * src.height() + r) * src.width() + col))));
      g.setColor(s.grid());
      g.setStroke(new BasicStroke(0.8f));
      g.draw(tileBox);
      hits.add(ViewHits.Kind.CHANNEL, c, src.height(), src.width(), tileBox);
      // Grey edges: each map row fans into its strips.
      g.setStroke(new BasicStroke(0.5f));
      g.setColor(OpStyle.mix(s.background(), s.foreground(), 0.15));
      for (int r = 0; r < src.height(); r++) {
        double rowY = y + (r + 0.5) * t / src.height();
        g.draw(new Line2D.Double(mapX + t, rowY, colX, rowY));
      }
      // The strips of this channel, aligned with its tile.
      Rectangle2D block = new Rectangle2D.Double(colX, y, 20, t);
      for (int k = 0; k < plane; k++) {
        int index = indexOf(mapping, b, c * plane + k);
        double sy = y + k * t / plane;
        g.setColor(Draw.color(valueScale, values.at(index)));
        g.fill(new Rectangle2D.Double(colX, sy, 20, t / plane + 0.4));
        // Weight edges to the plus sign, faint so 1000s of them stay readable.
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
        g.setColor(Draw.color(edgeScale, b.weights().at(index)));
        g.setStroke(new BasicStroke(0.6f));
        g.draw(new Line2D.Double(colX + 20, sy + t / plane / 2, plusX - 8, middleY));
        g.setComposite(old);
      }
      hits.add(ViewHits.Kind.STRIP, c, plane, 1, block);
    }
    if (f.hoverPosition() >= 0 && f.hoverPosition() < b.inputs().size()) {
      paintHover(g, f, s, hits, b, mapping, src, t, mapX, colX, plusX, middleY, strongScale, small);
    }
    // Plus, bias, softmax box, class.
    Draw.plus(g, plusX, middleY, 16, s);
    double biasY = middleY - 34;
    g.setColor(s.grid());
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(plusX, biasY + 5, plusX, middleY - 8));
    Ellipse2D dot = new Ellipse2D.Double(plusX - 5, biasY - 5, 10, 10);
    g.setColor(Draw.color(edgeScale, b.bias()));
    g.fill(dot);
    g.setColor(s.muted());
    g.draw(dot);
    String bias = "bias " + DisplayNumbers.two(b.bias());
    Draw.text(g, bias, plusX - Draw.width(g, bias, small) / 2, biasY - 9, small, s.foreground());
    hits.add(ViewHits.Kind.BIAS, 0, dot.getBounds2D());
    hits.text("bias", DisplayNumbers.two(b.bias()));

    double boxX = plusX + 40;
    RoundRectangle2D box = new RoundRectangle2D.Double(boxX, middleY - 10, 64, 20, 6, 6);
    g.setColor(s.grid());
    g.draw(new Line2D.Double(plusX + 8, middleY, boxX, middleY));
    g.setColor(f.softmaxOpen() ? OpStyle.mix(s.background(), s.highlight(), 0.25) : s.background());
    g.fill(box);
    g.setColor(s.foreground());
    g.draw(box);
    Draw.centered(g, "softmax", box.getCenterX(), box.getCenterY(), small);
    hits.add(ViewHits.Kind.SOFTMAX_BUTTON, 0, box.getBounds2D());
    Draw.text(g, "Click to see the softmax", boxX - 10, middleY + 26, small, s.muted());
    String label = f.network().classLabels().get(f.classIndex());
    String prob = DisplayNumbers.four(b.output());
    g.setColor(s.grid());
    g.draw(new Line2D.Double(boxX + 64, middleY, boxX + 84, middleY));
    Draw.text(g, label + " (" + prob + ")", boxX + 88, middleY + 5, bold, s.foreground());
    hits.text("probability", prob);

    String logit = DisplayNumbers.two(b.preActivation());
    hits.text("logit", logit);
    double ly = TOP + channels * (t + GAP) + 18;
    String line =
        "logit of "
            + label
            + " = Σ element × weight ("
            + b.inputs().size()
            + " products) + bias "
            + DisplayNumbers.two(b.bias())
            + " = "
            + logit;
    Draw.text(g, line, 20, ly, font, s.foreground());
    Draw.text(
        g,
        "Hover over a strip or a pixel to see where it comes from",
        20,
        ly + 20,
        small,
        s.muted());
    double lx = 20 + LegendBar.paint(g, s, hits, srcName, valueScale, values, 20, ly + 44) + 24;
    LegendBar.paint(g, s, hits, "weights to " + label, strongScale, b.weights(), lx, ly + 44);
  }

  private static int indexOf(Optional<FlattenMapping> mapping, DenseBreakdown b, int position) {
    return mapping.isPresent() ? b.inputAtDisplay(position) : position;
  }

  private static void paintHover(
      Graphics2D g,
      Snapshot f,
      OpStyle s,
      ViewHits hits,
      DenseBreakdown b,
      Optional<FlattenMapping> mapping,
      Shape src,
      double t,
      double mapX,
      double colX,
      double plusX,
      double middleY,
      ColorScale strong,
      Font small) {
    int index = indexOf(mapping, b, f.hoverPosition());
    Cell cell = mapping.map(m -> m.source(index)).orElse(new Cell(0, index, 0));
    int plane = src.height() * src.width();
    double y = TOP + cell.channel() * (t + GAP);
    double cellH = t / Math.max(src.height(), src.width());
    Draw.outline(
        g,
        new Rectangle2D.Double(
            mapX + cell.column() * cellH,
            y + cell.row() * cellH,
            Math.max(cellH, 3),
            Math.max(cellH, 3)),
        s.foreground(),
        1.2f);
    int k = cell.row() * src.width() + cell.column();
    double sy = y + (k + 0.5) * t / plane;
    g.setColor(s.foreground());
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(mapX + t, y + (cell.row() + 0.5) * cellH, colX, sy));
    Draw.outline(g, new Rectangle2D.Double(colX - 2, sy - 1.5, 24, 3), s.foreground(), 1f);
    g.setColor(Draw.color(strong, b.weights().at(index)));
    g.setStroke(new BasicStroke(2f));
    g.draw(new Line2D.Double(colX + 20, sy, plusX - 8, middleY));
    String value = DisplayNumbers.four(b.inputs().at(index));
    String weight = DisplayNumbers.four(b.weights().at(index));
    String product = DisplayNumbers.four(b.products().at(index));
    hits.text("hover value", value);
    hits.text("hover weight", weight);
    hits.text("hover product", product);
    String text =
        "element "
            + index
            + " = pixel ("
            + cell.row()
            + ", "
            + cell.column()
            + ") of channel "
            + cell.channel()
            + " = "
            + value
            + "  ×  weight "
            + weight
            + "  =  "
            + product;
    hits.text("hover", text);
    Draw.text(g, text, 20, TOP - 40, small.deriveFont(Font.BOLD), s.foreground());
  }
}
