package org.cnnexplainer.core.internal;

/** Holds bridges into package-private parts of {@code org.cnnexplainer.core}. */
public final class CoreAccess {
  private static volatile LayerMath layerMath;

  private CoreAccess() {}

  /** Called once by the core package. */
  public static void register(LayerMath math) {
    layerMath = math;
  }

  static LayerMath layerMath() {
    LayerMath math = layerMath;
    if (math == null) {
      try {
        // Loading the bridge class runs its static initialiser, which registers it.
        Class.forName(
            "org.cnnexplainer.core.TrainingBridge", true, CoreAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cnn-core's training bridge is missing", e);
      }
      math = layerMath;
    }
    return math;
  }
}
