package org.cnnexplainer.viz.overview;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Position;
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

  private final Map<NeuronRef, Entry> entries = new LinkedHashMap<>();

  /** An empty hit map; painters fill it. */
  HitMap() {}

  void add(NeuronRef neuron, Rectangle2D bounds, int mapHeight, int mapWidth) {
    entries.put(neuron, new Entry(neuron, (Rectangle2D) bounds.clone(), mapHeight, mapWidth));
  }

  void clear() {
    entries.clear();
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
