package org.cnnexplainer.viz.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.cnnexplainer.viz.color.ColorMap;
import org.cnnexplainer.viz.color.ColorMaps;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Draws a confusion matrix as a heat-map with counts: rows are the true classes, columns the
 * predicted ones. A cell's colour is its share of the row (of that class's images): blues on the
 * diagonal (right), oranges off it (mistakes), so the eye finds the big mistakes at once.
 */
final class ConfusionPainter {
  /** Light to dark blue (ColorBrewer Blues): correct predictions. */
  static final ColorMap BLUES =
      ColorMap.spline(
          "Blues", "f7fbff", "deebf7", "c6dbef", "9ecae1", "6baed6", "4292c6", "2171b5", "08519c",
          "08306b");

  private static final int PAD = 8;

  /** What to paint: class names, counts, and the hovered and focused cells (or -1). */
  record Snapshot(
      List<String> labels,
      int[][] counts,
      int hoverRow,
      int hoverCol,
      int focusRow,
      int focusCol) {}

  /** Where each cell was painted: {@code cells[actual][predicted]}; empty without data. */
  record Layout(Rectangle2D[][] cells) {}

  private ConfusionPainter() {}

  /** The colour of a cell holding {@code share} of its row. */
  static Color cellColor(boolean diagonal, double share) {
    double t = Math.min(1, Math.max(0, share));
    // Off-diagonal shares are small; a square root makes a 5 % mistake visible.
    return diagonal ? BLUES.color(0.05 + 0.95 * t) : ColorMaps.ORANGES.color(Math.sqrt(t) * 0.95);
  }

  static Layout paint(Graphics2D g, Snapshot s, TrainingStyle style, int width, int height) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(style.background());
    g.fillRect(0, 0, width, height);
    int n = s.labels().size();
    if (n == 0) {
      g.setColor(style.muted());
      g.setFont(style.font());
      g.drawString("No evaluation yet", PAD, PAD + g.getFontMetrics().getAscent());
      return new Layout(new Rectangle2D[0][0]);
    }
    Font font = style.font();
    Font small = font.deriveFont(font.getSize2D() - 1);
    g.setFont(small);
    FontMetrics fm = g.getFontMetrics();
    int longest = 0;
    for (String label : s.labels()) {
      longest = Math.max(longest, fm.stringWidth(label));
    }
    int lineHeight = fm.getHeight();
    int left = PAD + lineHeight + PAD + longest + PAD; // axis title, row labels
    int top = PAD + lineHeight + PAD; // axis title
    int legendHeight = lineHeight * 2 + 10;
    int bottom = (int) Math.ceil(longest * Math.sin(Math.PI / 4)) + lineHeight + PAD + legendHeight;
    double cell = Math.min((width - left - PAD) / (double) n, (height - top - bottom) / (double) n);
    cell = Math.max(4, Math.floor(cell));
    double gridWidth = cell * n;
    // Centred in a wide area: everything moves right by half the width left over.
    double shift = Math.max(0, Math.floor((width - PAD - left - gridWidth) / 2));
    g.translate(shift, 0);
    double x0 = left;
    double y0 = top;

    // Axis titles.
    g.setFont(font);
    g.setColor(style.foreground());
    FontMetrics titleMetrics = g.getFontMetrics();
    String predicted = "predicted class";
    g.drawString(
        predicted,
        (float) (x0 + (gridWidth - titleMetrics.stringWidth(predicted)) / 2),
        PAD + titleMetrics.getAscent());
    AffineTransform saved = g.getTransform();
    String actual = "true class";
    g.rotate(-Math.PI / 2);
    g.drawString(
        actual,
        (float) -(y0 + (gridWidth + titleMetrics.stringWidth(actual)) / 2),
        PAD + titleMetrics.getAscent());
    g.setTransform(saved);

