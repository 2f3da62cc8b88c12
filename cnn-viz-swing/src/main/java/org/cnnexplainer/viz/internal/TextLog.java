package org.cnnexplainer.viz.internal;

import java.awt.AlphaComposite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cnnexplainer.viz.PaintedText;

/**
 * Records where painters draw text, for {@link PaintedText}. A component installs a log on its
 * graphics before painting ({@link #install}); the log travels with the graphics as a rendering
 * hint (copied by {@code create()}), so painters need no extra parameter: they draw text through
 * {@link #draw}, which draws and records. Graphics without a log (printing, SVG export) only draw.
 */
public final class TextLog {
  private static final RenderingHints.Key KEY =
      new RenderingHints.Key(0x7e17_109) {
        @Override
        public boolean isCompatibleValue(Object value) {
          return value == null || value instanceof TextLog;
        }
      };

  private final AffineTransform toComponent;
  private final List<PaintedText> texts = new ArrayList<>();

  private TextLog(AffineTransform toComponent) {
    this.toComponent = toComponent;
  }

  /**
   * A new log on {@code g}, recording in the coordinates {@code g} has now (the component's): later
   * translations and scales of {@code g} or its copies are undone when recording.
   */
  public static TextLog install(Graphics2D g) {
    AffineTransform inverse;
    try {
      inverse = g.getTransform().createInverse();
    } catch (NoninvertibleTransformException e) {
      inverse = new AffineTransform();
    }
    TextLog log = new TextLog(inverse);
    g.setRenderingHint(KEY, log);
    return log;
  }

  /**
   * Draws {@code text} with {@code g}'s font and colour at {@code (x, baseline)} and records it,
   * unless it is drawn mostly transparent (fading out, or under a veil: not there to be read).
   */
  public static void draw(Graphics2D g, String text, double x, double baseline) {
    g.drawString(text, (float) x, (float) baseline);
    boolean faint =
        g.getComposite() instanceof AlphaComposite a && a.getAlpha() < 0.5f
            || g.getColor().getAlpha() < 128;
    if (g.getRenderingHint(KEY) instanceof TextLog log && !text.isBlank() && !faint) {
      log.record(g, text, x, baseline);
    }
  }

  /** Draws {@code text} in {@code font} (leaving it set on {@code g}); see {@link #draw}. */
  public static void draw(Graphics2D g, Font font, String text, double x, double baseline) {
    g.setFont(font);
    draw(g, text, x, baseline);
  }

  private void record(Graphics2D g, String text, double x, double baseline) {
    FontMetrics fm = g.getFontMetrics();
    Rectangle2D local =
        new Rectangle2D.Double(
            x,
            baseline - fm.getAscent(),
            fm.getStringBounds(text, g).getWidth(),
            fm.getAscent() + fm.getDescent());
    AffineTransform toHere = new AffineTransform(toComponent);
    toHere.concatenate(g.getTransform());
    texts.add(new PaintedText(text, toHere.createTransformedShape(local).getBounds2D()));
  }

  /** The texts recorded so far, in drawing order. */
  public List<PaintedText> texts() {
    return Collections.unmodifiableList(texts);
  }
}
