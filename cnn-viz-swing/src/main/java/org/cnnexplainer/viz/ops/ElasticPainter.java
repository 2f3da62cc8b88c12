package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.overview.UnfoldGeometry;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Paints the convolution elastic view from a snapshot into its {@link UnfoldGeometry} (stateless;
 * see {@link ConvolutionElasticView}): kernel glyphs, input and intermediate maps, dashed flow
 * edges that march while the window slides, the plus sign and the bias, the output map, the
 * intermediate column's label, the legends and the notes.
 */
final class ElasticPainter {
  /** Everything one paint needs. */
  record Snapshot(
      ActivationTrace trace,
      Conv2D conv,
      int layerIndex,
      int filter,
      ConvolutionNeuron neuron,
      LayerRanges ranges,
      Palette palette,
      double fraction,
      int hoverChannel,
      int openChannel,
      UnfoldGeometry geometry,
      ElasticLayout layout,
      double alpha,
      double dashPhase,
      boolean detail) {}

  private ElasticPainter() {}

  static void paint(Graphics2D g, VizStyle s, HitMap hits, Snapshot f, NotePlan notes) {
    if (f.alpha() <= 0) {
      return;
    }
    Composite old = Draw.fade(g, f.alpha());
    ActivationTrace trace = f.trace();
    Conv2D conv = f.conv();
    ConvolutionNeuron n = f.neuron();
    ElasticLayout layout = f.layout();
    UnfoldGeometry geo = f.geometry();
    Font small = s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f);
    double range = f.ranges().range(f.layerIndex());
    ColorScale inScale =
        OpColors.inputScale(
            trace, f.layerIndex(), f.palette(), OpColors.sharedRange(f.ranges(), f.layerIndex()));
    ColorScale outScale = ColorScale.diverging(f.palette().activations(), range);
    // The intermediate maps are partial sums, much smaller than the layer's output; a scale of
    // their own (the unit-range formula over all of them) keeps them legible and comparable.
    ColorScale interScale =
        ColorScale.diverging(f.palette().activations(), unitRange(n.intermediates()));
    Tensor kernel = n.kernel();
    ColorScale kScale = OpColors.kernelScale(f.palette(), kernel, 0, kernel.size());
    Tensor input = trace.inputOf(f.layerIndex());
    Tensor inter = n.intermediates();
    Shape outShape = inter.shape();
    SlidingWindow frame = SlidingWindow.at(f.fraction(), outShape.height(), outShape.width());
    hits.text("revealed", Integer.toString(frame.revealed()));
    Point2D plus = layout.plus();
    Rectangle2D outBox = layout.output();
    Stroke dashes = new Stroke(f.dashPhase());