    // Cells with counts.
    int maxCount = 0;
    for (int[] row : s.counts()) {
      for (int c : row) {
        maxCount = Math.max(maxCount, c);
      }
    }
    Font countFont =
        font.deriveFont(
            Font.PLAIN, (float) Math.min(font.getSize2D() * 1.5, Math.max(6, cell * 0.3)));
    g.setFont(countFont);
    FontMetrics cm = g.getFontMetrics();
    boolean counts = cm.stringWidth(Integer.toString(maxCount)) <= cell - 4 && cell >= 14;
    Rectangle2D[][] cells = new Rectangle2D[n][n];
    for (int r = 0; r < n; r++) {
      long total = 0;
      for (int c = 0; c < n; c++) {
        total += s.counts()[r][c];
      }
      for (int c = 0; c < n; c++) {
        Rectangle2D box = new Rectangle2D.Double(x0 + c * cell, y0 + r * cell, cell, cell);
        cells[r][c] = box;
        int count = s.counts()[r][c];
        double share = total == 0 ? 0 : count / (double) total;
        Color fill = count == 0 ? style.background() : cellColor(r == c, share);
        g.setColor(fill);
        g.fill(box);
        if (counts && count > 0) {
          String text = Integer.toString(count);
          g.setColor(VizStyle.textOn(fill));
          g.drawString(
              text,
              (float) (box.getCenterX() - cm.stringWidth(text) / 2.0),
              (float) (box.getCenterY() + (cm.getAscent() - cm.getDescent()) / 2.0));
        }
      }
    }
    g.setColor(style.grid());
    g.setStroke(new BasicStroke(1f));
    for (int i = 0; i <= n; i++) {
      g.draw(new java.awt.geom.Line2D.Double(x0, y0 + i * cell, x0 + gridWidth, y0 + i * cell));
      g.draw(new java.awt.geom.Line2D.Double(x0 + i * cell, y0, x0 + i * cell, y0 + gridWidth));
    }
    outline(g, cells, s.hoverRow(), s.hoverCol(), style.foreground(), 1.5f);
    outline(g, cells, s.focusRow(), s.focusCol(), style.selection(), 2.5f);

    // Row labels (true classes) and column labels (predicted classes, slanted).
    g.setFont(small);
    g.setColor(style.foreground());
    for (int r = 0; r < n; r++) {
      String label = s.labels().get(r);
      g.drawString(
          label,
          (float) (x0 - PAD - fm.stringWidth(label)),
          (float) (y0 + (r + 0.5) * cell + (fm.getAscent() - fm.getDescent()) / 2.0));
    }
    for (int c = 0; c < n; c++) {
      String label = s.labels().get(c);
      double ax = x0 + (c + 0.5) * cell;
      double ay = y0 + gridWidth + 6;
      g.translate(ax, ay);
      g.rotate(-Math.PI / 4);
      g.drawString(label, (float) -fm.stringWidth(label), (float) fm.getAscent());
      g.setTransform(saved);
    }

    // Legend: what the colours mean.
    double legendY = y0 + gridWidth + bottom - legendHeight;
    legend(g, style, fm, x0, legendY, "correct", true);
    legend(g, style, fm, x0 + Math.max(150, gridWidth / 2), legendY, "mistaken as", false);
    g.translate(-shift, 0);
    for (Rectangle2D[] row : cells) {
      for (Rectangle2D box : row) {
        box.setRect(box.getX() + shift, box.getY(), box.getWidth(), box.getHeight());
      }
    }
    return new Layout(cells);
  }

  private static void legend(
      Graphics2D g,
      TrainingStyle style,
      FontMetrics fm,
      double x,
      double y,
      String title,
      boolean diagonal) {
    g.setColor(style.muted());
    g.drawString(title + " (share of the true class)", (float) x, (float) (y + fm.getAscent()));
    double barY = y + fm.getHeight() + 2;
    g.drawString("0 %", (float) x, (float) (barY + 8));
    double barX = x + fm.stringWidth("0 %") + 4;
    int steps = 40;
    double barWidth = 100;
    for (int i = 0; i < steps; i++) {
      g.setColor(cellColor(diagonal, (i + 0.5) / steps));
      g.fill(new Rectangle2D.Double(barX + i * barWidth / steps, barY, barWidth / steps + 0.5, 8));
    }
    g.setColor(style.muted());
    g.drawString("100 %", (float) (barX + barWidth + 4), (float) (barY + 8));
  }

  private static void outline(
      Graphics2D g, Rectangle2D[][] cells, int row, int col, Color color, float width) {
    if (row < 0 || col < 0 || row >= cells.length || col >= cells.length) {
      return;
    }
    Rectangle2D box = cells[row][col];
    g.setColor(color);
    g.setStroke(new BasicStroke(width));
    g.draw(
        new Rectangle2D.Double(
            box.getX() + width / 2,
            box.getY() + width / 2,
            box.getWidth() - width,
            box.getHeight() - width));
  }
}
