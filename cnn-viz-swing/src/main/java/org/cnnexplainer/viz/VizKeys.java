package org.cnnexplainer.viz;

/**
 * Every {@link javax.swing.UIManager} key the components of this library read, so a look and feel
 * or an application can restyle them. The components read the keys on every paint. Every key is
 * optional; the defaults derive from the look and feel's {@code Panel.background}, {@code
 * Label.foreground} and {@code Label.font}, so Metal, Nimbus and dark themes work without setting
 * any.
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
 *   <tr><td>{@code CnnViz.redChannelColor}, {@code CnnViz.greenChannelColor}, {@code CnnViz.blueChannelColor}</td><td>Color</td><td>rgb(201, 94, 103), rgb(61, 182, 101), rgb(63, 127, 188): the words "red", "green", "blue" of the input column</td></tr>
 *   <tr><td>{@code CnnViz.windowColor}</td><td>Color</td><td>rgb(255, 39, 56): the playground's current window</td></tr>
 *   <tr><td>{@code CnnViz.errorColor}</td><td>Color</td><td>rgb(198, 40, 40): a message about invalid settings</td></tr>
 *   <tr><td>{@code CnnViz.trainingColor}</td><td>Color</td><td>a blue (lighter under a dark look and feel)</td></tr>
 *   <tr><td>{@code CnnViz.validationColor}</td><td>Color</td><td>an orange (lighter under a dark look and feel)</td></tr>
 *   <tr><td>{@code CnnViz.attribution.background}</td><td>Color</td><td>{@code Panel.background}</td></tr>
 *   <tr><td>{@code CnnViz.attribution.foreground}</td><td>Color</td><td>{@code Label.foreground}</td></tr>
 * </table>
 *
 * <p>The per-component switch for animations is a client property, not a UI key: see {@link
 * Animator#ANIMATED_CLIENT_PROPERTY}.
 */
public final class VizKeys {
  /** Colour the views paint on. */
  public static final String BACKGROUND = "CnnViz.background";

  /** Colour of text and lines. */
  public static final String FOREGROUND = "CnnViz.foreground";

  /** Colour of secondary text (shapes, captions). */
  public static final String MUTED_FOREGROUND = "CnnViz.mutedForeground";

  /** Colour of the overview's edges. */
  public static final String EDGE_COLOR = "CnnViz.edgeColor";

  /** Colour of the edges of the neuron under the pointer. */
  public static final String EDGE_HIGHLIGHT_COLOR = "CnnViz.edgeHighlightColor";

  /** Colour of a neuron's border. */
  public static final String NODE_BORDER_COLOR = "CnnViz.nodeBorderColor";

  /** Colour of the selection (the open neuron's frame, the highlighted term). */
  public static final String SELECTION_COLOR = "CnnViz.selectionColor";

  /** Colour of the output layer's probability bars. */
  public static final String BAR_COLOR = "CnnViz.barColor";

  /** Font of every text (sizes are derived from it). */
  public static final String FONT = "CnnViz.font";

  /** Width of the overview's edges, in pixels. */
  public static final String EDGE_WIDTH = "CnnViz.edgeWidth";

  /** Largest side of a neuron's heat-map in the overview, in pixels at 100 %. */
  public static final String MAX_NODE_SIZE = "CnnViz.maxNodeSize";

  /** Smallest side of a neuron's heat-map before the overview scrolls. */
  public static final String MIN_NODE_SIZE = "CnnViz.minNodeSize";

  /** Whether heat-maps are upscaled with crisp (nearest-neighbour) pixels. */
  public static final String CRISP_PIXELS = "CnnViz.crispPixels";

  /** Colour of the word "red" under the input column's red channel. */
  public static final String RED_CHANNEL_COLOR = "CnnViz.redChannelColor";

  /** Colour of the word "green" under the input column's green channel. */
  public static final String GREEN_CHANNEL_COLOR = "CnnViz.greenChannelColor";

  /** Colour of the word "blue" under the input column's blue channel. */
  public static final String BLUE_CHANNEL_COLOR = "CnnViz.blueChannelColor";

  /** Colour of the hyperparameter playground's current window. */
  public static final String WINDOW_COLOR = "CnnViz.windowColor";

  /** Colour of a message about invalid settings (the playground's). */
  public static final String ERROR_COLOR = "CnnViz.errorColor";

  /** Colour of the training series in the training charts. */
  public static final String TRAINING_COLOR = "CnnViz.trainingColor";

  /** Colour of the validation series in the training charts. */
  public static final String VALIDATION_COLOR = "CnnViz.validationColor";

  /** Background of the attribution overlays. */
  public static final String ATTRIBUTION_BACKGROUND = "CnnViz.attribution.background";

  /** Text colour of the attribution overlays. */
  public static final String ATTRIBUTION_FOREGROUND = "CnnViz.attribution.foreground";

  private VizKeys() {}
}
