package org.cnnexplainer.viz.overview;

import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Everything one paint of the overview needs, fixed for that paint.
 *
 * @param trace the trace, or {@code null} to paint the structure only
 * @param ranges the ranges of {@code trace}, or {@code null} without a trace
 * @param tiles heat-map tiles per column and node, or {@code null} without a trace
 * @param previousTiles the tiles of the previous image during an image change, else {@code null}
 * @param transition progress of the image change in [0, 1] (1 when none is running)
 * @param hover the hovered neuron, or {@code null}
 * @param previousHover the neuron hovered before, while its highlight fades, else {@code null}
 * @param hoverFraction progress of the hover highlight change in [0, 1]
 * @param selection the selected neuron, or {@code null}
 * @param unfolding the open (or closing) unfolding, or {@code null}
 * @param unfold progress of the unfolding in [0, 1] (0: folded)
 * @param fadeIn whether the heat-maps fade in over the empty nodes (the first trace)
 * @param reference the state's reference trace (ghost bars, marks, comparisons), or {@code null}
 * @param changes which layers differ from the reference, or {@code null}
 * @param gradients the gradients that colour the neurons instead of the activations, or {@code
 *     null}; when set, {@code ranges} are {@link LayerRanges#ofGradients its ranges}
 * @param gradientCaption what the gradients are, for the legend, or {@code null}
 * @param difference in difference mode, the differences from the reference (then {@code tiles} are
 *     theirs), else {@code null}
 * @param comparison what the comparison with the reference shows, for the caption under the nodes
 *     (e.g. "Colour: edited − original"), or {@code null} when nothing is compared
 */
record OverviewSnapshot(
    Network network,
    List<ColumnSpec> columns,
    ActivationTrace trace,
    LayerRanges ranges,
    Palette palette,
    boolean detail,
    BufferedImage[][] tiles,
    BufferedImage[][] previousTiles,
    double transition,
    Selection hover,
    Selection previousHover,
    double hoverFraction,
    Selection selection,
    VizStyle style,
    Unfolding unfolding,
    double unfold,
    boolean fadeIn,
    ActivationTrace reference,
    LayerChanges changes,
    GradientTrace gradients,
    String gradientCaption,
    ComparisonTiles.Difference difference,
    String comparison) {
  /** Whether the legends are painted: in detail mode, and always in difference mode. */
  boolean legends() {
    return trace != null && (detail || difference != null);
  }
}
