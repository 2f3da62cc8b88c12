package org.cnnexplainer.viz.overview;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the columns go when an {@link Unfolding} is open (spec §2.7, generalised): the room the
 * explanation needs between the source and the selected column, in node sizes and pixels; which of
 * the two stays (the one nearer its end of the overview, as the original keeps the first block's
 * input layer and the second block's output layer); the other columns squeezed evenly into what is
 * left on their side (they sit under a veil), never past the overview's edges.
 *
 * @param x the columns' left edges when open
 * @param source the source column's index
 * @param target the selected column's index
 * @param geometry what the explanation needs to know
 */
record UnfoldLayout(double[] x, int source, int target, UnfoldGeometry geometry) {
  /** Below this node side the explanation's own columns are drawn larger than the overview's. */
  static final double MIN_ELASTIC = 24;

  private static final double MIN_SPACING = 6;
  private static final double SIDE_GAP = 12;

  /** The columns of {@code base} for {@code u}, or {@code null} if the neuron has no column. */
  static UnfoldLayout of(
      OverviewLayout base,
      LabelPainter.Plan plan,
      OverviewPainter.Fonts fonts,
      Unfolding u,
      double width) {
    int target = columnOf(base, u);
    if (target <= 0) {
      return null;
    }
    int source = target - 1;
    double n = base.node;
    double e = u.kind() == Unfolding.Kind.CONVOLUTION ? Math.max(n, MIN_ELASTIC) : n;
    double wS = u.kind() == Unfolding.Kind.CONVOLUTION ? e : base.columnWidth[source];
    double wT = u.kind() == Unfolding.Kind.CONVOLUTION ? e : base.columnWidth[target];
    double[] x = base.x.clone();
    double middle;
    double plus;
    double before = u.kind() == Unfolding.Kind.CONVOLUTION ? glyphMargin(e) : 0;
    if (u.kind() == Unfolding.Kind.PAIR) {
      middle = x[target];
      plus = x[target];
    } else {
      double[] gaps = gaps(u.kind(), e, n);
      double pad = OverviewLayout.padding(width);
      int left = source;
      int right = base.columns.size() - 1 - target;
      double leftNeed = pad + (left > 0 ? (left - 1) * MIN_SPACING + base.columnWidth[0] : 0);
      double rightNeed =
          pad
              + (right > 0
                  ? SIDE_GAP + (right - 1) * MIN_SPACING + base.columnWidth[x.length - 1]
                  : 0);
      double between = sum(gaps);
      double spare = width - leftNeed - before - wS - wT - rightNeed - (left > 0 ? SIDE_GAP : 0);
      if (spare < between) { // a narrow overview: the room shrinks, down to 40 %
        double scale = Math.max(0.4, spare / between);
        for (int i = 0; i < gaps.length; i++) {
          gaps[i] *= scale;
        }
        between = sum(gaps);
      }
      double minSource = leftNeed + (left > 0 ? SIDE_GAP : 0) + before;
      double maxTarget = width - rightNeed - wT;
      boolean keepSource = source < base.columns.size() / 2.0;
      double xs;
      if (keepSource) {
        xs = Math.max(base.x[source], minSource);
        if (xs + wS + between > maxTarget) {
          xs = Math.max(minSource, maxTarget - between - wS);
        }
      } else {
        double xt = Math.min(base.x[target], maxTarget);
        xs = xt - between - wS;
        if (xs < minSource) {
          xs = minSource;
        }
      }
      x[source] = xs;
      x[target] = xs + wS + between;
      middle = xs + wS + gaps[0];
      plus = middle + gaps[1];
      squeezeLeft(base, x, source, x[source] - before - SIDE_GAP);
      squeezeRight(base, x, target, x[target] + wT + SIDE_GAP, width - pad);
    }
    OverviewLayout moved = base.movedTo(x);
    List<Rectangle2D> sourceBoxes = List.of(moved.boxes[source]);
    Rectangle2D targetBox = moved.boxes[target][u.neuron().neuron()];
    if (base.columns.get(target).hasMaps()) {
      ColumnSpec col = base.columns.get(target);
      targetBox = OverviewLayout.mapBounds(targetBox, col.mapHeight(), col.mapWidth());
    }
    LabelPainter.Unfolded open =
        LabelPainter.unfolded(
            moved, plan, fonts, source, target, LabelPainter.middleOf(u.kind(), middle, e));
    List<Rectangle2D> labels = new ArrayList<>();
    for (int c : new int[] {source, target}) {
      labels.addAll(LabelPainter.unfoldedLabelBounds(moved, open, plan, fonts, c));
    }
    UnfoldGeometry geometry =
        new UnfoldGeometry(
            u,
            n,
            e,
            base.top,
            base.nodesBottom,
            LabelPainter.firstBaseline(fonts.label()),
            before,
            x[source],
            middle,
            plus,
            x[target],
            sourceBoxes,
            targetBox,
            labels,
            base.width,
            base.height);
    return new UnfoldLayout(x, source, target, geometry);
  }

  /** Width of the flattened vector's strips. */
  static final double FLATTEN_STRIP = 20;

  /**
   * From the flatten view's plus sign to the class: a gap, the 64 px softmax box, and a gap wide
   * enough for the class's probability over the edge to the class.
   */
  static final double FLATTEN_AFTER_PLUS = 22 + 64 + 84;

  /**
   * The room from the source column to the selected one in three parts: to the added column's left
   * edge, from there to the plus sign's centre, from there to the selected column (conv:
   * intermediate maps, plus, output; flatten: strips, plus, softmax box, class).
   */
  private static double[] gaps(Unfolding.Kind kind, double e, double n) {
    if (kind == Unfolding.Kind.CONVOLUTION) {
      return new double[] {1.5 * e + 10, e + 1.5 * e + 20, 1.2 * e + 10};
    }
    return new double[] {
      Math.max(1.5 * n, 40), FLATTEN_STRIP + Math.max(3 * n, 110), FLATTEN_AFTER_PLUS
    };
  }

  /** Room left of the input column for the kernel glyphs. */
  static double glyphMargin(double elastic) {
    return glyph(elastic) + 14;
  }

  /** Side of a kernel glyph next to an input channel of side {@code elastic}. */
  static double glyph(double elastic) {
    return Math.max(12, Math.min(22, elastic * 0.45));
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** Columns left of {@code source} keep their places if they end before {@code limit}. */
  private static void squeezeLeft(OverviewLayout base, double[] x, int source, double limit) {
    if (source == 0 || base.x[source - 1] + base.columnWidth[source - 1] <= limit) {
      return;
    }
    double first = Math.min(base.x[0], OverviewLayout.padding(base.width));
    double last = limit - base.columnWidth[source - 1];
    for (int c = 0; c < source; c++) {
      x[c] = source == 1 ? Math.max(first, last) : first + (last - first) * c / (source - 1);
    }
  }

  /** Columns right of {@code target} keep their places if they start after {@code start}. */
  private static void squeezeRight(
      OverviewLayout base, double[] x, int target, double start, double end) {
    int last = x.length - 1;
    if (target == last || base.x[target + 1] >= start) {
      return;
    }
    double lastX = Math.max(start, end - base.columnWidth[last]);
    int count = last - target;
    for (int c = target + 1; c <= last; c++) {
      x[c] = count == 1 ? lastX : start + (lastX - start) * (c - target - 1) / (count - 1);
    }
  }

  private static int columnOf(OverviewLayout base, Unfolding u) {
    for (int c = 0; c < base.columns.size(); c++) {
      if (base.columns.get(c).layer() == u.neuron().layer()
          && u.neuron().neuron() < base.columns.get(c).nodes()) {
        return c;
      }
    }
    return -1;
  }

  /** Whether column {@code c} takes part (is not veiled). */
  boolean involves(int c) {
    return c == source || c == target;
  }
}
