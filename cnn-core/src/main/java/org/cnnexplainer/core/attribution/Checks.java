package org.cnnexplainer.core.attribution;

import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.internal.ModuleAccess;

/** Argument checks and tensor access shared by the methods. */
final class Checks {
  private Checks() {}

  static void requireInput(Network network, Tensor input) {
    if (!input.shape().equals(network.inputShape())) {
      throw new IllegalArgumentException(
          "network '"
              + network.name()
              + "' expects an input of shape "
              + network.inputShape()
              + ", got "
              + input.shape());
    }
  }

  static void requireClass(int classIndex, int classes) {
    if (classIndex < 0 || classIndex >= classes) {
      throw new IllegalArgumentException(
          "class must be in 0.." + (classes - 1) + " (the network's classes), got " + classIndex);
    }
  }

  static void requireAtLeast(String what, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
    }
  }

  /** The tensor's array, not copied: read only. */
  static float[] data(Tensor tensor) {
    return ModuleAccess.tensors().data(tensor);
  }

  /** A tensor owning {@code values} (not copied). */
  static Tensor wrap(org.cnnexplainer.core.Shape shape, float[] values) {
    return ModuleAccess.tensors().wrap(shape, values);
  }
}
