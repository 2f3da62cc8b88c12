package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/** Paints one channel of a map as a captioned grid with one outlined window (formula cards). */
final class MapGrids {
  /** Height of the caption line above a grid. */
  static final double CAPTION = 16;

  /** The smallest grid a card uses. */
  static final double MIN_SIZE = 96;

  /** The largest grid a card uses. */
  static final double MAX_SIZE = 180;

  private MapGrids() {}

  /** The cell size that fits a {@code rows x columns} map into {@code size}, at most 20 px. */
  static double cell(int rows, int columns, double size) {
    return Math.min(size / Math.max(rows, columns), 20);
  }

  /**
   * Paints channel {@code channel} of {@code map} with its top-left at {@code (x, y)} (the caption
   * goes above), at most {@code size} px, outlines the cells {@code (top, left, height, width)} and
   * records the grid as {@code kind}.
   */
  static Rectangle2D paint(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      HitMap.Kind kind,
      String caption,
      Tensor map,
      int channel,
      ColorScale scale,
      double x,
      double y,
      double size,
      int[] window) {
    int rows = map.shape().height();
    int cols = map.shape().width();
    double cell = cell(rows, cols, size);
    Font font = s.textFont().deriveFont(s.textFont().getSize2D() * 0.9f);
    Draw.text(g, caption + " (" + rows + ", " + cols + ")", x, y - 5, font, s.foreground());
    Rectangle2D box =
        Draw.grid(g, x, y, cell, rows, cols, (r, c) -> scale.rgb(map.get(channel, r, c)));
    hits.add(kind, channel, rows, cols, box);
    Draw.outline(
        g,
        new Rectangle2D.Double(
            x + window[1] * cell,
            y + window[0] * cell,
            Math.max(window[3] * cell, 3),
            Math.max(window[2] * cell, 3)),
        s.foreground(),
        1.5f);
    return box;
  }

  /**
   * The layer's input channel beside its output channel, {@code grid} px each, with the windows
   * {@code (top, left, height, width)} outlined (the activation and pooling cards).
   */
  static void inputAndOutput(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      ActivationTrace trace,
      int layerIndex,
      int channel,
      ColorScale[] scales,
      double x,
      double y,
      double grid,
      int[] inWindow,
      int[] outWindow) {
    paint(
        g,
        s,
        hits,
        HitMap.Kind.INPUT_CELL,
        "Input",
        trace.inputOf(layerIndex),
        channel,
        scales[0],
        x,
        y,
        grid,
        inWindow);
    paint(
        g,
        s,
        hits,
        HitMap.Kind.OUTPUT_CELL,
        "Output",
        trace.output(layerIndex),
        channel,
        scales[1],
        x + grid + 24,
        y,
        grid,
        outWindow);
  }

  /**
   * The grid side for a card whose content is {@code width x height} with two grids side by side
   * and {@code below} px under them: as large as fits, between {@link #MIN_SIZE} and {@link
   * #MAX_SIZE}.
   */
  static double sideBySide(double width, double height, double below) {
    double fit = Math.min((width - 24) / 2, height - CAPTION - below);
    return Math.max(MIN_SIZE, Math.min(MAX_SIZE, Math.floor(fit)));
  }

  /** A value box of the formula in the middle. */
  static Rectangle2D box(
      Graphics2D g, double x, double y, double w, ColorScale scale, double value, Font font) {
    Rectangle2D r = new Rectangle2D.Double(x, y, w, ConvolutionFormulaView.BOX_H);
    Draw.valueCell(
        g,
        r,
        scale == null ? Color.WHITE : Draw.color(scale, value),
        DisplayNumbers.two(value),
        font);
    return r;
  }
}
