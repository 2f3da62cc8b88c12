package org.cnnexplainer.viz.ops;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an operation view painted its interactive parts, recorded during the last paint (in
 * component coordinates). Hover and click are resolved here, never by repeating layout math.
 */
public final class ViewHits {
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
    /** The bias dot. */
    BIAS,
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
    /** The grid cell {@code {row, column}} at {@code (x, y)}, clamped into the grid. */
    public int[] cellAt(double x, double y) {
      int c = (int) ((x - bounds.getX()) / bounds.getWidth() * columns);
      int r = (int) ((y - bounds.getY()) / bounds.getHeight() * rows);
      return new int[] {Math.max(0, Math.min(rows - 1, r)), Math.max(0, Math.min(columns - 1, c))};
    }
  }

  private final List<Region> regions = new ArrayList<>();
  private final Map<String, String> texts = new LinkedHashMap<>();

  /** Records that {@code text} was drawn in the role {@code role} (e.g. {@code "product 0 1"}). */
  void text(String role, String text) {
    texts.put(role, text);
  }

  /** The text drawn in {@code role} in the last paint, if any (what a learner read). */
  public Optional<String> text(String role) {
    return Optional.ofNullable(texts.get(role));
  }

  /** Every text drawn with a role, by role, in paint order. */
  public Map<String, String> texts() {
    return Collections.unmodifiableMap(texts);
  }

  void add(Kind kind, int index, Rectangle2D bounds) {
    add(kind, index, 1, 1, bounds);
  }

  void add(Kind kind, int index, int rows, int columns, Rectangle2D bounds) {
    regions.add(new Region(kind, index, rows, columns, (Rectangle2D) bounds.clone()));
  }

  /** The topmost region at {@code (x, y)} (the last painted wins). */
  public Optional<Region> at(double x, double y) {
    for (int i = regions.size() - 1; i >= 0; i--) {
      if (regions.get(i).bounds().contains(x, y)) {
        return Optional.of(regions.get(i));
      }
    }
    return Optional.empty();
  }

  /** The first region of {@code kind} with {@code index}. */
  public Optional<Region> find(Kind kind, int index) {
    return regions.stream().filter(r -> r.kind() == kind && r.index() == index).findFirst();
  }

  /** All regions of {@code kind}, in paint order. */
  public List<Region> all(Kind kind) {
    return regions.stream().filter(r -> r.kind() == kind).toList();
  }

  /** Every region in paint order. */
  public List<Region> regions() {
    return Collections.unmodifiableList(regions);
  }
}
