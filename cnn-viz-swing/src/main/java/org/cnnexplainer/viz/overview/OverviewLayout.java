package org.cnnexplainer.viz.overview;

import java.awt.geom.Rectangle2D;
import java.util.List;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Where every column and node goes for one component size, following the original's proportions
 * (spec §2.7): node side up to 40 px, a long gap (4 short gaps) before conv, dense and output
 * columns, nodes of a column spread evenly over the height. Node side shrinks to fit the size but
 * not below a minimum; {@link #width()} and {@link #height()} then exceed the given size (so a
 * scroll pane scrolls); that happens only for networks with very many columns. Heat-map columns set
 * the node size; any column with more nodes than fit the height as squares shrinks its nodes, down
 * to a gap-less strip.
 */
final class OverviewLayout {
  private static final double GAP_RATIO = 4;
  private static final double MIN_HGAP_PER_NODE = 0.5;
  private static final double VGAP_PER_NODE = 0.35;

  final List<ColumnSpec> columns;
  final double node;
  final double[] x;
  final double[] columnWidth;
  final Rectangle2D[][] boxes;
  final double top;
  final double nodesBottom;
  final double width;
  final double height;
  final double minWidth;
  final double minHeight;

  private OverviewLayout(
      List<ColumnSpec> columns,
      double node,
      double[] x,
      double[] columnWidth,
      Rectangle2D[][] boxes,
      double top,
      double nodesBottom,
      double width,
      double height,
      double minWidth,
      double minHeight) {
    this.columns = columns;
    this.node = node;
    this.x = x;
    this.columnWidth = columnWidth;
    this.boxes = boxes;
    this.top = top;
    this.nodesBottom = nodesBottom;
    this.width = width;
    this.height = height;
    this.minWidth = minWidth;
    this.minHeight = minHeight;
  }

  /**
   * Lays out {@code columns} in {@code width x height}.
   *
   * @param top space above the nodes (labels)
   * @param bottom space below the nodes (legends)
   * @param outputLabelWidth width the output column needs for its class labels
   */
  static OverviewLayout compute(
      List<ColumnSpec> columns,
      double width,
      double height,
      double top,
      double bottom,
      double outputLabelWidth,
      VizStyle style) {
    double pad = padding(width);
    double gapUnits = 1; // the trailing short gap
    int maxNodes = 1;
    for (ColumnSpec c : columns) {
      gapUnits += c.longGapBefore() ? GAP_RATIO : 1;
      if (c.hasMaps()) { // unit columns shrink into strips instead of growing the view
        maxNodes = Math.max(maxNodes, c.nodes());
      }
    }
    double extra =
        columns.get(columns.size() - 1).kind() == ColumnSpec.Kind.OUTPUT ? outputLabelWidth : 0;
    double availW = width - 2 * pad - extra;
    double availH = height - top - bottom;
    double widthFit = availW / (columns.size() + MIN_HGAP_PER_NODE * gapUnits);
    double heightFit = availH / (maxNodes + (maxNodes + 1) * VGAP_PER_NODE);
    double node = Math.floor(Math.min(style.maxNodeSize(), Math.min(widthFit, heightFit)));
    node = Math.max(node, style.minNodeSize());
    double minNode = style.minNodeSize();
    double minW = 2 * pad + extra + minNode * (columns.size() + MIN_HGAP_PER_NODE * gapUnits);
    // Columns with many nodes never make the overview taller: their nodes shrink, down to strips,
    // so every network fits the window's height (the explanations page through the channels).
    double minH = top + bottom + minNode * (1 + 2 * VGAP_PER_NODE);
    double totalW = Math.max(width, minW);
    double totalH = Math.max(height, minH);
    availH = totalH - top - bottom;

    double[] colWidth = new double[columns.size()];
    double sumWidth = 0;
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      colWidth[i] = c.kind() == ColumnSpec.Kind.OUTPUT ? Math.max(node, outputLabelWidth) : node;
      sumWidth += colWidth[i];
    }
    double hGap = (totalW - 2 * pad - sumWidth) / gapUnits;
    double[] x = new double[columns.size()];
    Rectangle2D[][] boxes = new Rectangle2D[columns.size()][];
    double cursor = pad;
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      cursor += hGap * (c.longGapBefore() ? GAP_RATIO : 1);
      x[i] = cursor;
      boxes[i] = nodeBoxes(c, cursor, colWidth[i], node, top, availH);
      cursor += colWidth[i];
    }
    return new OverviewLayout(
        columns, node, x, colWidth, boxes, top, top + availH, totalW, totalH, minW, minH);
  }

  /** This layout with column {@code c} moved to {@code newX[c]} (node sizes unchanged). */
  OverviewLayout movedTo(double[] newX) {
    Rectangle2D[][] moved = new Rectangle2D[boxes.length][];
    for (int c = 0; c < boxes.length; c++) {
      double dx = newX[c] - x[c];
      moved[c] = new Rectangle2D[boxes[c].length];
      for (int n = 0; n < boxes[c].length; n++) {
        Rectangle2D b = boxes[c][n];
        moved[c][n] = new Rectangle2D.Double(b.getX() + dx, b.getY(), b.getWidth(), b.getHeight());
      }
    }
    return new OverviewLayout(
        columns,
        node,
        newX.clone(),
        columnWidth,
        moved,
        top,
        nodesBottom,
        width,
        height,
        minWidth,
        minHeight);
  }

  /** The left padding this layout keeps (the original's 50 px, less in narrow components). */
  static double padding(double width) {
    return Math.max(12, Math.min(50, width * 0.035));
  }

  private static Rectangle2D[] nodeBoxes(
      ColumnSpec c, double x, double w, double node, double top, double availH) {
    int n = c.nodes();
    double side = Math.min(node, availH / (n + (n + 1) * 0.2));
    double vGap;
    if (side < 3) { // too many units for squares: a continuous strip
      side = availH / n;
      vGap = 0;
    } else {
      vGap = (availH - n * side) / (n + 1);
    }
    Rectangle2D[] boxes = new Rectangle2D[n];
    for (int i = 0; i < n; i++) {
      double y = top + vGap + i * (side + vGap);
      double boxW = c.kind() == ColumnSpec.Kind.OUTPUT ? w : side;
      double boxX = c.kind() == ColumnSpec.Kind.OUTPUT ? x : x + (w - side) / 2;
      boxes[i] = new Rectangle2D.Double(boxX, y, boxW, side);
    }
    return boxes;
  }

  /** The rectangle the map of a node occupies inside its box, keeping the map's aspect ratio. */
  static Rectangle2D mapBounds(Rectangle2D box, int mapHeight, int mapWidth) {
    double w = box.getWidth();
    double h = box.getHeight();
    if (mapWidth >= mapHeight) {
      h = w * mapHeight / mapWidth;
    } else {
      w = h * mapWidth / mapHeight;
    }
    return new Rectangle2D.Double(
        box.getX() + (box.getWidth() - w) / 2, box.getY() + (box.getHeight() - h) / 2, w, h);
  }
}