    for (int i = 0; i < layout.channels().length; i++) {
      int c = layout.channels()[i];
      Rectangle2D inBox = layout.inputs()[i];
      Rectangle2D interBox = layout.intermediates()[i];
      Rectangle2D glyph = layout.glyphs()[i];
      if (c == f.hoverChannel() || c == f.openChannel()) {
        g.setColor(VizStyle.mix(s.background(), s.foreground(), c == f.openChannel() ? 0.2 : 0.1));
        g.fill(
            new RoundRectangle2D.Double(
                glyph.getX() - 5,
                inBox.getY() - 4,
                interBox.getMaxX() + 5 - glyph.getX() + 5,
                inBox.getHeight() + 8,
                10,
                10));
      }
      // Flow edges input -> intermediate -> plus.
      g.setColor(s.grid());
      g.setStroke(dashes.stroke());
      g.draw(
          new Line2D.Double(
              inBox.getMaxX(), inBox.getCenterY(), interBox.getX(), inBox.getCenterY()));
      double midX = (interBox.getMaxX() + plus.getX() - 8) / 2;
      g.draw(
          new CubicCurve2D.Double(
              interBox.getMaxX(),
              interBox.getCenterY(),
              midX,
              interBox.getCenterY(),
              midX,
              plus.getY(),
              plus.getX() - 8,
              plus.getY()));
      Rectangle2D inMap = map(inBox, input.shape());
      Rectangle2D interMap = map(interBox, outShape);
      int channel = c;
      paintMap(g, inMap, input.shape(), (r, col) -> inScale.rgb(input.get(channel, r, col)), -1);
      blank(g, s, interMap, frame);
      paintMap(
          g,
          interMap,
          outShape,
          (r, col) -> interScale.rgb(inter.get(channel, r, col)),
          frame.revealed());
      glyph(g, kernel, c, kScale, glyph);
      hits.add(
          HitMap.Kind.CHANNEL,
          c,
          new Rectangle2D.Double(
              glyph.getX(), inBox.getY(), inBox.getMaxX() - glyph.getX(), inBox.getHeight()));
      glyphCells(hits, kernel, c, glyph);
      hits.add(HitMap.Kind.INTERMEDIATE, c, interMap);
      g.setColor(s.grid());
      g.setStroke(new BasicStroke(c == f.openChannel() ? 2f : 1f));
      g.draw(inMap);
      g.draw(interMap);
      if (!frame.finished()) {
        int top = conv.windowTop(input.shape(), frame.row());
        int left = conv.windowLeft(input.shape(), frame.column());
        double ch = inMap.getHeight() / input.shape().height();
        double cw = inMap.getWidth() / input.shape().width();
        Draw.outline(
            g,
            atLeast(
                new Rectangle2D.Double(
                    inMap.getX() + left * cw,
                    inMap.getY() + top * ch,
                    conv.kernelWidth() * cw,
                    conv.kernelHeight() * ch),
                5),
            s.foreground(),
            1f);
        windowCell(g, s, interMap, outShape, frame);
      }
      if (layout.pages() > 1) { // which channel this row shows, above its flow edge
        Font tiny = s.textFont().deriveFont(s.textFont().getSize2D() * 0.75f);
        Draw.text(g, "#" + c, inBox.getMaxX() + 3, inBox.getCenterY() - 3, tiny, s.muted());
      }
    }
    // Plus, bias, output.
    g.setColor(s.grid());
    g.setStroke(dashes.stroke());
    g.draw(new Line2D.Double(plus.getX() + 8, plus.getY(), outBox.getX(), plus.getY()));
    Draw.plus(g, plus.getX(), plus.getY(), 16, s);
    Point2D biasAt = layout.bias();
    double dir = Math.signum(biasAt.getY() - plus.getY());
    g.setColor(s.grid());
    g.setStroke(new BasicStroke(1f));
    g.draw(
        new Line2D.Double(
            plus.getX(), plus.getY() + 8 * dir, plus.getX(), biasAt.getY() - 5 * dir));
    Ellipse2D dot = new Ellipse2D.Double(biasAt.getX() - 5, biasAt.getY() - 5, 10, 10);
    g.setColor(Draw.color(kScale, n.bias()));
    g.fill(dot);
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(0.8f));
    g.draw(dot);
    String bias = "bias " + DisplayNumbers.two(n.bias());
    double biasW = Draw.width(g, bias, small);
    double biasY = dir > 0 ? biasAt.getY() + 18 : biasAt.getY() - 9;
    Draw.text(g, bias, biasAt.getX() - biasW / 2, biasY, small, s.foreground());
    hits.add(HitMap.Kind.BIAS, 0, dot.getBounds2D());
    hits.text("bias", DisplayNumbers.two(n.bias()));
    Tensor out = n.output();
    Rectangle2D outMap = map(outBox, outShape);
    g.setColor(s.background());
    g.fill(outBox);
    blank(g, s, outMap, frame);
    paintMap(g, outMap, outShape, (r, col) -> outScale.rgb(out.get(0, r, col)), frame.revealed());
    g.setColor(s.selection());
    g.setStroke(new BasicStroke(2f));
    g.draw(outMap);
    if (!frame.finished()) {
      windowCell(g, s, outMap, outShape, frame);
    }
    hits.add(HitMap.Kind.OUTPUT_CELL, 0, outShape.height(), outShape.width(), outMap);

    // The intermediate column's label, its shape and the animation button.
    List<Rectangle2D> taken = new ArrayList<>(geo.labels());
    Rectangle2D label =
        columnLabel(g, s, hits, geo, "intermediate", f.detail() ? dims(outShape) : null, taken);
    if (label != null) {
      animationButtonAt(g, s, hits, label.getMaxX() + 4, label.getY(), f.fraction());
      taken.add(label);
    }
    if (layout.pager() != null) {
      pager(g, s, hits, layout, n.intermediates().shape().channels(), small);
    }
    double legendsRight =
        legends(g, s, hits, f, geo, layout, inScale, interScale, outScale, kScale);
    notes.draw(g, s, hits);
    g.setComposite(old);
    hits.text("legends right", Double.toString(legendsRight));
  }

  /** The dashed stroke of the flow edges, shifted by {@code phase} px (the marching ants). */
  private record Stroke(double phase) {
    BasicStroke stroke() {
      return new BasicStroke(
          1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 2}, (float) phase);
    }
  }

  /**
   * The column label centred over the intermediate column on the overview's label line, with the
   * shape below it when there is room; left out when it would touch another label.
   */
  private static Rectangle2D columnLabel(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      UnfoldGeometry geo,
      String name,
      String dims,
      List<Rectangle2D> taken) {
    Font bold = s.textFont().deriveFont(Font.BOLD);
    Font small = s.textFont().deriveFont(s.textFont().getSize2D() * 0.75f);
    double centre = geo.middleX() + geo.elastic() / 2;
    double baseline = geo.labelBaseline();
    double w = Draw.width(g, name, bold);
    var fm = g.getFontMetrics(bold);
    Rectangle2D box =
        new Rectangle2D.Double(
            centre - w / 2, baseline - fm.getAscent(), w, fm.getAscent() + fm.getDescent());
    Rectangle2D withDims = (Rectangle2D) box.clone();
    if (dims != null) {
      double dw = Draw.width(g, dims, small);
      var sm = g.getFontMetrics(small);
      double dBase = baseline + Math.max(sm.getHeight(), fm.getDescent() + sm.getAscent());
      withDims.add(
          new Rectangle2D.Double(
              centre - dw / 2, dBase - sm.getAscent(), dw, sm.getAscent() + sm.getDescent()));
    }
    // Centred over the column if it can; else moved towards the plus sign as far as needed.
    double shift = 0;
    double maxShift = Math.max(0, geo.plusX() - 20 - box.getMaxX());
    Rectangle2D withButton = // the animation button follows the label
        new Rectangle2D.Double(box.getX(), box.getY(), box.getWidth() + 22, box.getHeight());
    while (shift <= maxShift && !clear(moved(withButton, shift), taken)) {
      shift += 2;
    }
    if (shift > maxShift) {
      return null;
    }
    centre += shift;
    box = moved(box, shift);
    withDims = moved(withDims, shift);
    boolean dimsFit = dims != null && clear(withDims, taken) && withDims.getMaxY() < geo.top();
    Rectangle2D used = dimsFit ? withDims : box;
    Draw.text(g, name, centre - w / 2, baseline, bold, s.foreground());
    hits.text("intermediate caption", name + (dimsFit ? " " + dims : ""));
    if (dimsFit) {
      var sm = g.getFontMetrics(small);
      Draw.text(
          g,
          dims,
          centre - Draw.width(g, dims, small) / 2,
          baseline + Math.max(sm.getHeight(), g.getFontMetrics(bold).getDescent() + sm.getAscent()),
          small,
          s.muted());
    }
    return used;
  }

  private static Rectangle2D moved(Rectangle2D r, double dx) {
    return new Rectangle2D.Double(r.getX() + dx, r.getY(), r.getWidth(), r.getHeight());
  }

  private static boolean clear(Rectangle2D r, List<Rectangle2D> taken) {
    for (Rectangle2D t : taken) {
      if (t.intersects(r.getX() - 4, r.getY(), r.getWidth() + 8, r.getHeight())) {
        return false;
      }
    }
    return true;
  }

  /** "◂ 11–20 · + 44 more ▸": which page of channels is shown, with buttons to the others. */
  private static void pager(
      Graphics2D g, VizStyle s, HitMap hits, ElasticLayout layout, int count, Font small) {
    Rectangle2D row = layout.pager();
    double x = row.getX();
    double baseline = row.getY() + 13;
    Font arrows = small.deriveFont(Font.BOLD);
    if (layout.page() > 0) {
      Draw.text(g, "◂", x + 2, baseline, arrows, s.foreground());
      hits.add(
          HitMap.Kind.BUTTON,
          ConvolutionElasticView.PREVIOUS_PAGE,
          new Rectangle2D.Double(x, row.getY(), 14, row.getHeight()));
      x += 16;
    }
    int before = layout.page() * layout.perPage();
    int shown = layout.channels().length;
    int after = count - before - shown;
    String text =
        layout.page() == 0
            ? "+ " + after + " more"
            : (before + 1)
                + "–"
                + (before + shown)
                + (after > 0 ? " · + " + after + " more" : " of " + count);
    x += Draw.text(g, text, x, baseline, small, s.muted()) + 4;
    hits.text("pager", text);
    if (after > 0) {
      Draw.text(g, "▸", x + 2, baseline, arrows, s.foreground());
      hits.add(
          HitMap.Kind.BUTTON,
          ConvolutionElasticView.NEXT_PAGE,
          new Rectangle2D.Double(x, row.getY(), 14, row.getHeight()));
    }
  }

  /**
   * The legends in the row under the nodes (when the overview left room for one): the input (for
   * the first layer), intermediate, output and kernel scales. Returns the right end.
   */
  private static double legends(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      Snapshot f,
      UnfoldGeometry geo,
      ElasticLayout layout,
      ColorScale inScale,
      ColorScale interScale,
      ColorScale outScale,
      ColorScale kScale) {
    boolean first = OpColors.readsInput(f.trace().network(), f.layerIndex());
    Rectangle2D row = legendRow(geo, layout, first);
    if (row == null) {
      return 0; // no room under the nodes (details off)
    }
    double y = geo.bottom() + 12;
    double gap = LEGEND_GAP;
    int count = first ? 4 : 3;
    double width = (row.getWidth() - (count - 1) * gap) / count;
    double x = row.getX();
    if (first) {
      x +=
          LegendBar.paint(
                  g, s, hits, "input", inScale, f.trace().inputOf(f.layerIndex()), x, y, width)
              + gap;
    }
    x +=
        LegendBar.paint(
                g, s, hits, "intermediate", interScale, f.neuron().intermediates(), x, y, width)
            + gap;
    x += LegendBar.paint(g, s, hits, "output", outScale, f.neuron().output(), x, y, width) + gap;
    x += LegendBar.paint(g, s, hits, "kernel", kScale, f.neuron().kernel(), x, y, width);
    return x;
  }

  private static final double LEGEND_GAP = 20;

  /**
   * Where the legends go under the nodes (input legend first for the first layer), or {@code null}
   * when the overview left no room for them.
   */
  static Rectangle2D legendRow(UnfoldGeometry geo, ElasticLayout layout, boolean first) {
    double y = geo.bottom() + 12;
    if (y + LegendBar.HEIGHT - 10 > geo.height()) {
      return null;
    }
    int count = first ? 4 : 3;
    double x = Math.max(8, layout.glyphs()[0].getX());
    double room = geo.width() - 8 - x;
    double width =
        Math.max(70, Math.min(LegendBar.WIDTH, (room - (count - 1) * LEGEND_GAP) / count));
    double total = count * width + (count - 1) * LEGEND_GAP;
    if (x + total > geo.width() - 8) {
      x = Math.max(8, geo.width() - 8 - total);
    }
    return new Rectangle2D.Double(x, y - 12, total, LegendBar.HEIGHT + 4);
  }

  /** What the notes must keep clear of, and where they may go. */
  static Notes notesFor(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      UnfoldGeometry geo,
      ElasticLayout layout,
      boolean first) {
    Notes notes =
        new Notes(g, s, hits, new Rectangle2D.Double(4, 4, geo.width() - 8, geo.height() - 8));
    Rectangle2D legends = legendRow(geo, layout, first);
    notes.occupyText(
        legends != null
            ? legends
            : new Rectangle2D.Double(0, geo.bottom(), geo.width(), geo.height() - geo.bottom()));
    geo.labels().forEach(notes::occupyText);
    double e = geo.elastic();
    for (int i = 0; i < layout.channels().length; i++) {
      Rectangle2D row =
          new Rectangle2D.Double(
              layout.glyphs()[i].getX(),
              layout.inputs()[i].getY(),
              layout.intermediates()[i].getMaxX() - layout.glyphs()[i].getX(),
              e);
      notes.occupy(row);
    }
    // The fan of edges into the plus sign, the plus, the bias and the output.
    Rectangle2D top = layout.intermediates()[0];
    Rectangle2D bottom = layout.intermediates()[layout.intermediates().length - 1];
    notes.occupy(
        new Rectangle2D.Double(
            top.getMaxX(),
            Math.min(top.getY(), layout.plus().getY() - 8),
            layout.plus().getX() + 8 - top.getMaxX(),
            Math.max(bottom.getMaxY(), layout.plus().getY() + 8)
                - Math.min(top.getY(), layout.plus().getY() - 8)));
    notes.occupy(
        new Rectangle2D.Double(
            layout.plus().getX() - 40,
            Math.min(layout.plus().getY(), layout.bias().getY()) - 22,
            80,
            Math.abs(layout.plus().getY() - layout.bias().getY()) + 44));
    notes.occupy(layout.output());
    notes.occupy(
        new Rectangle2D.Double(
            layout.plus().getX(),
            layout.plus().getY() - 4,
            layout.output().getX() - layout.plus().getX(),
            8));
    if (layout.pager() != null) {
      notes.occupy(layout.pager());
    }
    // The intermediate column's label on the overview's label line.
    notes.occupyText(
        new Rectangle2D.Double(
            geo.middleX() - 60, 0, geo.elastic() + 120, geo.labelBaseline() + 20));
    return notes;
  }

  /**
   * The four notes of the view, placed once per layout (our own words for spec §1C #27): what the
   * kernel is, that each input channel has its own, how the intermediate map arises (and that a
   * click shows the arithmetic), and that the maps and the bias are added.
   */
  static NotePlan planNotes(
      Graphics2D g,
      VizStyle s,
      UnfoldGeometry geo,
      ElasticLayout layout,
      Conv2D conv,
      boolean first) {
    Notes notes = notesFor(g, s, new HitMap(), geo, layout, first);
    List<Notes.Placed> placed = new ArrayList<>();
    Rectangle2D g0 = layout.glyphs()[0];
    Rectangle2D gl = layout.glyphs()[layout.glyphs().length - 1];
    Rectangle2D i0 = layout.intermediates()[0];
    Point2D plus = layout.plus();
    add(
        placed,
        notes.place(
            "kernel",
            "This "
                + conv.kernelHeight()
                + "×"
                + conv.kernelWidth()
                + " kernel holds weights the network learned",
            new Point2D.Double(g0.getX(), g0.getCenterY()),
            List.of(
                new Point2D.Double(g0.getX() - 200, g0.getY() - 40),
                new Point2D.Double(g0.getX() - 200, g0.getY()))));
    if (layout.channels().length > 1) {
      add(
          placed,
          notes.place(
              "channels",
              "Each input channel has its own kernel: hover one to read its weights",
              new Point2D.Double(gl.getX(), gl.getCenterY()),
              List.of(new Point2D.Double(gl.getX() - 200, gl.getMaxY() + 6))));
    }
    add(
        placed,
        notes.place(
            "slide",
            "The kernel slides over its input channel; each stop gives one value of this intermediate"
                + " map. Click a pair to see the arithmetic",
            new Point2D.Double(i0.getCenterX(), i0.getY()),
            List.of(new Point2D.Double(i0.getX(), i0.getY() - 60))));
    add(
        placed,
        notes.place(
            "sum",
            "Add the intermediate maps up, then add the bias"
                + (conv.activation().isElementwise() && conv.activation() != Activation.LINEAR
                    ? " and apply " + conv.activation().tfjsName()
                    : "")
                + ": that is this neuron's output",
            new Point2D.Double(plus.getX(), plus.getY() - 8),
            List.of(new Point2D.Double(plus.getX() - 40, plus.getY() - 90))));
    return new NotePlan(placed);
  }

  private static void add(List<Notes.Placed> placed, Notes.Placed note) {
    if (note != null) {
      placed.add(note);
    }
  }

  /** Notes placed once for a layout and drawn on every paint. */
  record NotePlan(List<Notes.Placed> notes) {
    static final NotePlan NONE = new NotePlan(List.of());

    void draw(Graphics2D g, VizStyle s, HitMap hits) {
      Notes drawer = new Notes(g, s, hits, new Rectangle2D.Double());
      notes.forEach(drawer::draw);
    }
  }

  /** The part of a square node box a map of {@code shape} fills, keeping its aspect ratio. */
  static Rectangle2D map(Rectangle2D box, Shape shape) {
    double w = box.getWidth();
    double h = box.getHeight();
    if (shape.width() >= shape.height()) {
      h = w * shape.height() / shape.width();
    } else {
      w = h * shape.width() / shape.height();
    }
    return new Rectangle2D.Double(
        box.getX() + (box.getWidth() - w) / 2, box.getY() + (box.getHeight() - h) / 2, w, h);
  }

  /** {@code r} grown around its centre to at least {@code min} px, so a window stays visible. */
  static Rectangle2D atLeast(Rectangle2D r, double min) {
    double w = Math.max(r.getWidth(), min);
    double h = Math.max(r.getHeight(), min);
    return new Rectangle2D.Double(r.getCenterX() - w / 2, r.getCenterY() - h / 2, w, h);
  }

  /** {@code 2 * (0.1 + round3(max |v|))}, the original's unit range. */
  static double unitRange(Tensor values) {
    double maxAbs = Math.max(Math.abs(values.min()), Math.abs(values.max()));
    return 2 * (0.1 + Math.round(maxAbs * 1000) / 1000.0);
  }

  static String dims(Shape shape) {
    return "(" + shape.height() + ", " + shape.width() + ", " + shape.channels() + ")";
  }

  /** The empty-node colour under a map the sliding window has not finished (as in the overview). */
  private static void blank(Graphics2D g, VizStyle s, Rectangle2D map, SlidingWindow frame) {
    if (!frame.finished()) {
      g.setColor(VizStyle.mix(s.background(), s.foreground(), 0.06));
      g.fill(map);
    }
  }

  /**
   * Draws a map scaled into {@code box}; cells at row-major index >= {@code revealed} stay blank.
   */
  private static void paintMap(
      Graphics2D g, Rectangle2D box, Shape shape, IntBinaryOperator rgb, int revealed) {
    int rows = shape.height();
    int cols = shape.width();
    BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        boolean shown = revealed < 0 || r * cols + c < revealed;
        image.setRGB(c, r, shown ? 0xff000000 | rgb.applyAsInt(r, c) : 0);
      }
    }
    Graphics2D copy = (Graphics2D) g.create();
    copy.translate(box.getX(), box.getY());
    copy.scale(box.getWidth() / cols, box.getHeight() / rows);
    copy.drawImage(image, 0, 0, null);
    copy.dispose();
  }

  private static void windowCell(
      Graphics2D g, VizStyle s, Rectangle2D box, Shape shape, SlidingWindow frame) {
    double ch = box.getHeight() / shape.height();
    double cw = box.getWidth() / shape.width();
    Draw.outline(
        g,
        atLeast(
            new Rectangle2D.Double(
                box.getX() + frame.column() * cw, box.getY() + frame.row() * ch, cw, ch),
            4),
        s.foreground(),
        1f);
  }

  /** One {@link HitMap.Kind#WEIGHT} region per cell of channel {@code c}'s glyph in {@code box}. */
  private static void glyphCells(HitMap hits, Tensor kernel, int c, Rectangle2D box) {
    int kh = kernel.shape().height();
    int kw = kernel.shape().width();
    double cell = box.getWidth() / Math.max(kh, kw);
    for (int r = 0; r < kh; r++) {
      for (int col = 0; col < kw; col++) {
        hits.add(
            HitMap.Kind.WEIGHT,
            (c * kh + r) * kw + col,
            new Rectangle2D.Double(box.getX() + col * cell, box.getY() + r * cell, cell, cell));
      }
    }
  }

  /** The kernel glyph of channel {@code c} in {@code box}. */
  private static void glyph(Graphics2D g, Tensor kernel, int c, ColorScale scale, Rectangle2D box) {
    int kh = kernel.shape().height();
    int kw = kernel.shape().width();
    double cell = box.getWidth() / Math.max(kh, kw);
    Draw.grid(
        g, box.getX(), box.getY(), cell, kh, kw, (r, col) -> scale.rgb(kernel.get(c, r, col)));
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(0.6f));
    g.draw(new Rectangle2D.Double(box.getX(), box.getY(), kw * cell, kh * cell));
  }

  private static void animationButtonAt(
      Graphics2D g, VizStyle s, HitMap hits, double x, double y, double fraction) {
    Rectangle2D box = new Rectangle2D.Double(x, y, 16, 16);
    hits.add(HitMap.Kind.BUTTON, ConvolutionElasticView.ANIMATION_BUTTON, box);
    boolean running = fraction < 1;
    hits.text("button", running ? "skip to end" : "replay");
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(1.2f));
    double cx = box.getCenterX();
    double cy = box.getCenterY();
    if (running) {
      Path2D.Double p = new Path2D.Double();
      p.moveTo(cx - 6, cy - 5);
      p.lineTo(cx, cy);
      p.lineTo(cx - 6, cy + 5);
      p.closePath();
      p.moveTo(cx, cy - 5);
      p.lineTo(cx + 6, cy);
      p.lineTo(cx, cy + 5);
      p.closePath();
      g.fill(p);
    } else {
      g.draw(new Arc2D.Double(cx - 6, cy - 6, 12, 12, 60, 290, Arc2D.OPEN));
      Path2D.Double p = new Path2D.Double();
      p.moveTo(cx + 2, cy - 8);
      p.lineTo(cx + 6, cy - 5);
      p.lineTo(cx + 2, cy - 2);
      p.closePath();
      g.fill(p);
    }
  }
}
