package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.Palette;

/**
 * Draws "[s0] + [s1] + … + bias [b] = [pre] → act → [out]" as a wrapping line of value cells: the
 * convolution's per-channel sums, the bias and the neuron's value, all from a {@link
 * ConvolutionStep}.
 */
final class SumLine {
  private final Graphics2D g;
  private final OpStyle s;
  private final ViewHits hits;
  private final double left;
  private final double right;
  private final Font font;
  private final Font bold;
  private double x;
  private double y;

  SumLine(
      Graphics2D g,
      OpStyle s,
      ViewHits hits,
      double left,
      double top,
      double right,
      Font font,
      Font bold) {
    this.g = g;
    this.s = s;
    this.hits = hits;
    this.left = left;
    this.right = Math.max(right, left + 300);
    this.font = font;
    this.bold = bold;
    this.x = left;
    this.y = top;
  }

  void terms(
      ConvolutionStep step,
      int highlight,
      ColorScale scale,
      ColorScale outputScale,
      Palette palette) {
    int channels = step.channelSums().size();
    for (int c = 0; c < channels; c++) {
      float v = step.channelSums().at(c);
      String text = DisplayNumbers.two(v);
      Rectangle2D box = cell(Draw.color(scale, v), text, c == highlight ? bold : font);
      if (c == highlight) {
        Draw.outline(g, box, s.foreground(), 1.5f);
      }
      hits.text("channelSum " + c, text);
      symbol(c < channels - 1 ? "+" : "+ bias");
    }
    String bias = DisplayNumbers.two(step.bias());
    // The bias shares the scale of the neuron's whole kernel (spec §2.6), so it is comparable.
    ColorScale kernelScale = OpColors.kernelScale(palette, step.kernel(), 0, step.kernel().size());
    cell(Draw.color(kernelScale, step.bias()), bias, font);
    hits.text("bias", bias);
    symbol("=");
    String pre = DisplayNumbers.two(step.preActivation());
    cell(Draw.color(outputScale, step.preActivation()), pre, bold);
    hits.text("preActivation", pre);
    if (step.activation() != Activation.LINEAR) {
      symbol("→ " + step.activation().tfjsName() + " →");
      String out = DisplayNumbers.two(step.output());
      cell(Draw.color(outputScale, step.output()), out, bold);
      hits.text("output", out);
    } else {
      hits.text("output", pre);
    }
  }

  private Rectangle2D cell(Color fill, String text, Font f) {
    double w = Math.max(ConvolutionFormulaView.BOX_W, Draw.width(g, text, f) + 10);
    wrap(w);
    Rectangle2D box = new Rectangle2D.Double(x, y, w, ConvolutionFormulaView.BOX_H);
    Draw.valueCell(g, box, fill, text, f);
    x += w + 4;
    return box;
  }

  private void symbol(String text) {
    double w = Draw.width(g, text, bold);
    wrap(w);
    Draw.text(g, text, x, y + 16, bold, s.foreground());
    x += w + 6;
  }

  private void wrap(double w) {
    if (x + w > right && x > left) {
      x = left;
      y += ConvolutionFormulaView.BOX_H + 14;
    }
  }
}
