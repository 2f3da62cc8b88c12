package org.cnnexplainer.viz.overview;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * Draws the column labels (long name and shape in detail mode, short name otherwise) and the input
 * channel captions. When long names would overlap, short ones are used; when those still overlap,
 * labels spread over two lines, and a label with room on neither is left out.
 */
final class LabelPainter {
  private LabelPainter() {}

  /**
   * What the labels of one layout look like.
   *
   * @param names the label of each column
   * @param rows the line (0 or 1) of each column's label, or {@code null} when all are on line 0
   * @param showDims whether the shape line is drawn under the names
   */
  record Plan(String[] names, int[] rows, boolean showDims) {
    boolean stagger() {
      return rows != null;
    }
  }

  static Plan plan(OverviewLayout layout, boolean detail, FontMetrics label, FontMetrics small) {
    int n = layout.columns.size();
    String[] names = new String[n];
    String[] dims = new String[n];
    for (int c = 0; c < n; c++) {
      ColumnSpec col = layout.columns.get(c);
      names[c] = detail ? col.name() : col.shortName();
      dims[c] = col.dims();
    }
    if (detail && !fits(layout, names, label, 1)) {
      for (int c = 0; c < n; c++) {
        names[c] = layout.columns.get(c).shortName();
      }
    }
    boolean stagger = !fits(layout, names, label, 1);
    boolean showDims = detail && !stagger && fits(layout, dims, small, 1);
    return new Plan(names, stagger ? rows(layout, names, label) : null, showDims);
  }

