package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Draws "[s0] + [s1] + … + bias [b] = [pre] → act → [out]" as a wrapping line of value cells: the
 * convolution's per-channel sums, the bias and the neuron's value, all from a {@link
 * ConvolutionStep}. When the terms of every channel would need more than the lines allowed, the
 * first ones (and the highlighted one) are shown with "… N more" for the rest (stateless).
 */
final class SumLine {
  static final double ROW = ConvolutionFormulaView.BOX_H + 10;

  /** One cell or symbol of the line. */
  private record Item(String text, Color fill, Font font, boolean outlined, String role) {
    boolean isCell() {
      return fill != null;
    }
  }

  private SumLine() {}

  /**
   * Paints (when {@code draw}) the line between {@code left} and {@code right} from {@code top}, in
   * at most {@code maxLines} lines; returns the bottom of the last line.
   */
  static double paint(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      ConvolutionStep step,
      int highlight,
      ColorScale[] scales,
      Palette palette,
      double left,
      double top,
      double right,
      int maxLines,
      boolean draw) {
    Font font = s.textFont().deriveFont(s.textFont().getSize2D() * 0.9f);
    Font bold = font.deriveFont(Font.BOLD);
    int channels = step.channelSums().size();
    List<Item> items = items(step, highlight, scales, palette, font, bold, channels);
    for (int shown = channels - 1; lines(g, items, left, right) > maxLines && shown > 0; shown--) {
      items = items(step, highlight, scales, palette, font, bold, shown);
    }
    double x = left;
    double y = top;
    for (Item item : items) {
      double w = width(g, item);
      if (x + w > right && x > left) {
        x = left;
        y += ROW;
      }
      if (draw) {
        if (item.isCell()) {
          Rectangle2D box = new Rectangle2D.Double(x, y, w - 4, ConvolutionFormulaView.BOX_H);
          Draw.valueCell(g, box, item.fill(), item.text(), item.font());
          if (item.outlined()) {
            Draw.outline(g, box, s.foreground(), 1.5f);
          }
          if ("bias".equals(item.role())) {
            hits.add(HitMap.Kind.BIAS, 0, box);
          }
        } else {
          Draw.text(g, item.text(), x, y + 14, item.font(), s.foreground());
        }
        if (item.role() != null) {
          hits.text(item.role(), item.text());
        }
      }
      x += w;
    }
    if (draw && step.activation() == Activation.LINEAR) {
      hits.text("output", DisplayNumbers.two(step.preActivation()));
    }
    return y + ConvolutionFormulaView.BOX_H;
  }

  /** The items with the terms of the first {@code shown} channels (and the highlighted one). */
  private static List<Item> items(
      ConvolutionStep step,
      int highlight,
      ColorScale[] scales,
      Palette palette,
      Font font,
      Font bold,
      int shown) {
    int channels = step.channelSums().size();
    List<Item> items = new ArrayList<>();
    int hidden = 0;
    for (int c = 0; c < channels; c++) {
      if (c >= shown && c != highlight) {
        hidden++;
        continue;
      }
      float v = step.channelSums().at(c);
      boolean mark = c == highlight;
      items.add(
          new Item(
              DisplayNumbers.two(v),
              Draw.color(scales[0], v),
              mark ? bold : font,
              mark,
              "channelSum " + c));
      items.add(new Item("+", null, bold, false, null));
    }
    if (hidden > 0) {
      items.add(new Item("… " + hidden + " more +", null, font, false, null));
    }
    items.add(new Item("bias", null, font, false, null));
    ColorScale kernelScale = OpColors.kernelScale(palette, step.kernel(), 0, step.kernel().size());
    items.add(
        new Item(
            DisplayNumbers.two(step.bias()),
            Draw.color(kernelScale, step.bias()),
            font,
            false,
            "bias"));
    items.add(new Item("=", null, bold, false, null));
    items.add(
        new Item(
            DisplayNumbers.two(step.preActivation()),
            Draw.color(scales[1], step.preActivation()),
            bold,
            false,
            "preActivation"));
    if (step.activation() != Activation.LINEAR) {
      items.add(new Item("→ " + step.activation().tfjsName() + " →", null, bold, false, null));
      items.add(
          new Item(
              DisplayNumbers.two(step.outputValue()),
              Draw.color(scales[1], step.outputValue()),
              bold,
              false,
              "output"));
    }
    return items;
  }

  private static int lines(Graphics2D g, List<Item> items, double left, double right) {
    double x = left;
    int lines = 1;
    for (Item item : items) {
      double w = width(g, item);
      if (x + w > right && x > left) {
        x = left;
        lines++;
      }
      x += w;
    }
    return lines;
  }

  private static double width(Graphics2D g, Item item) {
    double text = Draw.width(g, item.text(), item.font());
    return item.isCell() ? Math.max(ConvolutionFormulaView.BOX_W, text + 10) + 4 : text + 6;
  }
}
