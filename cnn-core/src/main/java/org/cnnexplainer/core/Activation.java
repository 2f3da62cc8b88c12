package org.cnnexplainer.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Activation functions that TF.js writes in model files, fused into a layer or standing alone in an
 * {@link ActivationLayer}. All but {@link #SOFTMAX} work element by element; softmax normalises a
 * vector (for images: the channels of each pixel, TF's last axis).
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

  /** The name used in TF.js model files, e.g. {@code relu}. */
  public String tfjsName() {
    return tfjsName;
  }

  /** Parses a TF.js activation name (TF.js also accepts camel case such as {@code hardSigmoid}). */
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

  /** True when each output depends only on the input at the same position. */
  public boolean isElementwise() {
    return this != SOFTMAX;
  }

  /** Applies an element-wise activation to one value; softmax throws, it needs a whole vector. */
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
   * output.
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
      default ->
          throw new UnsupportedOperationException(
              "a fused "
                  + tfjsName
                  + " activation cannot be trained; use a separate Activation layer");
    };
  }

  /** Multiplies {@code grad} by the slope at each output of {@code out}, for a fused activation. */
  void scaleBySlopeAtOutput(float[] grad, float[] out) {
    switch (this) {
      case LINEAR -> {}
      case RELU -> passWherePositive(out, grad, grad);
      default -> {
        for (int i = 0; i < grad.length; i++) {
          grad[i] *= slopeAtOutput(out[i]);
        }
      }
    }
  }

  /**
   * {@code dst[i] = x[i] > 0 ? g[i] : 0}, the ReLU's backward pass, without branches: a float
   * select compiles to a jump on x86, which mispredicts on the coin-toss signs of activations. A
   * positive float (up to infinity, not NaN) has int bits in {@code [1, 0x7f800000]}.
   */
  static void passWherePositive(float[] x, float[] g, float[] dst) {
    if (Acceleration.vectorApi()) {
      VectorActivations.passWherePositive(x, g, dst);
      return;
    }
    for (int i = 0; i < dst.length; i++) {
      int m = Float.floatToRawIntBits(x[i]) - 1;
      int mask = ((m - 0x7f800000) >> 31) & ~(m >> 31);
      dst[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & mask);
    }
  }
}
