package org.cnnexplainer.viz.ops;

import static org.cnnexplainer.viz.ops.ConvolutionFormulaView.BOX_H;
import static org.cnnexplainer.viz.ops.ConvolutionFormulaView.BOX_W;
import static org.cnnexplainer.viz.ops.ConvolutionFormulaView.ENTRY_W;
import static org.cnnexplainer.viz.ops.ConvolutionFormulaView.ROW_H;
import static org.cnnexplainer.viz.ops.ConvolutionFormulaView.TOP;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.viz.color.ColorScale;

/**
 * Paints the k×k arithmetic of one channel of a {@link ConvolutionStep}: {@code value × weight} per
 * window cell with its product underneath, {@code +} between them, {@code =} and the channel's sum
 * (stateless).
 */
final class KernelMath {
  private KernelMath() {}

  /**
   * Paints at {@code mx}; {@code scales} are the input, kernel and output scales. Returns the x of
   * the result box.
   */
  static double paint(
      Graphics2D g,
      OpStyle s,
      ViewHits hits,
      ConvolutionStep step,
      int channel,
      ColorScale[] scales,
      Color padColor,
      double mx) {
    ColorScale inScale = scales[0];
    ColorScale kScale = scales[1];
    ColorScale outScale = scales[2];
    Font font = s.font();
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    Font bold = font.deriveFont(Font.BOLD);
    int kh = step.kernel().shape().height();
    int kw = step.kernel().shape().width();
    Tensor window3 = step.window();
    Tensor kernel = step.kernel();
    Tensor products = step.products();
    Draw.text(g, "value × weight", mx, TOP - 8, font, s.muted());
    for (int ky = 0; ky < kh; ky++) {
      for (int kx = 0; kx < kw; kx++) {
        int i = (channel * kh + ky) * kw + kx;
        double x = mx + kx * ENTRY_W;
        double y = TOP + ky * ROW_H;
        String v = DisplayNumbers.two(window3.at(i));
        String w = DisplayNumbers.two(kernel.at(i));
        Color vFill = step.isPadding(ky, kx) ? padColor : Draw.color(inScale, window3.at(i));
        Draw.valueCell(g, new Rectangle2D.Double(x, y, BOX_W, BOX_H), vFill, v, font);
        Draw.text(g, "×", x + BOX_W + 3, y + 16, font, s.foreground());
        Draw.valueCell(
            g,
            new Rectangle2D.Double(x + BOX_W + 14, y, BOX_W, BOX_H),
            Draw.color(kScale, kernel.at(i)),
            w,
            font);
        boolean last = ky == kh - 1 && kx == kw - 1;
        Draw.text(g, last ? "=" : "+", x + 2 * BOX_W + 19, y + 16, bold, s.foreground());
        String p = "= " + DisplayNumbers.two(products.at(i));
        Draw.text(g, p, x + BOX_W / 2, y + BOX_H + 13, small, s.muted());
        hits.text("value " + ky + " " + kx, v);
        hits.text("weight " + ky + " " + kx, w);
        hits.text("product " + ky + " " + kx, DisplayNumbers.two(products.at(i)));
      }
    }
    double sum = step.channelSums().at(channel);
    String sumText = DisplayNumbers.two(sum);
    double rx = mx + kw * ENTRY_W + 4;
    double ry = TOP + (kh - 1) * ROW_H;
    Draw.valueCell(
        g,
        new Rectangle2D.Double(rx, ry, BOX_W + 6, BOX_H),
        Draw.color(outScale, sum),
        sumText,
        bold);
    hits.text("sum", sumText);
    return rx;
  }
}
