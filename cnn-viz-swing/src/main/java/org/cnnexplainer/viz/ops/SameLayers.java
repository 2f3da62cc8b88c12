package org.cnnexplainer.viz.ops;

import org.cnnexplainer.core.Network;

/** When a view outlives its network: whether the state's new network still fits the view. */
final class SameLayers {
  private SameLayers() {}

  /**
   * Whether a view made for {@code made} can show {@code now}: the same network, or one with the
   * same input shape and, layer by layer, the same kind of layer with the same output shape.
   */
  static boolean same(Network made, Network now) {
    if (made == now) {
      return true;
    }
    if (!made.inputShape().equals(now.inputShape())
        || made.layers().size() != now.layers().size()) {
      return false;
    }
    for (int i = 0; i < made.layers().size(); i++) {
      if (made.layer(i).getClass() != now.layer(i).getClass()
          || !made.outputShape(i).equals(now.outputShape(i))) {
        return false;
      }
    }
    return true;
  }
}
