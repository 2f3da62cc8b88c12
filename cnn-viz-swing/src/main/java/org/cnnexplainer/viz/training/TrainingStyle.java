package org.cnnexplainer.viz.training;

import static org.cnnexplainer.viz.internal.StyleDefaults.color;
import static org.cnnexplainer.viz.internal.StyleDefaults.luminance;
import static org.cnnexplainer.viz.internal.StyleDefaults.mix;

import java.awt.Color;
import java.awt.Font;
import org.cnnexplainer.viz.internal.StyleDefaults;
import org.cnnexplainer.viz.overview.OverviewKeys;

/**
 * Colours and fonts of one paint of a training view, from the {@code CnnViz.*} keys shared with the
 * overview ({@link OverviewKeys}) with defaults from the look and feel, plus the two series colours
 * ({@value #TRAINING_COLOR}, {@value #VALIDATION_COLOR}).
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
  /** UI key of the training series' colour (default: a blue). */
  static final String TRAINING_COLOR = "CnnViz.trainingColor";

  /** UI key of the validation series' colour (default: an orange). */
  static final String VALIDATION_COLOR = "CnnViz.validationColor";

  static TrainingStyle fromUIManager() {
    Color bg = color(OverviewKeys.BACKGROUND, color("Panel.background", Color.WHITE));
    Color fg = color(OverviewKeys.FOREGROUND, color("Label.foreground", Color.BLACK));
    Font base = StyleDefaults.font();
    boolean dark = luminance(bg) < 0.5;
    return new TrainingStyle(
        bg,
        fg,
        color(OverviewKeys.MUTED_FOREGROUND, mix(bg, fg, 0.55)),
        mix(bg, fg, 0.15),
        color(OverviewKeys.SELECTION_COLOR, new Color(33, 118, 214)),
        color(TRAINING_COLOR, dark ? new Color(0x6baed6) : new Color(0x2171b5)),
        color(VALIDATION_COLOR, dark ? new Color(0xfdae6b) : new Color(0xd94801)),
        base.deriveFont(Font.PLAIN));
  }

  /** Whether the background is dark. */
  boolean dark() {
    return luminance(background) < 0.5;
  }
}
