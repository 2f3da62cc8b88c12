package org.cnnexplainer.demo.app;

import java.awt.Cursor;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import java.util.function.Consumer;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * Makes the layer labels above the overview's columns open the tutorial page of the layer's concept
 * (the original's clickable layer names). The label area is found from the hit map: the strip above
 * a column's first neuron, as wide as the column.
 */
final class LayerLabelClicks extends MouseAdapter {
  private static final double SLACK = 12;
  private final NetworkOverview overview;
  private final Consumer<Concept> onExplain;

  private LayerLabelClicks(NetworkOverview overview, Consumer<Concept> onExplain) {
    this.overview = overview;
    this.onExplain = onExplain;
  }

  static void install(NetworkOverview overview, Consumer<Concept> onExplain) {
    LayerLabelClicks clicks = new LayerLabelClicks(overview, onExplain);
    overview.addMouseListener(clicks);
    overview.addMouseMotionListener(clicks);
  }

  @Override
  public void mouseClicked(MouseEvent e) {
    conceptAt(e.getX(), e.getY()).ifPresent(onExplain);
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    boolean onLabel = conceptAt(e.getX(), e.getY()).isPresent();
    overview.setCursor(
        Cursor.getPredefinedCursor(onLabel ? Cursor.HAND_CURSOR : Cursor.DEFAULT_CURSOR));
  }

  /** The concept of the layer whose label is at (x, y), if a label is there. */
  Optional<Concept> conceptAt(double x, double y) {
    Network network = overview.state().network().orElse(null);
    HitMap hits = overview.hitMap();
    if (network == null || hits.entryAt(x, y).isPresent()) {
      return Optional.empty();
    }
    Integer layer = null;
    double columnTop = Double.MAX_VALUE;
    for (HitMap.Entry entry : hits.entries()) {
      Rectangle2D b = entry.bounds();
      if (x >= b.getMinX() - SLACK && x <= b.getMaxX() + SLACK) {
        if (layer == null || b.getMinY() < columnTop) {
          layer = entry.neuron().layer();
          columnTop = b.getMinY();
        }
      }
    }
    if (layer == null || y >= columnTop - 4) {
      return Optional.empty();
    }
    return Optional.of(
        layer == NeuronRef.INPUT ? Concept.INPUT : Concept.forLayer(network.layer(layer)));
  }
}
