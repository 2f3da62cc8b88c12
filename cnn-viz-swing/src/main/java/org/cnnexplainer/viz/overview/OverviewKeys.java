package org.cnnexplainer.viz.overview;

/**
 * {@link javax.swing.UIManager} keys the overview reads on every paint, so a look and feel or an
 * application can restyle it. Every key is optional; the defaults derive from the look and feel's
 * {@code Panel.background}, {@code Label.foreground} and {@code Label.font}, so Metal, Nimbus and
 * dark themes work without setting any.
 *
 * <table>
 *   <caption>Keys and defaults</caption>
 *   <tr><th>key</th><th>type</th><th>default</th></tr>
 *   <tr><td>{@code CnnViz.background}</td><td>Color</td><td>white under a light look and feel (so near-zero heat-maps stand out), {@code Panel.background} under a dark one</td></tr>
 *   <tr><td>{@code CnnViz.foreground}</td><td>Color</td><td>{@code Label.foreground}</td></tr>
 *   <tr><td>{@code CnnViz.mutedForeground}</td><td>Color</td><td>55 % foreground on background</td></tr>
 *   <tr><td>{@code CnnViz.edgeColor}</td><td>Color</td><td>10 % foreground (rgb 230 on white)</td></tr>
 *   <tr><td>{@code CnnViz.edgeHighlightColor}</td><td>Color</td><td>49 % foreground (rgb 130 on white)</td></tr>
 *   <tr><td>{@code CnnViz.nodeBorderColor}</td><td>Color</td><td>49 % foreground</td></tr>
 *   <tr><td>{@code CnnViz.selectionColor}</td><td>Color</td><td>rgb(33, 118, 214)</td></tr>
 *   <tr><td>{@code CnnViz.barColor}</td><td>Color</td><td>40 % foreground</td></tr>
 *   <tr><td>{@code CnnViz.font}</td><td>Font</td><td>{@code Label.font}</td></tr>
 *   <tr><td>{@code CnnViz.edgeWidth}</td><td>Number</td><td>0.7</td></tr>
 *   <tr><td>{@code CnnViz.maxNodeSize}</td><td>Integer</td><td>40 (px at 100 %)</td></tr>
 *   <tr><td>{@code CnnViz.minNodeSize}</td><td>Integer</td><td>10 (below it the view scrolls)</td></tr>
 *   <tr><td>{@code CnnViz.crispPixels}</td><td>Boolean</td><td>false (smooth upscaling)</td></tr>
 * </table>
 */
public final class OverviewKeys {
  public static final String BACKGROUND = "CnnViz.background";
  public static final String FOREGROUND = "CnnViz.foreground";
  public static final String MUTED_FOREGROUND = "CnnViz.mutedForeground";
  public static final String EDGE_COLOR = "CnnViz.edgeColor";
  public static final String EDGE_HIGHLIGHT_COLOR = "CnnViz.edgeHighlightColor";
  public static final String NODE_BORDER_COLOR = "CnnViz.nodeBorderColor";
  public static final String SELECTION_COLOR = "CnnViz.selectionColor";
  public static final String BAR_COLOR = "CnnViz.barColor";
  public static final String FONT = "CnnViz.font";
  public static final String EDGE_WIDTH = "CnnViz.edgeWidth";
  public static final String MAX_NODE_SIZE = "CnnViz.maxNodeSize";
  public static final String MIN_NODE_SIZE = "CnnViz.minNodeSize";
  public static final String CRISP_PIXELS = "CnnViz.crispPixels";

  private OverviewKeys() {}
}
