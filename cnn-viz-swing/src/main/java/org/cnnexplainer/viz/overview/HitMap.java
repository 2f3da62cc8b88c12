package org.cnnexplainer.viz.overview;

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
 * Where each neuron was painted, recorded during the last paint (in component coordinates). Hover
 * and click are resolved here rather than by repeating the layout math.
 */
public final class HitMap {
  /**
   * One painted neuron.
   *
   * @param neuron the neuron
   * @param bounds its painted rectangle (the heat-map, or label and bar for output neurons)
   * @param mapHeight rows of its feature map (1 for units)
   * @param mapWidth columns of its feature map (1 for units)
   */
  public record Entry(NeuronRef neuron, Rectangle2D bounds, int mapHeight, int mapWidth) {
    /** The neuron and, for maps larger than one cell, the cell at {@code (x, y)}. */
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
    /** Copies the bounds. */
    public Label {
      bounds = (Rectangle2D) bounds.clone();
    }

    @Override
    public Rectangle2D bounds() {
      return (Rectangle2D) bounds.clone();
    }
  }

  private final Map<NeuronRef, Entry> entries = new LinkedHashMap<>();
  private final List<Label> labels = new ArrayList<>();

  /** An empty hit map; painters fill it. */
  HitMap() {}

  void add(NeuronRef neuron, Rectangle2D bounds, int mapHeight, int mapWidth) {
    entries.put(neuron, new Entry(neuron, (Rectangle2D) bounds.clone(), mapHeight, mapWidth));
  }

  void clear() {
    entries.clear();
    labels.clear();
  }

  void addLabels(List<Label> painted) {
    labels.addAll(painted);
  }

  /** The column labels painted, left to right. */
  public List<Label> labels() {
    return Collections.unmodifiableList(labels);
  }

  /** The column label painted at {@code (x, y)}, if any. */
  public Optional<Label> labelAt(double x, double y) {
    return labels.stream().filter(l -> l.bounds.contains(x, y)).findFirst();
  }

  /** The neuron painted at {@code (x, y)}, if any. */
  public Optional<Entry> entryAt(double x, double y) {
    for (Entry e : entries.values()) {
      if (e.bounds().contains(x, y)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The neuron and cell at {@code (x, y)}, if a neuron was painted there. */
  public Optional<Selection> selectionAt(double x, double y) {
    return entryAt(x, y).map(e -> e.selectionAt(x, y));
  }

  /** Where {@code neuron} was painted, if it was. */
  public Optional<Rectangle2D> boundsOf(NeuronRef neuron) {
    Entry e = entries.get(neuron);
    return e == null ? Optional.empty() : Optional.of((Rectangle2D) e.bounds().clone());
  }

  /** All painted neurons in paint order. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(entries.values()));
  }
}
