package org.cnnexplainer.viz.overview;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

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
        + (plan.showDims() ? small.getHeight() : 0);
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

  static void paint(
      Graphics2D g,
      OverviewLayout layout,
      OverviewSnapshot s,
      Plan plan,
      FontMetrics label,
      FontMetrics small) {
    double first = 6 + label.getAscent();
    for (int c = 0; c < layout.columns.size(); c++) {
      if (plan.stagger() && plan.rows()[c] < 0) {
        continue; // no room on either line
      }
      double baseline = first + (plan.stagger() ? plan.rows()[c] * label.getHeight() : 0);
      g.setColor(s.style().foreground());
      g.setFont(label.getFont());
      centred(g, plan.names()[c], centre(layout, c), baseline);
      if (plan.showDims()) {
        g.setColor(s.style().muted());
        g.setFont(small.getFont());
        centred(g, layout.columns.get(c).dims(), centre(layout, c), baseline + small.getHeight());
      }
    }
    paintInputCaptions(g, layout, s, small);
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
        g.setColor(OverviewPainter.RGB_WORDS[i]);
      } else {
        word = input.nodes() == 1 ? "Grey" : "Ch " + i;
        g.setColor(s.style().muted());
      }
      double total = italic.stringWidth(word + rest);
      float x = (float) (boxes[i].getCenterX() - total / 2);
      float y = (float) (boxes[i].getMaxY() + 3 + italic.getAscent());
      g.drawString(word, x, y);
      g.setColor(s.style().muted());
      g.drawString(rest, x + italic.stringWidth(word), y);
    }
  }

  private static void centred(Graphics2D g, String text, double centre, double baseline) {
    float x = (float) (centre - g.getFontMetrics().stringWidth(text) / 2.0);
    g.drawString(text, x, (float) baseline);
  }
}
