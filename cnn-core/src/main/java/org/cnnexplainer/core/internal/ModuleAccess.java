package org.cnnexplainer.core.internal;

import java.lang.invoke.MethodHandles;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.kernel.Pass;
import org.cnnexplainer.core.layer.Layer;

/**
 * How cnn-core's packages reach what another of its packages keeps package-private, without making
 * it public API: a tensor's array (read without copying) and a layer's passes. This package is not
 * exported, so only cnn-core sees these interfaces.
 *
 * <p>{@link Tensor} and {@link Layer} register their implementation in a static initialiser, which
 * the JVM runs before any instance exists; the getters make sure it has run. No reflection.
 */
public final class ModuleAccess {
  /** {@link Tensor}'s array, shared without copying. */
  public interface Tensors {
    /** The tensor's values; the caller must not modify them. */
    float[] data(Tensor tensor);

    /** A tensor that takes ownership of {@code data} (not copied). */
    Tensor wrap(Shape shape, float[] data);
  }

  /** {@link Layer}'s passes and parameters; see the methods of the same names there. */
  public interface Layers {
    float[][] parameterArrays(Layer layer);

    Tensor[] parameterTensors(Layer layer, float[][] values);

    Layer withParameterArrays(Layer layer, float[][] values);

    void forward(Layer layer, Pass pass);

    /** A linear Conv2D's forward pass that also writes the following ReLU layer's output. */
    void forwardThenRelu(Layer conv, Pass pass, float[] relu);

    void backward(Layer layer, Pass pass);

    int[] gradientSizes(Layer layer, Shape input);

    void reduceGradients(Layer layer, Shape input, float[][] buffers, float[][] into);

    boolean usesTrainingSeed(Layer layer);
  }

  private static volatile Tensors tensors;
  private static volatile Layers layers;

  private ModuleAccess() {}

  /** Called once, by {@link Tensor}'s static initialiser. */
  public static void register(Tensors access) {
    tensors = access;
  }

  /** Called once, by {@link Layer}'s static initialiser. */
  public static void register(Layers access) {
    layers = access;
  }

  public static Tensors tensors() {
    Tensors access = tensors;
    if (access == null) {
      initialize(Tensor.class);
      access = tensors;
    }
    return access;
  }

  public static Layers layers() {
    Layers access = layers;
    if (access == null) {
      initialize(Layer.class);
      access = layers;
    }
    return access;
  }

  private static void initialize(Class<?> type) {
    try {
      MethodHandles.lookup().ensureInitialized(type);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot initialise " + type.getName(), e);
    }
  }
}
