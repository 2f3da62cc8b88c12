package org.cnnexplainer.demo.io;

/**
 * Text from files (class labels, layer and model names, file names) made safe for a terminal:
 * control characters are written as escapes, so a {@code labels.json} holding a line break or a
 * terminal escape sequence cannot forge output lines or recolour the terminal. JSON output needs
 * none of this (Gson escapes control characters itself).
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with line breaks, tabs and other control characters escaped. */
  public static String escape(Object text) {
    String s = String.valueOf(text);
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      String escaped =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) || isFormatting(c) ? String.format("\\u%04x", c) : null;
          };
      if (escaped != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.appendCodePoint(c);
        }
      }
      i += Character.charCount(c);
    }
    return out == null ? s : out.toString();
  }

  /**
   * Invisible characters that reorder or hide text (bidirectional overrides, line and paragraph
   * separators), the "Trojan Source" trick.
   */
  private static boolean isFormatting(int c) {
    return (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029
        || c == 0x200e
        || c == 0x200f;
  }
}
