package org.cnnexplainer.demo.app;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A {@link Graphics2D} that writes SVG: shapes become {@code <path>} elements, text becomes {@code
 * <text>} (so labels stay searchable and selectable), images become embedded PNGs. It replaces a
 * GPL-licensed SVG library, so that the application stays Apache-2.0 as a binary.
 *
 * <p>Supported: every shape and transform, {@link BasicStroke} (others are filled as their stroked
 * outline), colours, {@link GradientPaint} and {@link LinearGradientPaint} (other paints are
 * rasterised), {@link AlphaComposite} alpha (other rules are drawn as source-over), clips. Not
 * supported, as in any vector output: {@link #copyArea} and XOR mode (ignored). Text uses the
 * font's family with a generic fallback; a viewer without that font may draw it slightly wider.
 */
final class SvgGraphics extends Graphics2D {
  private final SvgDocument document;
  private AffineTransform transform = new AffineTransform();
  private Paint paint = Color.BLACK;
  private Color color = Color.BLACK;
  private Color background = Color.WHITE;
  private Stroke stroke = new BasicStroke();
  private Font font = new Font(Font.DIALOG, Font.PLAIN, 12);
  private Composite composite = AlphaComposite.SrcOver;
  private final RenderingHints hints = new RenderingHints(null);

  /** The clip in device space; null for none. */
  private Shape clip;

  /** The id of {@link #clip}'s clip path once written; null before. */
  private String clipId;

  /** A graphics for a {@code width} × {@code height} canvas. */
  SvgGraphics(int width, int height) {
    this.document = new SvgDocument(width, height);
    this.clip = new Rectangle(0, 0, width, height);
  }

  private SvgGraphics(SvgGraphics parent) {
    this.document = parent.document;
    this.transform = new AffineTransform(parent.transform);
    this.paint = parent.paint;
    this.color = parent.color;
    this.background = parent.background;
    this.stroke = parent.stroke;
    this.font = parent.font;
    this.composite = parent.composite;
    this.hints.putAll(parent.hints);
    this.clip = parent.clip;
    this.clipId = parent.clipId;
  }

  /** The SVG document of everything drawn so far, by this graphics and its copies. */
  String svgDocument() {
    return document.text();
  }

  // --- drawing: every primitive ends in fill(Shape), draw(Shape), drawString or an image ---

  @Override
  public void draw(Shape shape) {
    if (stroke instanceof BasicStroke basic) {
      String paintAttr = paintAttributes(shape, "stroke");
      if (paintAttr != null) {
        emit(
            "<path d=\""
                + SvgDocument.pathData(shape)
                + "\" fill=\"none\""
                + paintAttr
                + strokeAttributes(basic)
                + SvgDocument.transform(transform)
                + "/>");
      }
    } else {
      fill(stroke.createStrokedShape(shape));
    }
  }

  @Override
  public void fill(Shape shape) {
    String paintAttr = paintAttributes(shape, "fill");
    if (paintAttr == null) {
      return;
    }
    String rule =
        shape.getPathIterator(null).getWindingRule() == Path2D.WIND_EVEN_ODD
            ? " fill-rule=\"evenodd\""
            : "";
    emit(
        "<path d=\""
            + SvgDocument.pathData(shape)
            + "\""
            + paintAttr
            + rule
            + SvgDocument.transform(transform)
            + "/>");
  }

  @Override
  public void drawString(String text, float x, float y) {
    if (text.isEmpty()) {
      return;
    }
    if (font.isTransformed() || !(paint instanceof Color)) {
      fill(font.createGlyphVector(getFontRenderContext(), text).getOutline(x, y));
      return;
    }
    String paintAttr = paintAttributes(null, "fill");
    if (paintAttr == null) {
      return;
    }
    String style =
        (font.isBold() ? " font-weight=\"bold\"" : "")
            + (font.isItalic() ? " font-style=\"italic\"" : "");
    emit(
        "<text x=\""
            + SvgDocument.number(x)
            + "\" y=\""
            + SvgDocument.number(y)
            + "\" font-family=\""
            + SvgDocument.escape(fontFamily(font))
            + "\" font-size=\""
            + SvgDocument.number(font.getSize2D())
            + "\""
            + style
            + paintAttr
            + " xml:space=\"preserve\""
            + SvgDocument.transform(transform)
            + ">"
            + SvgDocument.escape(text)
            + "</text>");
  }

  @Override
  public void drawString(String text, int x, int y) {
    drawString(text, (float) x, (float) y);
  }

  @Override
  public void drawString(AttributedCharacterIterator text, float x, float y) {
    StringBuilder s = new StringBuilder();
    for (char c = text.first(); c != AttributedCharacterIterator.DONE; c = text.next()) {
      s.append(c);
    }
    drawString(s.toString(), x, y);
  }

  @Override
  public void drawString(AttributedCharacterIterator text, int x, int y) {
    drawString(text, (float) x, (float) y);
  }

  @Override
  public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
    fill(glyphs.getOutline(x, y));
  }

  @Override
  public boolean drawImage(Image image, AffineTransform at, ImageObserver observer) {
    BufferedImage pixels = toBufferedImage(image, observer);
    if (pixels == null) {
      return false;
    }
    AffineTransform t = new AffineTransform(transform);
    if (at != null) {
      t.concatenate(at);
    }
    float alpha = compositeAlpha();
    emit(
        "<image x=\"0\" y=\"0\" width=\""
            + pixels.getWidth()
            + "\" height=\""
            + pixels.getHeight()
            + "\" preserveAspectRatio=\"none\""
            + (alpha < 1 ? " opacity=\"" + SvgDocument.number(alpha) + "\"" : "")
            + SvgDocument.transform(t)
            + " xlink:href=\"data:image/png;base64,"
            + png(pixels)
            + "\"/>");
    return true;
  }

  @Override
  public boolean drawImage(Image image, int x, int y, ImageObserver observer) {
    return drawImage(image, AffineTransform.getTranslateInstance(x, y), observer);
  }

  @Override
  public boolean drawImage(
      Image image, int x, int y, int width, int height, ImageObserver observer) {
    int w = image.getWidth(observer);
    int h = image.getHeight(observer);
    if (w <= 0 || h <= 0) {
      return false;
    }
    AffineTransform at = AffineTransform.getTranslateInstance(x, y);
    at.scale((double) width / w, (double) height / h);
    return drawImage(image, at, observer);
  }

  @Override
  public boolean drawImage(Image image, int x, int y, Color bg, ImageObserver observer) {
    return drawImage(
        image, x, y, image.getWidth(observer), image.getHeight(observer), bg, observer);
  }

  @Override
  public boolean drawImage(
      Image image, int x, int y, int width, int height, Color bg, ImageObserver observer) {
    if (bg != null) {
      Paint saved = paint;
      setPaint(bg);
      fillRect(x, y, width, height);
      setPaint(saved);
    }
    return drawImage(image, x, y, width, height, observer);
  }

  @Override
  public boolean drawImage(
      Image image,
      int dx1,
      int dy1,
      int dx2,
      int dy2,
      int sx1,
      int sy1,
      int sx2,
      int sy2,
      ImageObserver observer) {
    return drawImage(image, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, null, observer);
  }

  @Override
  public boolean drawImage(
      Image image,
      int dx1,
      int dy1,
      int dx2,
      int dy2,
      int sx1,
      int sy1,
      int sx2,
      int sy2,
      Color bg,
      ImageObserver observer) {
    BufferedImage pixels = toBufferedImage(image, observer);
    int sw = Math.abs(sx2 - sx1);
    int sh = Math.abs(sy2 - sy1);
    if (pixels == null || sw == 0 || sh == 0) {
      return false;
    }
    // Crop to the source rectangle; mirror through a negative scale when the corners say so.
    Rectangle source =
        new Rectangle(Math.min(sx1, sx2), Math.min(sy1, sy2), sw, sh)
            .intersection(new Rectangle(pixels.getWidth(), pixels.getHeight()));
    if (source.isEmpty()) {
      return false;
    }
    BufferedImage part = pixels.getSubimage(source.x, source.y, source.width, source.height);
    if (bg != null) {
      Paint saved = paint;
      setPaint(bg);
      fill(
          new Rectangle(
              Math.min(dx1, dx2), Math.min(dy1, dy2), Math.abs(dx2 - dx1), Math.abs(dy2 - dy1)));
      setPaint(saved);
    }
    // Source pixel (sx, sy) lands at dx1 + (sx - sx1) * (dx2 - dx1) / (sx2 - sx1), same for y;
    // a negative factor mirrors, as Graphics.drawImage does when the corners are swapped.
    AffineTransform at = AffineTransform.getTranslateInstance(dx1, dy1);
    at.scale((double) (dx2 - dx1) / (sx2 - sx1), (double) (dy2 - dy1) / (sy2 - sy1));
    at.translate(source.x - sx1, source.y - sy1);
    return drawImage(part, at, observer);
  }

  @Override
  public void drawImage(BufferedImage image, BufferedImageOp op, int x, int y) {
    drawImage(op == null ? image : op.filter(image, null), x, y, null);
  }

  @Override
  public void drawRenderedImage(RenderedImage image, AffineTransform at) {
    if (image instanceof BufferedImage buffered) {
      drawImage(buffered, at, null);
      return;
    }
    BufferedImage copy =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    copy.setData(image.getData());
    drawImage(copy, at, null);
  }

  @Override
  public void drawRenderableImage(RenderableImage image, AffineTransform at) {
    drawRenderedImage(image.createDefaultRendering(), at);
  }

  // --- Graphics primitives, as shapes ---

  @Override
  public void drawLine(int x1, int y1, int x2, int y2) {
    draw(new Line2D.Float(x1, y1, x2, y2));
  }

  @Override
  public void fillRect(int x, int y, int width, int height) {
    fill(new Rectangle(x, y, width, height));
  }

  @Override
  public void clearRect(int x, int y, int width, int height) {
    Paint saved = paint;
    Composite savedComposite = composite;
    setPaint(background);
    composite = AlphaComposite.SrcOver;
    fillRect(x, y, width, height);
    setPaint(saved);
    composite = savedComposite;
  }

  @Override
  public void drawRoundRect(int x, int y, int width, int height, int arcW, int arcH) {
    draw(new RoundRectangle2D.Float(x, y, width, height, arcW, arcH));
  }

  @Override
  public void fillRoundRect(int x, int y, int width, int height, int arcW, int arcH) {
    fill(new RoundRectangle2D.Float(x, y, width, height, arcW, arcH));
  }

  @Override
  public void drawOval(int x, int y, int width, int height) {
    draw(new Ellipse2D.Float(x, y, width, height));
  }

  @Override
  public void fillOval(int x, int y, int width, int height) {
    fill(new Ellipse2D.Float(x, y, width, height));
  }

  @Override
  public void drawArc(int x, int y, int width, int height, int start, int extent) {
    draw(new Arc2D.Float(x, y, width, height, start, extent, Arc2D.OPEN));
  }

  @Override
  public void fillArc(int x, int y, int width, int height, int start, int extent) {
    fill(new Arc2D.Float(x, y, width, height, start, extent, Arc2D.PIE));
  }

  @Override
  public void drawPolyline(int[] xs, int[] ys, int count) {
    if (count > 0) {
      Path2D.Float path = new Path2D.Float();
      path.moveTo(xs[0], ys[0]);
      for (int i = 1; i < count; i++) {
        path.lineTo(xs[i], ys[i]);
      }
      draw(path);
    }
  }

  @Override
  public void drawPolygon(int[] xs, int[] ys, int count) {
    draw(new Polygon(xs, ys, count));
  }

  @Override
  public void fillPolygon(int[] xs, int[] ys, int count) {
    fill(new Polygon(xs, ys, count));
  }

  /** Vector output has no pixels to copy: ignored, as by other SVG writers. */
  @Override
  public void copyArea(int x, int y, int width, int height, int dx, int dy) {}

  // --- state ---

  @Override
  public Graphics create() {
    return new SvgGraphics(this);
  }

  @Override
  public void dispose() {}

  @Override
  public Color getColor() {
    return color;
  }

  @Override
  public void setColor(Color c) {
    if (c != null) {
      color = c;
      paint = c;
    }
  }

  @Override
  public Paint getPaint() {
    return paint;
  }

  @Override
  public void setPaint(Paint p) {
    if (p instanceof Color c) {
      setColor(c);
    } else if (p != null) {
      paint = p;
    }
  }

  @Override
  public void setPaintMode() {}

  /** Vector output cannot XOR with what lies below: drawing continues in paint mode. */
  @Override
  public void setXORMode(Color c) {}

  @Override
  public Color getBackground() {
    return background;
  }

  @Override
  public void setBackground(Color c) {
    background = c;
  }

  @Override
  public Composite getComposite() {
    return composite;
  }

  @Override
  public void setComposite(Composite c) {
    if (c == null) {
      throw new IllegalArgumentException("composite is null");
    }
    composite = c;
  }

  @Override
  public Stroke getStroke() {
    return stroke;
  }

  @Override
  public void setStroke(Stroke s) {
    if (s != null) {
      stroke = s;
    }
  }

  @Override
  public Font getFont() {
    return font;
  }

  @Override
  public void setFont(Font f) {
    if (f != null) {
      font = f;
    }
  }

  @Override
  public FontMetrics getFontMetrics(Font f) {
    Graphics2D g = document.scratch().createGraphics();
    try {
      g.setRenderingHints(hints);
      return g.getFontMetrics(f);
    } finally {
      g.dispose();
    }
  }

  @Override
  public FontRenderContext getFontRenderContext() {
    Object antialias = hints.get(RenderingHints.KEY_TEXT_ANTIALIASING);
    Object fractional = hints.get(RenderingHints.KEY_FRACTIONALMETRICS);
    return new FontRenderContext(
        transform,
        antialias == null ? RenderingHints.VALUE_TEXT_ANTIALIAS_DEFAULT : antialias,
        fractional == null ? RenderingHints.VALUE_FRACTIONALMETRICS_DEFAULT : fractional);
  }

  @Override
  public GraphicsConfiguration getDeviceConfiguration() {
    Graphics2D g = document.scratch().createGraphics();
    try {
      return g.getDeviceConfiguration();
    } finally {
      g.dispose();
    }
  }

  @Override
  public void setRenderingHint(RenderingHints.Key key, Object value) {
    if (value == null) {
      hints.remove(key);
    } else {
      hints.put(key, value);
    }
  }

  @Override
  public Object getRenderingHint(RenderingHints.Key key) {
    return hints.get(key);
  }

  @Override
  public void setRenderingHints(Map<?, ?> newHints) {
    hints.clear();
    hints.putAll(newHints);
  }

  @Override
  public void addRenderingHints(Map<?, ?> newHints) {
    hints.putAll(newHints);
  }

  @Override
  public RenderingHints getRenderingHints() {
    return (RenderingHints) hints.clone();
  }

  // --- transform ---

  @Override
  public void translate(int x, int y) {
    transform.translate(x, y);
  }

  @Override
  public void translate(double x, double y) {
    transform.translate(x, y);
  }

  @Override
  public void rotate(double theta) {
    transform.rotate(theta);
  }

  @Override
  public void rotate(double theta, double x, double y) {
    transform.rotate(theta, x, y);
  }

  @Override
  public void scale(double sx, double sy) {
    transform.scale(sx, sy);
  }

  @Override
  public void shear(double shx, double shy) {
    transform.shear(shx, shy);
  }

  @Override
  public void transform(AffineTransform t) {
    transform.concatenate(t);
  }

  @Override
  public void setTransform(AffineTransform t) {
    transform = new AffineTransform(t);
  }

  @Override
  public AffineTransform getTransform() {
    return new AffineTransform(transform);
  }

  // --- clip: kept in device space, written as a clip path when first drawn under ---

  @Override
  public Shape getClip() {
    if (clip == null) {
      return null;
    }
    try {
      return transform.createInverse().createTransformedShape(clip);
    } catch (NoninvertibleTransformException e) {
      return null;
    }
  }

  @Override
  public Rectangle getClipBounds() {
    Shape userClip = getClip();
    return userClip == null ? null : userClip.getBounds();
  }

  @Override
  public void setClip(Shape userClip) {
    clip = userClip == null ? null : transform.createTransformedShape(userClip);
    clipId = null;
  }

  @Override
  public void setClip(int x, int y, int width, int height) {
    setClip(new Rectangle(x, y, width, height));
  }

  @Override
  public void clip(Shape userClip) {
    if (userClip == null) {
      setClip(null);
      return;
    }
    Shape device = transform.createTransformedShape(userClip);
    if (clip == null) {
      clip = device;
    } else if (clip instanceof Rectangle2D a && device instanceof Rectangle2D b) {
      clip = a.createIntersection(b);
    } else {
      Area area = new Area(clip);
      area.intersect(new Area(device));
      clip = area;
    }
    clipId = null;
  }

  @Override
  public void clipRect(int x, int y, int width, int height) {
    clip(new Rectangle(x, y, width, height));
  }

  @Override
  public boolean hit(Rectangle rect, Shape shape, boolean onStroke) {
    Shape s = onStroke ? stroke.createStrokedShape(shape) : shape;
    return transform.createTransformedShape(s).intersects(rect);
  }

  // --- writing ---

  private void emit(String element) {
    Shape c = clip;
    if (c instanceof Rectangle2D r
        && r.contains(new Rectangle(0, 0, document.width(), document.height()))) {
      c = null; // the canvas clips anyway
    }
    if (c != null && clipId == null) {
      clipId = document.newId("clip");
      document.define(
          "<clipPath id=\""
              + clipId
              + "\"><path d=\""
              + SvgDocument.pathData(c)
              + "\"/></clipPath>");
    }
    document.element(c == null ? null : clipId, element);
  }

  /**
   * The {@code fill}/{@code stroke} attributes for the current paint and composite, or null when
   * nothing would be visible. Paints SVG has no equivalent for are rasterised over the shape.
   */
  private String paintAttributes(Shape shape, String kind) {
    float alpha = compositeAlpha();
    if (paint instanceof Color c) {
      float opacity = alpha * c.getAlpha() / 255f;
      if (opacity <= 0) {
        return null;
      }
      return " "
          + kind
          + "=\""
          + rgb(c)
          + "\""
          + (opacity < 1 ? " " + kind + "-opacity=\"" + SvgDocument.number(opacity) + "\"" : "");
    }
    String gradient = gradient(paint);
    if (gradient != null) {
      String id = document.newId("gradient");
      document.define(gradient.replace("ID", id));
      return " "
          + kind
          + "=\"url(#"
          + id
          + ")\""
          + (alpha < 1 ? " " + kind + "-opacity=\"" + SvgDocument.number(alpha) + "\"" : "");
    }
    if (shape != null) {
      rasterise(kind.equals("stroke") ? stroke.createStrokedShape(shape) : shape);
    }
    return null;
  }

  private static String gradient(Paint paint) {
    if (paint instanceof GradientPaint g) {
      return linearGradient(
          g.getPoint1(),
          g.getPoint2(),
          new float[] {0, 1},
          new Color[] {g.getColor1(), g.getColor2()},
          g.isCyclic() ? "reflect" : "pad");
    }
    if (paint instanceof LinearGradientPaint g
        && g.getColorSpace() == MultipleGradientPaint.ColorSpaceType.SRGB
        && g.getTransform().isIdentity()) {
      String spread =
          switch (g.getCycleMethod()) {
            case REFLECT -> "reflect";
            case REPEAT -> "repeat";
            default -> "pad";
          };
      return linearGradient(
          g.getStartPoint(), g.getEndPoint(), g.getFractions(), g.getColors(), spread);
    }
    return null;
  }

  private static String linearGradient(
      Point2D from, Point2D to, float[] fractions, Color[] colors, String spread) {
    StringBuilder s =
        new StringBuilder("<linearGradient id=\"ID\" gradientUnits=\"userSpaceOnUse\"");
    s.append(" x1=\"")
        .append(SvgDocument.number(from.getX()))
        .append("\" y1=\"")
        .append(SvgDocument.number(from.getY()))
        .append("\" x2=\"")
        .append(SvgDocument.number(to.getX()))
        .append("\" y2=\"")
        .append(SvgDocument.number(to.getY()))
        .append("\" spreadMethod=\"")
        .append(spread)
        .append("\">");
    for (int i = 0; i < fractions.length; i++) {
      s.append("<stop offset=\"")
          .append(SvgDocument.number(fractions[i]))
          .append("\" stop-color=\"")
          .append(rgb(colors[i]))
          .append('"');
      if (colors[i].getAlpha() < 255) {
        s.append(" stop-opacity=\"")
            .append(SvgDocument.number(colors[i].getAlpha() / 255.0))
            .append('"');
      }
      s.append("/>");
    }
    return s.append("</linearGradient>").toString();
  }

  /** Fills the shape with the current (unsupported) paint as an image at device resolution. */
  private void rasterise(Shape shape) {
    Rectangle bounds =
        transform
            .createTransformedShape(shape)
            .getBounds()
            .intersection(new Rectangle(0, 0, document.width(), document.height()));
    if (bounds.isEmpty()) {
      return;
    }
    BufferedImage image =
        new BufferedImage(bounds.width, bounds.height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHints(hints);
      g.translate(-bounds.x, -bounds.y);
      g.transform(transform);
      g.setPaint(paint);
      g.fill(shape);
    } finally {
      g.dispose();
    }
    AffineTransform saved = transform;
    transform = new AffineTransform();
    drawImage(image, AffineTransform.getTranslateInstance(bounds.x, bounds.y), null);
    transform = saved;
  }

  private String strokeAttributes(BasicStroke s) {
    StringBuilder a = new StringBuilder();
    if (s.getLineWidth() != 1) {
      // A zero width means "thinnest line the device can draw" in Java2D.
      float width = s.getLineWidth() == 0 ? 0.5f : s.getLineWidth();
      a.append(" stroke-width=\"").append(SvgDocument.number(width)).append('"');
    }
    if (s.getEndCap() != BasicStroke.CAP_BUTT) {
      a.append(" stroke-linecap=\"")
          .append(s.getEndCap() == BasicStroke.CAP_ROUND ? "round" : "square")
          .append('"');
    }
    if (s.getLineJoin() != BasicStroke.JOIN_MITER) {
      a.append(" stroke-linejoin=\"")
          .append(s.getLineJoin() == BasicStroke.JOIN_ROUND ? "round" : "bevel")
          .append('"');
    } else if (s.getMiterLimit() != 4) {
      a.append(" stroke-miterlimit=\"")
          .append(SvgDocument.number(Math.max(1, s.getMiterLimit())))
          .append('"');
    }
    float[] dash = s.getDashArray();
    if (dash != null && dash.length > 0) {
      a.append(" stroke-dasharray=\"");
      for (int i = 0; i < dash.length; i++) {
        a.append(i == 0 ? "" : " ").append(SvgDocument.number(dash[i]));
      }
      a.append('"');
      if (s.getDashPhase() != 0) {
        a.append(" stroke-dashoffset=\"").append(SvgDocument.number(s.getDashPhase())).append('"');
      }
    }
    return a.toString();
  }

  private float compositeAlpha() {
    return composite instanceof AlphaComposite a ? a.getAlpha() : 1f;
  }

  private static String rgb(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static String fontFamily(Font f) {
    String family = f.getFamily();
    String generic =
        switch (family) {
          case Font.MONOSPACED -> "monospace";
          case Font.SERIF -> "serif";
          default -> "sans-serif";
        };
    return switch (family) {
      case Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED -> generic;
      default ->
          family.contains(",") || family.contains("'") ? generic : "'" + family + "', " + generic;
    };
  }

  private static BufferedImage toBufferedImage(Image image, ImageObserver observer) {
    if (image == null) {
      return null;
    }
    if (image instanceof BufferedImage buffered) {
      return buffered;
    }
    int w = image.getWidth(observer);
    int h = image.getHeight(observer);
    if (w <= 0 || h <= 0) {
      return null;
    }
    BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = copy.createGraphics();
    try {
      g.drawImage(image, 0, 0, observer);
    } finally {
      g.dispose();
    }
    return copy;
  }

  private static String png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode an image as PNG for the SVG", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
