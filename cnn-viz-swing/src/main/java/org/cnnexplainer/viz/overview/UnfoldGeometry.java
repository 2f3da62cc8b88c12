package org.cnnexplainer.viz.overview;

import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Where things go when an {@link Unfolding} is fully open, in the overview's coordinates: the
 * source column (the selected neuron's input layer) and the selected column after they moved, the
 * room between them and the positions of the columns the explanation adds there. Explanations paint
 * at these positions; the overview itself paints the columns, the veils and the labels.
 *
 * @param unfolding what is open
 * @param node the overview's node side
 * @param elastic the node side of the explanation's own columns (at least {@code node}, and large
 *     enough to read)
 * @param top the top of the band the nodes occupy
 * @param bottom the bottom of that band (legends go below it)
 * @param labelBaseline the baseline of the first line of column labels
 * @param margin free space reserved left of the source column (the kernel glyphs go there)
 * @param sourceX left edge of the source column
 * @param middleX left edge of the column the explanation adds (intermediate maps, flattened vector)
 * @param plusX centre of the plus sign
 * @param targetX left edge of the selected column
 * @param sourceBoxes the source column's nodes, where the overview paints them
 * @param targetBox the selected neuron, where the overview paints it
 * @param labels where the visible column labels are (an explanation adds its own beside them)
 * @param width the overview's width
 * @param height the overview's height
 */
public record UnfoldGeometry(
    Unfolding unfolding,
    double node,
    double elastic,
    double top,
    double bottom,
    double labelBaseline,
    double margin,
    double sourceX,
    double middleX,
    double plusX,
    double targetX,
    List<Rectangle2D> sourceBoxes,
    Rectangle2D targetBox,
    List<Rectangle2D> labels,
    double width,
    double height) {
  /**
   * Copies the lists and rectangles, so the record stays unchanged. All lengths and coordinates are
   * in the overview's pixels.
   *
   * @param unfolding what is open
   * @param node the overview's node side
   * @param elastic the node side of the explanation's own columns
   * @param top the top of the band the nodes occupy
   * @param bottom the bottom of that band
   * @param labelBaseline the baseline of the first line of column labels
   * @param margin free space reserved left of the source column
   * @param sourceX left edge of the source column
   * @param middleX left edge of the column the explanation adds
   * @param plusX centre of the plus sign
   * @param targetX left edge of the selected column
   * @param sourceBoxes the source column's nodes (copied)
   * @param targetBox the selected neuron (copied)
   * @param labels where the visible column labels are (copied)
   * @param width the overview's width
   * @param height the overview's height
   */
  public UnfoldGeometry {
    sourceBoxes = sourceBoxes.stream().map(r -> (Rectangle2D) r.clone()).toList();
    labels = labels.stream().map(r -> (Rectangle2D) r.clone()).toList();
    targetBox = (Rectangle2D) targetBox.clone();
  }

  /** {@return the selected neuron, where the overview paints it (a copy)} */
  @Override
  public Rectangle2D targetBox() {
    return (Rectangle2D) targetBox.clone();
  }
}
