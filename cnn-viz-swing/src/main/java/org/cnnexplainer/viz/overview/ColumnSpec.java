package org.cnnexplainer.viz.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.NeuronRef;

/**
 * One column of the overview, independent of the component size.
 *
 * @param layer network layer index, or {@link NeuronRef#INPUT}
 * @param kind what the nodes show
 * @param name long label (layer name)
 * @param shortName short label ({@code conv}, {@code relu}, ...)
 * @param dims the output shape in TF.js order, e.g. {@code (62, 62, 10)}
 * @param nodes number of nodes (channels or units)
 * @param mapHeight feature-map height (1 for vectors)
 * @param mapWidth feature-map width (1 for vectors)
 * @param edges how the previous column connects to this one
 * @param longGapBefore whether a long gap precedes the column (before conv, dense and output)
 */
record ColumnSpec(
    int layer,
    Kind kind,
    String name,
    String shortName,
    String dims,
    int nodes,
    int mapHeight,
    int mapWidth,
    Edges edges,
    boolean longGapBefore) {

  enum Kind {
    INPUT,
    MAP,
    VECTOR,
    OUTPUT
  }

  enum Edges {
    NONE,
    ALL_TO_ONE,
    ONE_TO_ONE
  }

  /**
   * The columns of {@code network}: the input channels, then every layer except {@link InputLayer},
   * {@link Flatten} and {@link Dropout} (which would repeat the previous column).
   */
  static List<ColumnSpec> of(Network network) {
    List<ColumnSpec> columns = new ArrayList<>();
    Shape in = network.inputShape();
    columns.add(
        new ColumnSpec(
            NeuronRef.INPUT,
            Kind.INPUT,
            "input",
            "input",
            dims(in),
            in.isImage() ? in.channels() : in.size(),
            in.isImage() ? in.height() : 1,
            in.isImage() ? in.width() : 1,
            Edges.NONE,
            false));
    int last = network.layers().size() - 1;
    for (int i = 0; i <= last; i++) {
      Layer layer = network.layer(i);
      if (layer instanceof InputLayer || layer instanceof Flatten || layer instanceof Dropout) {
        continue;
      }
      Shape out = network.outputShape(i);
      boolean image = out.isImage();
      Kind kind = i == last && !image ? Kind.OUTPUT : image ? Kind.MAP : Kind.VECTOR;
      int nodes = image ? out.channels() : out.size();
      boolean mixing = layer instanceof Conv2D || layer instanceof Dense;
      int previousNodes = columns.get(columns.size() - 1).nodes();
      Edges edges = mixing || previousNodes != nodes ? Edges.ALL_TO_ONE : Edges.ONE_TO_ONE;
      String shortName = kind == Kind.OUTPUT ? "output" : shortName(layer);
      columns.add(
          new ColumnSpec(
              i,
              kind,
              layer.name(),
              shortName,
              dims(out),
              nodes,
              image ? out.height() : 1,
              image ? out.width() : 1,
              edges,
              mixing || kind == Kind.OUTPUT));
    }
    return List.copyOf(columns);
  }

  private static String shortName(Layer layer) {
    if (layer instanceof Conv2D) {
      return "conv";
    } else if (layer instanceof ActivationLayer act) {
      return act.activation().tfjsName();
    } else if (layer instanceof Pooling2D pool) {
      return pool.type() == Pooling2D.Type.MAX ? "max_pool" : "avg_pool";
    } else if (layer instanceof BatchNormalization) {
      return "batch_norm";
    } else if (layer instanceof Dense) {
      return "dense";
    }
    return layer.kind().toLowerCase(Locale.ROOT);
  }

  /** The shape as the original prints it: TF.js order {@code (H, W, C)} or {@code (n)}. */
  static String dims(Shape shape) {
    if (shape.isImage()) {
      return "(" + shape.height() + ", " + shape.width() + ", " + shape.channels() + ")";
    }
    return "(" + shape.size() + ")";
  }

  /** Whether the nodes show heat-map tiles. */
  boolean hasMaps() {
    return kind == Kind.INPUT || kind == Kind.MAP;
  }
}