  /**
   * Greedy: each label goes on the first line where it clears the last label on that line; a label
   * that clears neither line is left out ({@code -1}) rather than drawn over another; the hover
   * line still names the layer of every neuron.
   */
  private static int[] rows(OverviewLayout layout, String[] names, FontMetrics fm) {
    int[] rows = new int[names.length];
    double[] rightEdge = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int c = 0; c < names.length; c++) {
      double half = fm.stringWidth(names[c]) / 2.0;
      double left = centre(layout, c) - half;
      int row = left >= rightEdge[0] + 6 ? 0 : left >= rightEdge[1] + 6 ? 1 : -1;
      rows[c] = row;
      if (row >= 0) {
        rightEdge[row] = centre(layout, c) + half;
      }
    }
    return rows;
  }

  /** Height of the label area above the nodes for {@code plan}. */
  static double height(Plan plan, FontMetrics label, FontMetrics small) {
    return 10
        + label.getHeight() * (plan.stagger() ? 2 : 1)
        + (plan.showDims() ? small.getHeight() + 1 : 0);
  }

  private static boolean fits(OverviewLayout layout, String[] texts, FontMetrics fm, int step) {
    for (int c = 0; c + step < texts.length; c++) {
      double space = centre(layout, c + step) - centre(layout, c);
      double needed = (fm.stringWidth(texts[c]) + fm.stringWidth(texts[c + step])) / 2.0 + 6;
      if (needed > space) {
        return false;
      }
    }
    return true;
  }

  static double centre(OverviewLayout layout, int c) {
    return layout.x[c] + Math.min(layout.node, layout.columnWidth[c]) / 2;
  }

  /** Baseline of the shape line under a label drawn in {@code face} at {@code baseline}. */
  static double dimsBaseline(double baseline, FontMetrics face, FontMetrics small) {
    return baseline + Math.max(small.getHeight(), face.getDescent() + small.getAscent());
  }

  /** Baseline of the first label line. */
  static double firstBaseline(FontMetrics label) {
    return 6 + label.getAscent();
  }

  /**
   * Paints the labels of {@code layout}. While an unfolding is open ({@code unfold} not null) the
   * labels of the two columns that take part are bold on the first line, with their full names when
   * those fit beside each other and the explanation's own column, and are drawn only when {@code
   * front} (after the veil); the others fade out with the veil ({@code veil} 0 to 1) and are drawn
   * when not {@code front}. Every drawn label is recorded in {@code hits}.
   */
  static void paint(
      Graphics2D g,
      OverviewLayout layout,
      OverviewSnapshot s,
      Plan plan,
      OverviewPainter.Fonts fonts,
      UnfoldLayout unfold,
      double veil,
      List<HitMap.Label> hits,
      boolean front) {
    FontMetrics label = fonts.label();
    FontMetrics small = fonts.small();
    double first = firstBaseline(label);
    Composite old = g.getComposite();
    Unfolded open =
        unfold == null
            ? null
            : unfolded(layout, plan, fonts, unfold.source(), unfold.target(), middleOf(unfold));
    String[] names = open == null ? plan.names() : open.names();
    for (int c = 0; c < layout.columns.size(); c++) {
      boolean involved = unfold != null && unfold.involves(c);
      if (involved != front) {
        continue;
      }
      double alpha = unfold == null || involved ? 1 : 1 - veil;
      int row = involved ? open.rows()[c] : plan.stagger() ? plan.rows()[c] : 0;
      if (alpha <= 0 || row < 0) {
        continue; // veiled, or no room on either line
      }
      double baseline = first + row * label.getHeight();
      FontMetrics face = involved ? fonts.bold() : label;
      g.setComposite(
          alpha < 1 ? AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha) : old);
      g.setColor(s.style().foreground());
      g.setFont(face.getFont());
      String name = names[c];
      double centre = centre(layout, c);
      centred(g, name, centre, baseline);
      ColumnSpec col = layout.columns.get(c);
      Rectangle2D box = textBox(face, name, centre, baseline);
      if (plan.showDims()) {
        g.setColor(s.style().muted());
        g.setFont(small.getFont());
        double dims = dimsBaseline(baseline, face, small);
        centred(g, col.dims(), centre, dims);
        box.add(textBox(small, col.dims(), centre, dims));
      }
      LayerChanges changes = s.changes();
      String note = changes == null ? "" : changes.note(col.layer());
      if (!note.isEmpty()) {
        // A dot after the name: filled where the weights were edited, a ring where only the
        // output changed.
        double r = Math.max(2.5, face.getAscent() / 5.0);
        Ellipse2D dot =
            new Ellipse2D.Double(
                box.getMaxX() + 2, baseline - face.getAscent() / 2.0 - r, 2 * r, 2 * r);
        g.setColor(s.style().selection());
        if (changes.weights().get(col.layer())) {
          g.fill(dot);
        } else {
          Stroke stroke = g.getStroke();
          g.setStroke(new BasicStroke(1.2f));
          g.draw(dot);
          g.setStroke(stroke);
        }
        box.add(dot.getBounds2D());
      }
      if (alpha >= 0.5) {
        hits.add(new HitMap.Label(col.layer(), box, col.name() + " " + col.dims() + note, name));
      }
    }
    g.setComposite(old);
    if (!front && (unfold == null || veil < 1)) {
      if (unfold != null) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (1 - veil)));
      }
      paintInputCaptions(g, layout, s, small);
      g.setComposite(old);
    }
  }

  /**
   * The labels while an unfolding is open: names and lines of the two columns that take part (the
   * others are veiled).
   */
  record Unfolded(String[] names, int[] rows) {}

  /**
   * The two columns that take part get their full names on the first line when those clear each
   * other and the explanation's column between them; else the plan's names, on two lines when there
   * are two, else the source's label is left out (its tooltip still names it).
   */
  static Unfolded unfolded(
      OverviewLayout layout, Plan plan, OverviewPainter.Fonts fonts, int a, int b, double middle) {
    String[] names = plan.names().clone();
    int[] rows = new int[names.length];
    FontMetrics bold = fonts.bold();
    String fullA = layout.columns.get(a).name();
    String fullB = layout.columns.get(b).name();
    if (gap(layout, bold, a, fullA, b, fullB) > 12
        && clearOfMiddle(layout, bold, a, b, middle, fullA, fullB)) {
      names[a] = fullA;
      names[b] = fullB;
    } else if (gap(layout, bold, a, names[a], b, names[b]) < 6) {
      if (plan.stagger()) {
        rows[b] = 1;
      } else {
        rows[a] = -1;
      }
    }
    return new Unfolded(names, rows);
  }

  /** Space between column {@code a}'s label and column {@code b}'s on one line. */
  private static double gap(
      OverviewLayout layout, FontMetrics fm, int a, String nameA, int b, String nameB) {
    return centre(layout, b)
        - fm.stringWidth(nameB) / 2.0
        - (centre(layout, a) + fm.stringWidth(nameA) / 2.0);
  }

  /**
   * The centre of the column an unfolding adds between its two, or NaN when it adds a label-less
   * one.
   */
  static double middleOf(UnfoldLayout unfold) {
    UnfoldGeometry geo = unfold.geometry();
    return middleOf(geo.unfolding().kind(), geo.middleX(), geo.elastic());
  }

  /** The centre of the labelled column a {@code kind} unfolding adds at {@code x}, else NaN. */
  static double middleOf(Unfolding.Kind kind, double x, double width) {
    return kind == Unfolding.Kind.CONVOLUTION ? x + width / 2 : Double.NaN;
  }

  /**
   * Whether the labels of columns {@code a} and {@code b} leave room for the "intermediate" label
   * centred at {@code middle} between them (always, when {@code middle} is NaN).
   */
  private static boolean clearOfMiddle(
      OverviewLayout layout,
      FontMetrics bold,
      int a,
      int b,
      double middle,
      String nameA,
      String nameB) {
    if (Double.isNaN(middle)) {
      return true;
    }
    double left = centre(layout, a) + bold.stringWidth(nameA) / 2.0;
    double right = centre(layout, b) - bold.stringWidth(nameB) / 2.0;
    double half = bold.stringWidth("intermediate") / 2.0 + 24; // and its button
    return middle - half - left > 10 && right - (middle + half) > 10;
  }

  /** Where column {@code c}'s label goes while an unfolding is open (bold), if it is drawn. */
  static List<Rectangle2D> unfoldedLabelBounds(
      OverviewLayout layout, Unfolded open, Plan plan, OverviewPainter.Fonts fonts, int c) {
    if (open.rows()[c] < 0) {
      return List.of();
    }
    double baseline = firstBaseline(fonts.label()) + open.rows()[c] * fonts.label().getHeight();
    double centre = centre(layout, c);
    Rectangle2D box = textBox(fonts.bold(), open.names()[c], centre, baseline);
    if (plan.showDims()) {
      box.add(
          textBox(
              fonts.small(),
              layout.columns.get(c).dims(),
              centre,
              dimsBaseline(baseline, fonts.bold(), fonts.small())));
    }
    return List.of(box);
  }

  private static Rectangle2D textBox(FontMetrics fm, String text, double centre, double baseline) {
    double w = fm.stringWidth(text);
    return new Rectangle2D.Double(
        centre - w / 2, baseline - fm.getAscent(), w, fm.getAscent() + fm.getDescent());
  }

  private static void paintInputCaptions(
      Graphics2D g, OverviewLayout layout, OverviewSnapshot s, FontMetrics fm) {
    ColumnSpec input = layout.columns.get(0);
    Rectangle2D[] boxes = layout.boxes[0];
    double gap = boxes.length > 1 ? boxes[1].getY() - boxes[0].getMaxY() : layout.node;
    if (gap < fm.getHeight() + 2) {
      return; // no room between the nodes
    }
    g.setFont(fm.getFont().deriveFont(Font.ITALIC));
    FontMetrics italic = g.getFontMetrics();
    for (int i = 0; i < boxes.length; i++) {
      String word;
      String rest = " channel";
      if (input.nodes() == 3) {
        word = new String[] {"Red", "Green", "Blue"}[i];
        g.setColor(s.style().channelWords().get(i));
      } else {
        word = input.nodes() == 1 ? "Grey" : "Ch " + i;
        g.setColor(s.style().muted());
      }
      double total = italic.stringWidth(word + rest);
      float x = (float) (boxes[i].getCenterX() - total / 2);
      float y = (float) (boxes[i].getMaxY() + 3 + italic.getAscent());
      TextLog.draw(g, word, x, y);
      g.setColor(s.style().muted());
      TextLog.draw(g, rest, x + italic.stringWidth(word), y);
    }
  }

  private static void centred(Graphics2D g, String text, double centre, double baseline) {
    TextLog.draw(g, text, centre - g.getFontMetrics().stringWidth(text) / 2.0, baseline);
  }
}
