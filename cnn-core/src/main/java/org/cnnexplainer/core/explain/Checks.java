package org.cnnexplainer.core.explain;

import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.Layer;

/** Argument checks shared by the factories, with messages naming the argument and its value. */
final class Checks {
  private Checks() {}

  /** The layer at {@code layerIndex}, which must be an instance of {@code kind}. */
  static <T extends Layer> T layer(
      ActivationTrace trace, int layerIndex, Class<T> kind, String expected) {
    Objects.requireNonNull(trace, "trace");
    int count = trace.size();
    if (layerIndex < 0 || layerIndex >= count) {
      throw new IllegalArgumentException(
          "layerIndex "
              + layerIndex
              + " is outside 0.."
              + (count - 1)
              + " of network '"
              + trace.network().name()
              + "'");
    }
    Layer layer = trace.network().layer(layerIndex);
    if (!kind.isInstance(layer)) {
      throw new IllegalArgumentException(
          "layerIndex " + layerIndex + " is " + layer + ", expected " + expected);
    }
    return kind.cast(layer);
  }

  /** Throws unless {@code 0 <= value < size}; {@code what} says whose range it is. */
  static void index(String argument, int value, int size, String what) {
    if (value < 0 || value >= size) {
      throw new IllegalArgumentException(
          argument + " " + value + " is outside 0.." + (size - 1) + " of " + what);
    }
  }

  /** Throws unless {@code position} lies on a plane of the image shape {@code shape}. */
  static void position(Position position, Shape shape, String what) {
    Objects.requireNonNull(position, "position");
    index("row", position.row(), shape.height(), what);
    index("column", position.column(), shape.width(), what);
  }
}
