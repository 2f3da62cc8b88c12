package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/** Paints the hyperparameter playground from its settings and sample tensors (stateless). */
final class PlaygroundPainter {
  static final Dimension SIZE = new Dimension(760, 420);
  static final double AREA = 240;

  private PlaygroundPainter() {}

  static void paint(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      int width,
      ConvGeometry geo,
      Tensor input,
      Tensor kernel,
      Tensor output,
      int position,
      boolean playing) {
    g.setColor(s.background());
    g.fillRect(0, 0, Math.max(width, SIZE.width), SIZE.height * 2);
    Font font = s.textFont();
    Font bold = font.deriveFont(Font.BOLD);
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    String formula = "Output size = " + geo.formula();
    Draw.text(g, formula, 16, 22, bold, s.foreground());
    hits.text("formula", formula);
    Rectangle2D button = new Rectangle2D.Double(Math.max(width, 300) - 28, 6, 18, 18);
    hits.add(HitMap.Kind.BUTTON, SteppingView.PLAY_BUTTON, button);
    g.setColor(s.muted());
    g.draw(button);
    if (playing) {
      g.fill(new Rectangle2D.Double(button.getX() + 5, 10, 3, 10));
      g.fill(new Rectangle2D.Double(button.getX() + 10, 10, 3, 10));
    } else {
      Path2D.Double p = new Path2D.Double();
      p.moveTo(button.getX() + 6, 10);
      p.lineTo(button.getX() + 14, 15);
      p.lineTo(button.getX() + 6, 20);
      p.closePath();
      g.fill(p);
    }
    boolean valid = geo.isValid();
    if (!valid) {
      String problem = geo.problem().get();
      hits.text("problem", problem);
      wrapped(g, problem, 16, 40, Math.max(width, 400) - 32, font, s.error());
    }
    geo.note()
        .ifPresent(
            note -> {
              hits.text("note", note);
              wrapped(g, note, 16, 40, Math.max(width, 400) - 32, small, s.muted());
            });
    int size = geo.paddedSize();
    // Invalid settings still show the padded input and the kernel, without a window.
    int m = valid ? geo.outputSize() : 1;
    int row = valid ? position / m : -geo.paddedSize();
    int col = valid ? position % m : -geo.paddedSize();
    int k = geo.kernel();
    int top = row * geo.stride();
    int left = col * geo.stride();
    double cell = AREA / size;
    double x0 = 16;
    double y0 = 90;
    String inCaption =
        "Input ("
            + geo.input()
            + ", "
            + geo.input()
            + ") · after padding ("
            + size
            + ", "
            + size
            + ")";
    Draw.text(g, inCaption, x0, y0 - 10, small, s.foreground());
    Color plain = VizStyle.mix(s.background(), s.foreground(), 0.12);
    Color pad = VizStyle.mix(s.background(), s.foreground(), 0.32);
    Font cellFont = font.deriveFont((float) Math.max(7, Math.min(13, cell * 0.45)));
    int p = geo.padding();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean padding = y < p || x < p || y >= p + geo.input() || x >= p + geo.input();
        boolean inWindow = valid && y >= top && y < top + k && x >= left && x < left + k;
        Color fill = padding ? pad : plain;
        if (inWindow) {
          fill = VizStyle.mix(fill, s.window(), 0.5);
        }
        Rectangle2D box = new Rectangle2D.Double(x0 + x * cell, y0 + y * cell, cell, cell);
        String text = cell >= 12 ? DisplayNumbers.format(input.get(0, y, x), 0) : "";
        Draw.valueCell(g, box, fill, text, cellFont);
      }
    }
    hits.add(
        HitMap.Kind.INPUT_CELL,
        0,
        size,
        size,
        new Rectangle2D.Double(x0, y0, size * cell, size * cell));
    if (valid) {
      Draw.outline(
          g,
          new Rectangle2D.Double(x0 + left * cell, y0 + top * cell, k * cell, k * cell),
          s.window(),
          2f);
    }

    // The kernel.
    double kx = x0 + AREA + 30;
    double kc = Math.min(28, 150.0 / k);
    Font kernelFont = font.deriveFont((float) Math.max(7, Math.min(13, kc * 0.42)));
    Draw.text(g, "Kernel (" + k + ", " + k + ")", kx, y0 - 10, small, s.foreground());
    for (int y = 0; y < k; y++) {
      for (int x = 0; x < k; x++) {
        Draw.valueCell(
            g,
            new Rectangle2D.Double(kx + x * kc, y0 + y * kc, kc, kc),
            VizStyle.mix(s.background(), s.foreground(), 0.06),
            DisplayNumbers.format(kernel.at(y * k + x), 0),
            kernelFont);
      }
    }
    if (!valid) {
      return;
    }
    String value = DisplayNumbers.format(output.get(0, row, col), 0);
    hits.text("output value", value);
    double ty = y0 + k * kc + 24;
    Draw.text(g, "window at (" + top + ", " + left + ")", kx, ty, small, s.foreground());
    Draw.text(
        g, "→ output (" + row + ", " + col + ") = " + value, kx, ty + 18, small, s.foreground());

    double ox = kx + 170;
    double oc = Math.min(AREA / m, 40);
    Draw.text(g, "Output (" + m + ", " + m + ")", ox, y0 - 10, small, s.foreground());
    Font outFont = font.deriveFont((float) Math.max(7, Math.min(13, oc * 0.45)));
    for (int y = 0; y < m; y++) {
      for (int x = 0; x < m; x++) {
        boolean current = y == row && x == col;
        Color fill = current ? VizStyle.mix(plain, s.window(), 0.5) : plain;
        String text = oc >= 12 ? DisplayNumbers.format(output.get(0, y, x), 0) : "";
        Draw.valueCell(
            g, new Rectangle2D.Double(ox + x * oc, y0 + y * oc, oc, oc), fill, text, outFont);
      }
    }
    hits.add(HitMap.Kind.OUTPUT_CELL, 0, m, m, new Rectangle2D.Double(ox, y0, m * oc, m * oc));
    Draw.outline(g, new Rectangle2D.Double(ox + col * oc, y0 + row * oc, oc, oc), s.window(), 2f);
    Draw.text(
        g, "Hover over the matrices to move the kernel", 16, y0 + AREA + 30, small, s.muted());
  }

  private static void wrapped(
      Graphics2D g, String text, double x, double y, double width, Font font, Color color) {
    StringBuilder line = new StringBuilder();
    double ly = y;
    for (String word : text.split(" ")) {
      String next = line.isEmpty() ? word : line + " " + word;
      if (Draw.width(g, next, font) > width && !line.isEmpty()) {
        Draw.text(g, line.toString(), x, ly, font, color);
        ly += font.getSize2D() * 1.4;
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(next);
      }
    }
    Draw.text(g, line.toString(), x, ly, font, color);
  }
}
