package org.cnnexplainer.viz.paint;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;

/**
 * Where a component painted its interactive parts, recorded during its last paint (in component
 * coordinates): the one hit map of the library. Hover and click are resolved here, never by
 * repeating layout math. The overview records the neurons and column labels it painted ({@link
 * #entries()}, {@link #labels()}); the operation views record kinds of regions (grid cells,
 * channels, buttons, ...; {@link #regions()}) and the texts they drew in named roles ({@link
 * #texts()}). Painters fill a fresh map on every paint; readers get the last complete one.
 */
public final class HitMap {
  /** An empty hit map; painters fill it. */
  public HitMap() {}

  /** What kind of thing a region is. */
  public enum Kind {
    /** A cell of the input grid; {@code row, column} in input coordinates. */
    INPUT_CELL,
    /** A cell of the output grid; {@code row, column} in output coordinates. */
    OUTPUT_CELL,
    /** An input channel (elastic view) or source map (flatten view); {@code index} = channel. */
    CHANNEL,
    /** An intermediate map of the elastic view; {@code index} = channel. */
    INTERMEDIATE,
    /** One strip of the flatten column; {@code index} = display position. */
    STRIP,
    /** A logit circle of the softmax view; {@code index} = class. */
    LOGIT,
    /** A term of the softmax formula; {@code index} = class. */
    TERM,
    /** The bias dot (elastic view) or the bias cell (formula view). */
    BIAS,
    /**
     * A kernel weight of a convolution view's neuron; {@code index} = its flat position in that
     * neuron's kernel, {@code (channel * kernelHeight + row) * kernelWidth + column}.
     */
    WEIGHT,
    /** The softmax box of the flatten view. */
    SOFTMAX_BUTTON,
    /** A push button (play, skip, replay); {@code index} identifies it. */
    BUTTON
  }

  /**
   * One painted region.
   *
   * @param kind what it is
   * @param index channel, class, strip or button id (0 when unused)
   * @param rows rows of a grid region (1 otherwise)
   * @param columns columns of a grid region (1 otherwise)
   * @param bounds where it was painted
   */
  public record Region(Kind kind, int index, int rows, int columns, Rectangle2D bounds) {
    /**
     * The grid cell {@code {row, column}} at {@code (x, y)}, clamped into the grid.
     *
     * @param x the x coordinate, in the component's coordinates
     * @param y the y coordinate
     * @return {@code {row, column}}
     */
    public int[] cellAt(double x, double y) {
      int c = (int) ((x - bounds.getX()) / bounds.getWidth() * columns);
      int r = (int) ((y - bounds.getY()) / bounds.getHeight() * rows);
      return new int[] {Math.max(0, Math.min(rows - 1, r)), Math.max(0, Math.min(columns - 1, c))};
    }
  }

  private final List<Region> regions = new ArrayList<>();
  private final Map<String, String> texts = new LinkedHashMap<>();

  /**
   * Records that {@code text} was drawn in the role {@code role} (e.g. {@code "product 0 1"}).
   *
   * @param role what the text is
   * @param text the text drawn
   */
  public void text(String role, String text) {
    texts.put(role, text);
  }

  /**
   * The text drawn in {@code role} in the last paint, if any (what a learner read).
   *
   * @param role what the text is
   * @return the text, or empty when none was drawn in that role
   */
  public Optional<String> text(String role) {
    return Optional.ofNullable(texts.get(role));
  }

  /**
   * Every text drawn with a role, by role, in paint order.
   *
   * @return role to text, unmodifiable
   */
  public Map<String, String> texts() {
    return Collections.unmodifiableMap(texts);
  }

  /**
   * Records a one-cell region of {@code kind} painted at {@code bounds}.
   *
   * @param kind what the region is
   * @param index its channel, class, strip or button id (0 when unused)
   * @param bounds where it was painted (copied)
   */
  public void add(Kind kind, int index, Rectangle2D bounds) {
    add(kind, index, 1, 1, bounds);
  }

  /**
   * Records a grid region of {@code rows x columns} cells painted at {@code bounds}.
   *
   * @param kind what the region is
   * @param index its channel, class, strip or button id (0 when unused)
   * @param rows rows of the grid
   * @param columns columns of the grid
   * @param bounds where it was painted (copied)
   */
  public void add(Kind kind, int index, int rows, int columns, Rectangle2D bounds) {
    regions.add(new Region(kind, index, rows, columns, (Rectangle2D) bounds.clone()));
  }

