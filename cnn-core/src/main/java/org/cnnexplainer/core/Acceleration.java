package org.cnnexplainer.core;

import org.cnnexplainer.core.kernel.Kernels;

/**
 * Which optional fast path this JVM computes with.
 *
 * <p>Convolutions have two implementations that give the same results within float rounding: plain
 * Java loops shaped for the JIT's auto-vectoriser (always available), and explicit SIMD code
 * written with the JDK's incubating Vector API, about twice as fast. The second is used only when
 * the JVM was started with {@code --add-modules jdk.incubator.vector} (so nothing needs the
 * incubator module by default), the CPU has vectors of at least 256 bits, and the system property
 * {@code cnn.vectorApi} is not {@code false}. The choice is made once, when it is first needed.
 */
public final class Acceleration {
  /**
   * The option that enables the Vector API path: {@code java --add-modules jdk.incubator.vector}.
   */
  public static final String VECTOR_API_OPTION = "--add-modules jdk.incubator.vector";

  private Acceleration() {}

  /** {@return whether convolutions run on the Vector API path} */
  public static boolean vectorApi() {
    return Kernels.active().vectorApi();
  }
}
