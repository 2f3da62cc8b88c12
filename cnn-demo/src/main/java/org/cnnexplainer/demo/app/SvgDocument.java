package org.cnnexplainer.demo.app;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The text of one SVG document that {@link SvgGraphics} instances (the first and all its {@code
 * create()} copies) append to. Elements drawn under the same clip share one {@code <g clip-path>}
 * group, so a view painted with few clip changes stays compact.
 */
final class SvgDocument {
  private final int width;
  private final int height;
  private final StringBuilder body = new StringBuilder();

  /** For font metrics: a Graphics2D on a 1x1 image, whose metrics match the screen's. */
  private final BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);

  private int nextId;
  private String openClipId;

  SvgDocument(int width, int height) {
    this.width = width;
    this.height = height;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  BufferedImage scratch() {
    return scratch;
  }

  /** A fresh id for a definition (clip path, gradient), unique in this document. */
  String newId(String prefix) {
    return prefix + nextId++;
  }

  /** Appends a definition (such as a clip path) outside any clip group. */
  void define(String definition) {
    closeClipGroup();
    body.append("<defs>").append(definition).append("</defs>\n");
  }

  /** Appends a drawing element, clipped by the clip path {@code clipId} (or unclipped if null). */
  void element(String clipId, String element) {
    if (clipId == null ? openClipId != null : !clipId.equals(openClipId)) {
      closeClipGroup();
      if (clipId != null) {
        body.append("<g clip-path=\"url(#").append(clipId).append(")\">\n");
        openClipId = clipId;
      }
    }
    body.append(element).append('\n');
  }

  private void closeClipGroup() {
    if (openClipId != null) {
      body.append("</g>\n");
      openClipId = null;
    }
  }

  /** The whole document so far, as UTF-8 text. */
  String text() {
    StringBuilder text = new StringBuilder(body.length() + 300);
    text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"")
        .append(" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\">\n")
        .append(body);
    if (openClipId != null) {
      text.append("</g>\n");
    }
    return text.append("</svg>\n").toString();
  }

  /** The path data ({@code d} attribute) of a shape. */
  static String pathData(Shape shape) {
    StringBuilder d = new StringBuilder();
    double[] c = new double[6];
    for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> d.append('M').append(points(c, 1));
        case PathIterator.SEG_LINETO -> d.append('L').append(points(c, 1));
        case PathIterator.SEG_QUADTO -> d.append('Q').append(points(c, 2));
        case PathIterator.SEG_CUBICTO -> d.append('C').append(points(c, 3));
        default -> d.append('Z');
      }
    }
    return d.toString();
  }

  private static String points(double[] c, int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 2 * count; i++) {
      s.append(i == 0 ? "" : " ").append(number(c[i]));
    }
    return s.toString();
  }

  /** A {@code transform} attribute, or nothing for the identity. */
  static String transform(AffineTransform t) {
    if (t.isIdentity()) {
      return "";
    }
    return " transform=\"matrix("
        + number(t.getScaleX())
        + ' '
        + number(t.getShearY())
        + ' '
        + number(t.getShearX())
        + ' '
        + number(t.getScaleY())
        + ' '
        + number(t.getTranslateX())
        + ' '
        + number(t.getTranslateY())
        + ")\"";
  }

  /** A number with at most four decimals and no exponent, as SVG attributes want it. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.4f", value);
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    s = s.substring(0, end);
    return s.equals("-0") ? "0" : s;
  }

  /** Text as XML character data or attribute value: escaped, characters XML forbids dropped. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        default -> {
          boolean allowed =
              ch == '\t'
                  || ch == '\n'
                  || ch == '\r'
                  || (ch >= 0x20 && ch < 0xFFFE && !(ch >= 0xD800 && ch <= 0xDFFF))
                  || (Character.isSurrogate(ch) && validSurrogate(text, i));
          if (allowed) {
            s.append(ch);
          }
        }
      }
    }
    return s.toString();
  }

  private static boolean validSurrogate(String text, int i) {
    char ch = text.charAt(i);
    if (Character.isHighSurrogate(ch)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