  /**
   * The topmost region at {@code (x, y)} (the last painted wins).
   *
   * @param x the x coordinate, in the component's coordinates
   * @param y the y coordinate
   * @return the region, or empty
   */
  public Optional<Region> at(double x, double y) {
    for (int i = regions.size() - 1; i >= 0; i--) {
      if (regions.get(i).bounds().contains(x, y)) {
        return Optional.of(regions.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The first region of {@code kind} with {@code index}.
   *
   * @param kind what the region is
   * @param index its channel, class, strip or button id
   * @return the region, or empty
   */
  public Optional<Region> find(Kind kind, int index) {
    return regions.stream().filter(r -> r.kind() == kind && r.index() == index).findFirst();
  }

  /**
   * All regions of {@code kind}, in paint order.
   *
   * @param kind what the regions are
   * @return the regions
   */
  public List<Region> all(Kind kind) {
    return regions.stream().filter(r -> r.kind() == kind).toList();
  }

  /**
   * Every region in paint order.
   *
   * @return the regions, unmodifiable
   */
  public List<Region> regions() {
    return Collections.unmodifiableList(regions);
  }

  /**
   * One painted neuron.
   *
   * @param neuron the neuron
   * @param bounds its painted rectangle (the heat-map, or label and bar for output neurons)
   * @param mapHeight rows of its feature map (1 for units)
   * @param mapWidth columns of its feature map (1 for units)
   */
  public record Entry(NeuronRef neuron, Rectangle2D bounds, int mapHeight, int mapWidth) {
    /**
     * The neuron and, for maps larger than one cell, the cell at {@code (x, y)}.
     *
     * @param x the x coordinate, in the component's coordinates
     * @param y the y coordinate
     * @return the selection
     */
    public Selection selectionAt(double x, double y) {
      if (mapHeight * mapWidth <= 1) {
        return Selection.of(neuron);
      }
      int col = (int) ((x - bounds.getX()) / bounds.getWidth() * mapWidth);
      int row = (int) ((y - bounds.getY()) / bounds.getHeight() * mapHeight);
      col = Math.max(0, Math.min(mapWidth - 1, col));
      row = Math.max(0, Math.min(mapHeight - 1, row));
      return new Selection(neuron, new Position(row, col));
    }
  }

  /**
   * One painted column label.
   *
   * @param layer the column's layer index, or {@link NeuronRef#INPUT}
   * @param bounds where the label (and its shape line) was painted
   * @param fullName the layer's name and shape, e.g. {@code conv_1_1 (26, 26, 10)}
   * @param shown the text shown, the full name or a short one ({@code conv}) when space is short
   */
  public record Label(int layer, Rectangle2D bounds, String fullName, String shown) {
    /**
     * Copies the bounds.
     *
     * @param layer the column's layer index, or {@link NeuronRef#INPUT}
     * @param bounds where the label was painted
     * @param fullName the layer's name and shape
     * @param shown the text shown
     */
    public Label {
      bounds = (Rectangle2D) bounds.clone();
    }

    /**
     * Where the label was painted.
     *
     * @return a copy of the bounds
     */
    @Override
    public Rectangle2D bounds() {
      return (Rectangle2D) bounds.clone();
    }
  }

  private final Map<NeuronRef, Entry> entries = new LinkedHashMap<>();
  private final List<Label> labels = new ArrayList<>();

  /**
   * Records that {@code neuron} was painted at {@code bounds}.
   *
   * @param neuron the neuron
   * @param bounds where its heat-map (or label and bar) was painted (copied)
   * @param mapHeight rows of its feature map (1 for units)
   * @param mapWidth columns of its feature map (1 for units)
   */
  public void add(NeuronRef neuron, Rectangle2D bounds, int mapHeight, int mapWidth) {
    entries.put(neuron, new Entry(neuron, (Rectangle2D) bounds.clone(), mapHeight, mapWidth));
  }

  /** Forgets everything recorded (before a new paint). */
  public void clear() {
    entries.clear();
    labels.clear();
    regions.clear();
    texts.clear();
  }

  /**
   * Records the column labels painted.
   *
   * @param painted the labels, left to right
   */
  public void addLabels(List<Label> painted) {
    labels.addAll(painted);
  }

  /**
   * The column labels painted, left to right.
   *
   * @return the labels, unmodifiable
   */
  public List<Label> labels() {
    return Collections.unmodifiableList(labels);
  }

  /**
   * The column label painted at {@code (x, y)}, if any.
   *
   * @param x the x coordinate, in the component's coordinates
   * @param y the y coordinate
   * @return the label, or empty
   */
  public Optional<Label> labelAt(double x, double y) {
    return labels.stream().filter(l -> l.bounds.contains(x, y)).findFirst();
  }

  /**
   * The neuron painted at {@code (x, y)}, if any.
   *
   * @param x the x coordinate, in the component's coordinates
   * @param y the y coordinate
   * @return the neuron's entry, or empty
   */
  public Optional<Entry> entryAt(double x, double y) {
    for (Entry e : entries.values()) {
      if (e.bounds().contains(x, y)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The neuron and cell at {@code (x, y)}, if a neuron was painted there.
   *
   * @param x the x coordinate, in the component's coordinates
   * @param y the y coordinate
   * @return the selection, or empty
   */
  public Optional<Selection> selectionAt(double x, double y) {
    return entryAt(x, y).map(e -> e.selectionAt(x, y));
  }

  /**
   * Where {@code neuron} was painted, if it was.
   *
   * @param neuron the neuron
   * @return a copy of its bounds, or empty
   */
  public Optional<Rectangle2D> boundsOf(NeuronRef neuron) {
    Entry e = entries.get(neuron);
    return e == null ? Optional.empty() : Optional.of((Rectangle2D) e.bounds().clone());
  }

  /**
   * All painted neurons in paint order.
   *
   * @return the entries
   */
  public List<Entry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(entries.values()));
  }
}
