package org.cnnexplainer.core.layer;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.kernel.Kernels;
import org.cnnexplainer.core.kernel.Pass;

/**
 * Activation functions that TF.js writes in model files, fused into a layer or standing alone in an
 * {@link ActivationLayer}. All but {@link #SOFTMAX} work element by element; softmax normalises a
 * vector (for images: the channels of each pixel, TF's last axis).
 *
 * <p>Backward: {@code dS/dx = act'(x) * dS/dy}, with the slopes {@code act'} listed in this file
 * after the functions; softmax multiplies by its Jacobian, {@code dS/dx = y * (dS/dy - sum(dS/dy *
 * y))}.
 */
public enum Activation {
  /** {@code x}. */
  LINEAR("linear"),
  /** {@code max(0, x)}. */
  RELU("relu"),
  /** {@code min(max(0, x), 6)}. */
  RELU6("relu6"),
  /** {@code 1 / (1 + exp(-x))}. */
  SIGMOID("sigmoid"),
  /** {@code tanh(x)}. */
  TANH("tanh"),
  /** {@code exp(x_i) / sum_j exp(x_j)}, computed as {@code exp(x_i - max)} for stability. */
  SOFTMAX("softmax"),
  /** {@code x > 0 ? x : exp(x) - 1}. */
  ELU("elu"),
  /** {@code scale * (x > 0 ? x : alpha * (exp(x) - 1))} with Keras's constants. */
  SELU("selu"),
  /** {@code log(1 + exp(x))}. */
  SOFTPLUS("softplus"),
  /** {@code x / (1 + |x|)}. */
  SOFTSIGN("softsign"),
  /** {@code clip(0.2 x + 0.5, 0, 1)}. */
  HARD_SIGMOID("hard_sigmoid"),
  /** {@code x * sigmoid(x)}. */
  SWISH("swish");

  private static final float SELU_ALPHA = 1.6732632423543772f;
  private static final float SELU_SCALE = 1.0507009873554805f;

  private final String tfjsName;

  Activation(String tfjsName) {
    this.tfjsName = tfjsName;
  }

  /** {@return the name used in TF.js model files, e.g. {@code relu}} */
  public String tfjsName() {
    return tfjsName;
  }

