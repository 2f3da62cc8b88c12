package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Paints the k×k arithmetic of one channel of a {@link ConvolutionStep} as three small matrices:
 * the window's values × the kernel's weights (cell by cell) = the products, and their sum. On one
 * row when the width allows, else the products go on a second row (stateless).
 */
final class KernelMath {
  static final double CELL_H = 18;
  private static final double SYMBOL = 18;

  private KernelMath() {}

  /** The block's layout for {@code step} within {@code maxWidth}. */
  record Layout(double cellW, boolean oneRow, double width, double height) {}

  static Layout layout(
      Graphics2D g, VizStyle s, ConvolutionStep step, int channel, double maxWidth) {
    Font font = font(s);
    int kh = step.kernel().shape().height();
    int kw = step.kernel().shape().width();
    double cellW = 30;
    for (int i = channel * kh * kw; i < (channel + 1) * kh * kw; i++) {
      cellW = Math.max(cellW, Draw.width(g, DisplayNumbers.two(step.window().at(i)), font) + 8);
      cellW = Math.max(cellW, Draw.width(g, DisplayNumbers.two(step.kernel().at(i)), font) + 8);
      cellW = Math.max(cellW, Draw.width(g, DisplayNumbers.two(step.products().at(i)), font) + 8);
    }
    double matrix = kw * cellW;
    double sum = Math.max(ConvolutionFormulaView.BOX_W, cellW + 10);
    double oneRow = 3 * matrix + 3 * SYMBOL + Draw.width(g, "Σ", font) + 8 + sum;
    double caption = Draw.lineHeight(g, font);
    if (oneRow <= maxWidth) {
      return new Layout(cellW, true, oneRow, caption + kh * CELL_H);
    }
    double twoRows = Math.max(2 * matrix + SYMBOL, SYMBOL + matrix + SYMBOL + 8 + sum);
    return new Layout(cellW, false, twoRows, caption + 2 * kh * CELL_H + 8);
  }

  private static Font font(VizStyle s) {
    return s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f);
  }

  /**
   * Paints at {@code (x, y)}; {@code scales} are the input, kernel and intermediate scales. Returns
   * the block's height.
   */
  static double paint(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      ConvolutionStep step,
      int channel,
      ColorScale[] scales,
      Color padColor,
      double x,
      double y,
      Layout layout) {
    Font font = font(s);
    Font bold = font.deriveFont(Font.BOLD);
    int kh = step.kernel().shape().height();
    int kw = step.kernel().shape().width();
    double caption = Draw.lineHeight(g, font);
    Draw.text(
        g,
        "window values × kernel weights = products, then their sum",
        x,
        y + caption - 4,
        font,
        s.muted());
    double top = y + caption;
    double cw = layout.cellW();
    Tensor window = step.window();
    Tensor kernel = step.kernel();
    Tensor products = step.products();
    double mx = x;
    matrix(
        g,
        hits,
        kh,
        kw,
        cw,
        mx,
        top,
        font,
        "value",
        channel,
        (ky, kx) -> {
          int i = (channel * kh + ky) * kw + kx;
          return step.isPadding(ky, kx) ? padColor : Draw.color(scales[0], window.at(i));
        },
        window);
    mx += kw * cw;
    mx += symbol(g, s, "×", mx, top + kh * CELL_H / 2, bold);
    matrix(
        g,
        hits,
        kh,
        kw,
        cw,
        mx,
        top,
        font,
        "weight",
        channel,
        (ky, kx) -> Draw.color(scales[1], kernel.at((channel * kh + ky) * kw + kx)),
        kernel);
    mx += kw * cw;
    double py = top;
    if (!layout.oneRow()) {
      mx = x;
      py = top + kh * CELL_H + 8;
    }
    mx += symbol(g, s, "=", mx, py + kh * CELL_H / 2, bold);
    matrix(
        g,
        hits,
        kh,
        kw,
        cw,
        mx,
        py,
        font,
        "product",
        channel,
        (ky, kx) -> Draw.color(scales[2], products.at((channel * kh + ky) * kw + kx)),
        products);
    mx += kw * cw + 4;
    mx += Draw.text(g, "Σ", mx, py + kh * CELL_H / 2 + 5, bold, s.foreground()) + 4;
    double sum = step.channelSums().at(channel);
    String sumText = DisplayNumbers.two(sum);
    double sw = Math.max(ConvolutionFormulaView.BOX_W, cw + 10);
    Draw.valueCell(
        g,
        new Rectangle2D.Double(mx, py + kh * CELL_H / 2 - CELL_H / 2 - 1, sw, CELL_H + 2),
        Draw.color(scales[2], sum),
        sumText,
        bold);
    hits.text("sum", sumText);
    return layout.height();
  }

  private interface CellColor {
    Color at(int ky, int kx);
  }

  private static void matrix(
      Graphics2D g,
      HitMap hits,
      int kh,
      int kw,
      double cw,
      double x,
      double y,
      Font font,
      String role,
      int channel,
      CellColor fill,
      Tensor values) {
    for (int ky = 0; ky < kh; ky++) {
      for (int kx = 0; kx < kw; kx++) {
        String text = DisplayNumbers.two(values.at((channel * kh + ky) * kw + kx));
        Rectangle2D box = new Rectangle2D.Double(x + kx * cw, y + ky * CELL_H, cw, CELL_H);
        Draw.valueCell(g, box, fill.at(ky, kx), text, font);
        hits.text(role + " " + ky + " " + kx, text);
        if (role.equals("weight")) { // the weights can be edited: one region per cell
          hits.add(HitMap.Kind.WEIGHT, (channel * kh + ky) * kw + kx, box);
        }
      }
    }
  }

  private static double symbol(Graphics2D g, VizStyle s, String text, double x, double cy, Font f) {
    double w = Draw.width(g, text, f);
    Draw.text(g, text, x + (SYMBOL - w) / 2, cy + 5, f, s.foreground());
    return SYMBOL;
  }
}
