package org.cnnexplainer.viz.training;

import static org.cnnexplainer.viz.paint.VizStyle.color;
import static org.cnnexplainer.viz.paint.VizStyle.luminance;
import static org.cnnexplainer.viz.paint.VizStyle.mix;

import java.awt.Color;
import java.awt.Font;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Colours and fonts of one paint of a training view, from the {@code CnnViz.*} keys shared with the
 * overview ({@link VizKeys}) with defaults from the look and feel, plus the two series colours
 * ({@link VizKeys#TRAINING_COLOR}, {@link VizKeys#VALIDATION_COLOR}).
 */
record TrainingStyle(
    Color background,
    Color foreground,
    Color muted,
    Color grid,
    Color selection,
    Color training,
    Color validation,
    Font font) {

  static TrainingStyle fromUIManager() {
    Color bg = color(VizKeys.BACKGROUND, color("Panel.background", Color.WHITE));
    Color fg = color(VizKeys.FOREGROUND, color("Label.foreground", Color.BLACK));
    Font base = VizStyle.baseFont();
    boolean dark = luminance(bg) < 0.5;
    return new TrainingStyle(
        bg,
        fg,
        color(VizKeys.MUTED_FOREGROUND, mix(bg, fg, 0.55)),
        mix(bg, fg, 0.15),
        color(VizKeys.SELECTION_COLOR, VizStyle.SELECTION_DEFAULT),
        color(VizKeys.TRAINING_COLOR, dark ? new Color(0x6baed6) : new Color(0x2171b5)),
        color(VizKeys.VALIDATION_COLOR, dark ? new Color(0xfdae6b) : new Color(0xd94801)),
        base.deriveFont(Font.PLAIN));
  }

  /** Whether the background is dark. */
  boolean dark() {
    return luminance(background) < 0.5;
  }
}