  /**
   * Parses a TF.js activation name (TF.js also accepts camel case such as {@code hardSigmoid}).
   *
   * @param name a TF.js activation name such as {@code relu}
   * @return the activation
   */
  public static Activation fromTfjsName(String name) {
    String snake = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    for (Activation a : values()) {
      if (a.tfjsName.equals(snake)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unsupported activation '"
            + name
            + "'; supported: "
            + Arrays.stream(values()).map(Activation::tfjsName).collect(Collectors.joining(", ")));
  }

  /** {@return true when each output depends only on the input at the same position} */
  public boolean isElementwise() {
    return this != SOFTMAX;
  }

  /**
   * Applies an element-wise activation to one value; softmax throws, it needs a whole vector.
   *
   * @param x the value
   * @return {@code f(x)}
   */
  public float apply(float x) {
    return switch (this) {
      case LINEAR -> x;
      case RELU -> Math.max(x, 0f); // NaN stays NaN, as in the layer loop and TF.js
      case RELU6 -> Math.min(Math.max(x, 0f), 6f);
      case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-x)));
      case TANH -> (float) Math.tanh(x);
      case ELU -> x > 0 ? x : (float) Math.expm1(x);
      case SELU -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (float) Math.expm1(x));
      case SOFTPLUS -> (float) (Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
      case SOFTSIGN -> x / (1f + Math.abs(x));
      case HARD_SIGMOID -> Math.min(Math.max(0.2f * x + 0.5f, 0f), 1f);
      case SWISH -> (float) (x / (1.0 + Math.exp(-x)));
      case SOFTMAX ->
          throw new UnsupportedOperationException("softmax needs a whole vector, not one value");
    };
  }

  /**
   * {@return this activation applied to every value of {@code values}; softmax normalises over TF's
   * last axis (the channels of each pixel of an image, else the whole vector)}
   *
   * @param values the values; softmax normalises over the channels of each position
   */
  public Tensor apply(Tensor values) {
    float[] data = ModuleAccess.tensors().data(values).clone();
    applyInPlace(data, values.shape());
    return ModuleAccess.tensors().wrap(values.shape(), data);
  }

  /**
   * Applies this activation in place to {@code count} values of {@code values} starting at {@code
   * offset} and {@code stride} apart; softmax normalises exactly those values together.
   */
  void applyInPlace(float[] values, int offset, int count, int stride) {
    switch (this) {
      case LINEAR -> {}
      case RELU -> {
        if (stride == 1) {
          // Math.max compiles to vector max instructions; a branch per value would not vectorise.
          for (int p = offset, end = offset + count; p < end; p++) {
            values[p] = Math.max(values[p], 0f);
          }
        } else {
          for (int i = 0, p = offset; i < count; i++, p += stride) {
            values[p] = Math.max(values[p], 0f);
          }
        }
      }
      case SOFTMAX -> softmaxInPlace(values, offset, count, stride);
      default -> {
        for (int i = 0, p = offset; i < count; i++, p += stride) {
          values[p] = apply(values[p]);
        }
      }
    }
  }

  private static void softmaxInPlace(float[] values, int offset, int count, int stride) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0, p = offset; i < count; i++, p += stride) {
      max = Math.max(max, values[p]);
    }
    double sum = 0;
    for (int i = 0, p = offset; i < count; i++, p += stride) {
      float e = (float) Math.exp(values[p] - max);
      values[p] = e;
      sum += e;
    }
    float inverse = (float) (1.0 / sum);
    for (int i = 0, p = offset; i < count; i++, p += stride) {
      values[p] *= inverse;
    }
  }

  /**
   * Applies this activation in place to a whole tensor's data; softmax runs over the last TF axis
   * (channels for images, the whole vector otherwise).
   */
  void applyInPlace(float[] data, Shape shape) {
    if (this == LINEAR) {
      return;
    }
    if (this != SOFTMAX || !shape.isImage()) {
      applyInPlace(data, 0, data.length, 1);
      return;
    }
    int plane = shape.height() * shape.width();
    for (int p = 0; p < plane; p++) {
      applyInPlace(data, p, shape.channels(), plane);
    }
  }

  /**
   * The slope {@code d out / d x} of an element-wise activation at input {@code x} with output
   * {@code y}; softmax throws (its Jacobian is not diagonal).
   */
  float slope(float x, float y) {
    return switch (this) {
      case LINEAR -> 1f;
      case RELU -> x > 0 ? 1f : 0f;
      case RELU6 -> x > 0 && x < 6 ? 1f : 0f;
      case SIGMOID -> y * (1f - y);
      case TANH -> 1f - y * y;
      case ELU -> x > 0 ? 1f : y + 1f;
      case SELU -> x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
      case SOFTPLUS -> (float) (1.0 / (1.0 + Math.exp(-x)));
      case SOFTSIGN -> 1f / ((1f + Math.abs(x)) * (1f + Math.abs(x)));
      case HARD_SIGMOID -> x > -2.5f && x < 2.5f ? 0.2f : 0f;
      case SWISH -> {
        float s = (float) (1.0 / (1.0 + Math.exp(-x)));
        yield s + x * s * (1f - s);
      }
      case SOFTMAX -> throw new UnsupportedOperationException("softmax has no element-wise slope");
    };
  }

  /** True when {@link #slopeAtOutput} works: the slope follows from the output alone. */
  boolean hasSlopeAtOutput() {
    return switch (this) {
      case LINEAR, RELU, RELU6, SIGMOID, TANH, ELU, SELU -> true;
      default -> false;
    };
  }

  /**
   * The slope for output {@code y}, for activations fused into a layer, which keeps only its
   * output; only where {@link #hasSlopeAtOutput}.
   */
  float slopeAtOutput(float y) {
    return switch (this) {
      case LINEAR -> 1f;
      case RELU -> y > 0 ? 1f : 0f;
      case RELU6 -> y > 0 && y < 6 ? 1f : 0f;
      case SIGMOID -> y * (1f - y);
      case TANH -> 1f - y * y;
      case ELU -> y > 0 ? 1f : y + 1f;
      case SELU -> y > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
      default -> throw new UnsupportedOperationException(this + " needs its input for a slope");
    };
  }

  /**
   * {@code dS/d(pre-activation)} of a layer with this activation fused in, from the pass's output
   * gradient: the gradient itself (not copied) for the identity, and for a softmax left out at the
   * logits. {@code preActivation} recomputes the values before the activation; it is called only
   * when {@link #gradientNeedsInput}.
   */
  float[] fusedGradient(Pass p, Supplier<float[]> preActivation) {
    if (this == LINEAR || (p.atLogits() && this == SOFTMAX)) {
      return p.gradOut();
    }
    float[] g = new float[p.gradOut().length];
    backward(
        gradientNeedsInput() ? preActivation.get() : null, p.out(), p.outShape(), p.gradOut(), g);
    return g;
  }

  /** True when the slope needs the input: it does not follow from the output alone. */
  boolean gradientNeedsInput() {
    return this != SOFTMAX && !hasSlopeAtOutput();
  }

  /**
   * Overwrites {@code gradIn} with {@code dS/dx} from {@code gradOut = dS/dy}, for outputs {@code
   * out} of shape {@code shape}. {@code in} (the values before the activation) may be null unless
   * {@link #gradientNeedsInput}; {@code gradIn} may be {@code gradOut}.
   */
  void backward(float[] in, float[] out, Shape shape, float[] gradOut, float[] gradIn) {
    switch (this) {
      case LINEAR -> System.arraycopy(gradOut, 0, gradIn, 0, gradOut.length);
      // y > 0 exactly where x > 0, so the output decides.
      case RELU -> Kernels.active().passWherePositive(out, gradOut, gradIn);
      case SOFTMAX -> {
        System.arraycopy(gradOut, 0, gradIn, 0, gradOut.length);
        if (!shape.isImage()) {
          softmaxBackward(gradIn, out, 0, out.length, 1);
        } else {
          int plane = shape.height() * shape.width();
          for (int p = 0; p < plane; p++) {
            softmaxBackward(gradIn, out, p, shape.channels(), plane);
          }
        }
      }
      default -> {
        for (int i = 0; i < gradIn.length; i++) {
          float slope = in != null ? slope(in[i], out[i]) : slopeAtOutput(out[i]);
          gradIn[i] = gradOut[i] * slope;
        }
      }
    }
  }

  /** Replaces gradients {@code g} of softmax outputs {@code y} by {@code y * (g - sum(g * y))}. */
  private static void softmaxBackward(float[] grad, float[] y, int offset, int count, int stride) {
    double dot = 0;
    for (int i = 0, p = offset; i < count; i++, p += stride) {
      dot += grad[p] * y[p];
    }
    for (int i = 0, p = offset; i < count; i++, p += stride) {
      grad[p] = y[p] * (grad[p] - (float) dot);
    }
  }
}
