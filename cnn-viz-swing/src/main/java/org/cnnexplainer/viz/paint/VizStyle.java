package org.cnnexplainer.viz.paint;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import javax.swing.UIManager;
import org.cnnexplainer.viz.VizKeys;

/**
 * Colours, fonts and sizes of one paint, resolved from the {@link VizKeys} with defaults from the
 * look and feel: the one style lookup of the overview and the operation views (the training charts
 * derive theirs from the same helpers). The defaults of the keys are the only literal colours of
 * the module's painters.
 *
 * @param background what the views paint on (see {@link #surface()})
 * @param foreground text and lines
 * @param muted secondary text
 * @param grid grid lines of the operation views (25 % foreground)
 * @param pair the faint fill of a highlighted input/output pair (12 % foreground)
 * @param edge the overview's edges
 * @param edgeHighlight the edges of the neuron under the pointer
 * @param nodeBorder a neuron's border
 * @param selection the selection colour
 * @param bar the output layer's probability bars
 * @param font the base font ({@link VizKeys#FONT})
 * @param textFont the plain font of the operation views' text
 * @param edgeWidth the overview's edge width
 * @param maxNodeSize the overview's largest heat-map side
 * @param minNodeSize the overview's smallest heat-map side
 * @param crispPixels whether heat-maps are upscaled with crisp pixels
 * @param channelWords the colours of the words "red", "green" and "blue"
 * @param window the playground's current window
 * @param error a message about invalid settings
 */
public record VizStyle(
    Color background,
    Color foreground,
    Color muted,
    Color grid,
    Color pair,
    Color edge,
    Color edgeHighlight,
    Color nodeBorder,
    Color selection,
    Color bar,
    Font font,
    Font textFont,
    float edgeWidth,
    int maxNodeSize,
    int minNodeSize,
    boolean crispPixels,
    List<Color> channelWords,
    Color window,
    Color error) {
  /** Default of {@link VizKeys#SELECTION_COLOR}. */
  public static final Color SELECTION_DEFAULT = new Color(33, 118, 214);

  /**
   * The current style of the UI defaults (call on the event thread, once per paint).
   *
   * @return the style
   */
  public static VizStyle fromUIManager() {
    Color bg = surface();
    Color fg = color(VizKeys.FOREGROUND, color("Label.foreground", Color.BLACK));
    Font base = baseFont();
    return new VizStyle(
        bg,
        fg,
        color(VizKeys.MUTED_FOREGROUND, mix(bg, fg, 0.55)),
        mix(bg, fg, 0.25),
        mix(bg, fg, 0.12),
        color(VizKeys.EDGE_COLOR, mix(bg, fg, 0.10)),
        color(VizKeys.EDGE_HIGHLIGHT_COLOR, mix(bg, fg, 0.49)),
        color(VizKeys.NODE_BORDER_COLOR, mix(bg, fg, 0.49)),
        color(VizKeys.SELECTION_COLOR, SELECTION_DEFAULT),
        color(VizKeys.BAR_COLOR, mix(bg, fg, 0.40)),
        base,
        base.deriveFont(Font.PLAIN),
        number(VizKeys.EDGE_WIDTH, 0.7f),
        (int) number(VizKeys.MAX_NODE_SIZE, 40),
        (int) number(VizKeys.MIN_NODE_SIZE, 10),
        Boolean.TRUE.equals(UIManager.get(VizKeys.CRISP_PIXELS)),
        List.of(
            color(VizKeys.RED_CHANNEL_COLOR, new Color(0xC95E67)),
            color(VizKeys.GREEN_CHANNEL_COLOR, new Color(0x3DB665)),
            color(VizKeys.BLUE_CHANNEL_COLOR, new Color(0x3F7FBC))),
        color(VizKeys.WINDOW_COLOR, new Color(0xFF2738)),
        color(VizKeys.ERROR_COLOR, new Color(0xC62828)));
  }

  /**
   * This style with crisp (nearest-neighbour) heat-map pixels.
   *
   * @return the crisp style
   */
  public VizStyle withCrispPixels() {
    return new VizStyle(
        background,
        foreground,
        muted,
        grid,
        pair,
        edge,
        edgeHighlight,
        nodeBorder,
        selection,
        bar,
        font,
        textFont,
        edgeWidth,
        maxNodeSize,
        minNodeSize,
        true,
        channelWords,
        window,
        error);
  }

  /**
   * Whether the background is dark (text on it must be light).
   *
   * @return true on a dark background
   */
  public boolean dark() {
    return luminance(background) < 0.5;
  }

  /**
   * The colour the overview and the operation views paint on: {@code CnnViz.background} when set;
   * otherwise white under a light look and feel (the heat-maps' near-zero colour, rgb 242 239 238,
   * is almost FlatLaf's light grey, so maps would melt into a grey page) and the look and feel's
   * panel colour under a dark one.
   *
   * @return the background colour, opaque
   */
  public static Color surface() {
    Color set = UIManager.getColor(VizKeys.BACKGROUND);
    if (set != null) {
      return opaque(set);
    }
    Color panel = UIManager.getColor("Panel.background");
    if (panel == null) {
      return Color.WHITE;
    }
    return luminance(panel) > 0.5 ? Color.WHITE : opaque(panel);
  }

  /**
   * Relative luminance in [0, 1] (Rec. 709 weights, without gamma).
   *
   * @param c the colour
   * @return its luminance
   */
  public static double luminance(Color c) {
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
  }

  /**
   * Black or white, whichever reads better on {@code fill}.
   *
   * @param fill the colour behind the text
   * @return black or white
   */
  public static Color textOn(Color fill) {
    return luminance(fill) < 0.45 ? Color.WHITE : Color.BLACK;
  }

  /**
   * {@code a} blended towards {@code b} by {@code amount} (opaque result).
   *
   * @param a the colour at 0
   * @param b the colour at 1
   * @param amount how far towards {@code b}, 0 to 1
   * @return the blend
   */
  public static Color mix(Color a, Color b, double amount) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * amount),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * amount),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * amount));
  }

  /**
   * {@code c} with opacity {@code alpha} in [0, 1].
   *
   * @param c the colour
   * @param alpha its opacity, 0 to 1
   * @return the translucent colour
   */
  public static Color withAlpha(Color c, double alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
  }

  /**
   * The colour of a packed {@code 0xRRGGBB} value (a colour scale's answer).
   *
   * @param rgb the packed value
   * @return the colour, opaque
   */
  public static Color rgb(int rgb) {
    return new Color(rgb);
  }

  /**
   * The UI default {@code key} as a plain opaque colour (the look and feel's {@code UIResource}
   * subclasses are fine, but alpha is dropped), or {@code fallback} when it is not set.
   *
   * @param key the UI key
   * @param fallback the colour when the key is not set
   * @return the colour
   */
  public static Color color(String key, Color fallback) {
    Color c = UIManager.getColor(key);
    return c == null ? fallback : opaque(c);
  }

  private static Color opaque(Color c) {
    return new Color(c.getRGB() & 0xffffff);
  }

  /**
   * The font the views use: {@code CnnViz.font}, else the look and feel's label font.
   *
   * @return the base font
   */
  public static Font baseFont() {
    Font base = UIManager.getFont(VizKeys.FONT);
    if (base == null) {
      base = UIManager.getFont("Label.font");
    }
    if (base == null) {
      base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }
    return base;
  }

  private static float number(String key, float fallback) {
    return UIManager.get(key) instanceof Number n ? n.floatValue() : fallback;
  }
}
