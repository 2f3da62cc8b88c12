package org.cnnexplainer.core.kernel;

import java.util.Arrays;
import java.util.Optional;
import org.cnnexplainer.core.kernel.plain.MatrixVector;
import org.cnnexplainer.core.kernel.plain.MaxPoolTwoByTwo;
import org.cnnexplainer.core.kernel.plain.Pooling;
import org.cnnexplainer.core.kernel.plain.Relu;
import org.cnnexplainer.core.kernel.plain.StrideOneConvolution;
import org.cnnexplainer.core.kernel.plain.StrideOneKernelGradient;
import org.cnnexplainer.core.kernel.plain.StridedConvolution;
import org.cnnexplainer.core.kernel.vector.VectorConvolution;
import org.cnnexplainer.core.kernel.vector.VectorConvolutionGradients;
import org.cnnexplainer.core.kernel.vector.VectorMatrixVector;
import org.cnnexplainer.core.kernel.vector.VectorMaxPool;
import org.cnnexplainer.core.kernel.vector.VectorRelu;

/**
 * The one place that picks how a layer's arithmetic runs: on the Vector API path ({@code vector/},
 * explicit SIMD code) or in plain Java ({@code plain/}, loops shaped for the JIT's
 * auto-vectoriser). Both compute {@link Reference}'s formulas and agree within float rounding.
 *
 * <p>The Vector API path is used only when the JVM was started with {@code --add-modules
 * jdk.incubator.vector} (nothing needs the incubator module by default), the CPU has vectors of at
 * least 256 bits, and the system property {@code cnn.vectorApi} is not {@code false}. The choice is
 * made once, when this class is first used; {@link #active()} is it. Tests use {@link #plain()} and
 * {@link #vector()} to run both paths in one JVM.
 *
 * <p>How a convolution runs: with stride 1, it is a valid correlation of its input (copied into a
 * zero-padded plane when it has padding), and so are its input gradient (a correlation of the
 * zero-padded output gradient with the flipped kernel) and its kernel gradient; those three have a
 * plain and a Vector API implementation. Strided convolutions run {@link StridedConvolution}. The
 * ReLU's backward pass has a Vector API implementation too.
 */
public final class Kernels {
  private static final Kernels PLAIN = new Kernels(false);
  private static final Kernels VECTOR = vectorApiUsable() ? new Kernels(true) : null;
  private static final Kernels ACTIVE = VECTOR != null ? VECTOR : PLAIN;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final boolean vector;

  private Kernels(boolean vector) {
    this.vector = vector;
  }

  /** The path this JVM runs. */
  public static Kernels active() {
    return ACTIVE;
  }

  /** The plain-Java path, always available. */
  public static Kernels plain() {
    return PLAIN;
  }

  /** The Vector API path, when this JVM can run it. */
  public static Optional<Kernels> vector() {
    return Optional.ofNullable(VECTOR);
  }

  /** Whether this is the Vector API path. */
  public boolean vectorApi() {
    return vector;
  }

  private static boolean vectorApiUsable() {
    if ("false".equalsIgnoreCase(System.getProperty("cnn.vectorApi"))) {
      return false;
    }
    Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
    if (module.isEmpty() || !Kernels.class.getModule().canRead(module.get())) {
      return false;
    }
    try {
      return VectorConvolution.worthwhile();
    } catch (LinkageError e) {
      return false;
    }
  }

  // ---- Convolution: out = bias + correlation (see Reference.correlate) ----

  /** Writes {@code out}; {@code bias} may be null. */
  public void convolve(Window g, float[] in, float[] kernel, float[] bias, float[] out) {
    convolve(g, in, kernel, bias, out, null);
  }

  /**
   * Writes {@code out}, and {@code relu = max(out, 0)} unless it is null: the output of a ReLU
   * layer after this convolution, which the Vector API path writes in the same pass as {@code out}.
   * {@code bias} may be null.
   */
  public void convolve(
      Window g, float[] in, float[] kernel, float[] bias, float[] out, float[] relu) {
    if (!g.strideOne()) {
      StridedConvolution.forward(g, in, kernel, bias, out);
      reluIfWanted(out, relu);
      return;
    }
    float[] src = g.padded() ? padded(g, in, new float[g.channels() * plane(g.valid())]) : in;
    correlate(g.valid(), src, kernel, bias, out, relu);
  }

  /** A valid stride-1 correlation, on this path; {@code relu} as in {@link #convolve}. */
  private void correlate(
      Window valid, float[] src, float[] kernel, float[] bias, float[] out, float[] relu) {
    if (vector && VectorConvolution.fits(valid)) {
      VectorConvolution.correlate(valid, src, kernel, bias, out, relu);
    } else {
      StrideOneConvolution.correlate(valid, src, kernel, bias, out);
      reluIfWanted(out, relu);
    }
  }

  private void reluIfWanted(float[] in, float[] out) {
    if (out != null) {
      relu(in, out);
    }
  }

  /**
   * Overwrites {@code gradIn} with the input gradient ({@link Reference#correlationInputGradient}).
   * With stride 1 it is a valid correlation of the output gradient, zero-padded by {@code (kh - 1,
   * kw - 1)} on every side, with the kernel flipped and its channels and filters swapped; that
   * gives the gradient of the padded input, whose inside is {@code gradIn}.
   */
  public void convolutionInputGradient(Window g, float[] kernel, float[] gradOut, float[] gradIn) {
    if (!g.strideOne()) {
      StridedConvolution.inputGradient(g, kernel, gradOut, gradIn);
      return;
    }
    int kh = g.kernelHeight();
    int kw = g.kernelWidth();
    int taps = kh * kw;
    Window full =
        new Window(
            g.filters(),
            g.outHeight() + 2 * (kh - 1),
            g.outWidth() + 2 * (kw - 1),
            g.channels(),
            kh,
            kw,
            1,
            1,
            0,
            0,
            g.paddedHeight(),
            g.paddedWidth());
    Scratch scratch = SCRATCH.get().ensure(full.inputSize(), full.kernelSize());
    float[] padded = scratch.gradient;
    Arrays.fill(padded, 0, full.inputSize(), 0f);
    for (int f = 0; f < g.filters(); f++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        System.arraycopy(
            gradOut,
            (f * g.outHeight() + oy) * g.outWidth(),
            padded,
            (f * full.height() + oy + kh - 1) * full.width() + kw - 1,
            g.outWidth());
      }
    }
    float[] flipped = scratch.kernel;
    for (int f = 0; f < g.filters(); f++) {
      for (int c = 0; c < g.channels(); c++) {
        int from = (f * g.channels() + c) * taps;
        int to = (c * g.filters() + f) * taps + taps - 1;
        for (int k = 0; k < taps; k++) {
          flipped[to - k] = kernel[from + k];
        }
      }
    }
    if (!g.padded()) {
      correlate(full, padded, flipped, null, gradIn, null);
      return;
    }
    float[] paddedGradIn = new float[full.outputSize()];
    correlate(full, padded, flipped, null, paddedGradIn, null);
    cropped(g, paddedGradIn, gradIn);
  }

  /**
   * Sizes of the accumulators {@link #accumulateConvolutionGradients} adds to (kernel, then bias
   * when {@code bias}): one float per weight on the plain stride-1 path, one vector of lane sums
   * per weight on the Vector API path, partial sums per output column for strided convolutions.
   * {@link #reduceConvolutionGradients} folds them into kernel- and bias-shaped arrays.
   */
  public int[] convolutionGradientSizes(Window g, boolean bias) {
    if (!g.strideOne()) {
      return StridedConvolution.gradientSizes(g, bias);
    }
    int kernel =
        g.kernelSize() * (vectorKernelGradient(g) ? VectorConvolutionGradients.lanes() : 1);
    return bias ? new int[] {kernel, g.filters()} : new int[] {kernel};
  }

  private boolean vectorKernelGradient(Window g) {
    return vector && VectorConvolution.fits(g.valid());
  }

  /**
   * Adds one sample's kernel and bias gradients ({@link Reference#correlationKernelGradient}) to
   * the accumulators (see {@link #convolutionGradientSizes}).
   */
  public void accumulateConvolutionGradients(
      Window g, float[] in, float[] gradOut, float[][] buffers) {
    if (!g.strideOne()) {
      StridedConvolution.accumulate(g, in, gradOut, buffers);
      return;
    }
    float[] src = g.padded() ? padded(g, in, new float[g.channels() * plane(g.valid())]) : in;
    float[] bias = buffers.length > 1 ? buffers[1] : null;
    if (vectorKernelGradient(g)) {
      VectorConvolutionGradients.accumulate(g.valid(), src, gradOut, buffers[0], bias);
    } else {
      StrideOneKernelGradient.accumulate(g.valid(), src, gradOut, buffers[0], bias);
    }
  }

  /** Adds the accumulated gradients to kernel- and bias-shaped {@code into}. */
  public void reduceConvolutionGradients(Window g, float[][] buffers, float[][] into) {
    if (!g.strideOne()) {
      StridedConvolution.reduce(g, buffers, into);
      return;
    }
    if (vectorKernelGradient(g)) {
      VectorConvolutionGradients.reduce(buffers[0], into[0]);
    } else {
      add(buffers[0], into[0]);
    }
    if (buffers.length > 1) {
      add(buffers[1], into[1]);
    }
  }

  // ---- Pooling (see Reference.maxPool and averagePool) ----

  /** Max ({@code max}) or average pooling. */
  public void pool(Window g, boolean max, float[] in, float[] out) {
    if (max && twoByTwo(g) && vector && VectorMaxPool.fits(g)) {
      VectorMaxPool.forward(g, in, out);
    } else if (max && twoByTwo(g)) {
      MaxPoolTwoByTwo.forward(g, in, out);
    } else {
      Pooling.forward(g, max, in, out);
    }
  }

  /** Overwrites {@code gradIn}; {@code in} and {@code out} are the forward pass's values. */
  public void poolGradient(
      Window g, boolean max, float[] in, float[] out, float[] gradOut, float[] gradIn) {
    if (max && twoByTwo(g)) {
      MaxPoolTwoByTwo.backward(g, in, out, gradOut, gradIn);
    } else {
      Pooling.backward(g, max, in, out, gradOut, gradIn);
    }
  }

  /** The 2x2, stride-2 pooling of most CNNs, with every window inside the input. */
  private static boolean twoByTwo(Window g) {
    return g.kernelHeight() == 2
        && g.kernelWidth() == 2
        && g.strideY() == 2
        && g.strideX() == 2
        && g.padTop() == 0
        && g.padLeft() == 0
        && 2 * g.outHeight() <= g.height()
        && 2 * g.outWidth() <= g.width();
  }

  // ---- Fully connected, weights one row per unit (J, I) (see Reference.dense) ----

  /** {@code out[j] = bias[j] + sum_i weights[j][i] * in[i]}; {@code bias} may be null. */
  public void dense(float[] weights, float[] bias, float[] in, float[] out) {
    if (vector) {
      VectorMatrixVector.forward(weights, bias, in, out);
    } else {
      MatrixVector.forward(weights, bias, in, out);
    }
  }

  /** Overwrites {@code gradIn[i] = sum_j weights[j][i] * gradOut[j]}. */
  public void denseInputGradient(float[] weights, float[] gradOut, float[] gradIn) {
    MatrixVector.inputGradient(weights, gradOut, gradIn);
  }

  /**
   * Adds {@code gradOut[j] * in[i]} to {@code gradWeights[j][i]} and {@code gradOut} to the bias.
   */
  public void accumulateDenseGradients(
      float[] in, float[] gradOut, float[] gradWeights, float[] gradBias) {
    MatrixVector.accumulate(in, gradOut, gradWeights, gradBias);
  }

  // ---- Element-wise ----

  /** The ReLU: {@code out[i] = Math.max(in[i], 0)}. */
  public void relu(float[] in, float[] out) {
    if (vector) {
      VectorRelu.forward(in, out);
    } else {
      Relu.forward(in, out);
    }
  }

  /**
   * The ReLU's backward pass: {@code dst[i] = x[i] > 0 ? g[i] : 0} ({@code dst} may be {@code g}).
   */
  public void passWherePositive(float[] x, float[] g, float[] dst) {
    if (vector) {
      VectorRelu.passWherePositive(x, g, dst);
    } else {
      Relu.passWherePositive(x, g, dst);
    }
  }

  // ---- Helpers ----

  private static int plane(Window valid) {
    return valid.height() * valid.width();
  }

  /**
   * Copies the input into the zero-padded plane of stride-1 window {@code g}; returns {@code dst}.
   */
  private static float[] padded(Window g, float[] in, float[] dst) {
    int height = g.paddedHeight();
    int width = g.paddedWidth();
    int rows = Math.min(g.height(), height - g.padTop());
    int cols = Math.min(g.width(), width - g.padLeft());
    for (int c = 0; c < g.channels(); c++) {
      for (int y = 0; y < rows; y++) {
        System.arraycopy(
            in,
            (c * g.height() + y) * g.width(),
            dst,
            (c * height + y + g.padTop()) * width + g.padLeft(),
            cols);
      }
    }
    return dst;
  }

  /** The inverse of {@link #padded}: the input cells of a padded plane (others get zero). */
  private static void cropped(Window g, float[] padded, float[] dst) {
    int height = g.paddedHeight();
    int width = g.paddedWidth();
    int rows = Math.min(g.height(), height - g.padTop());
    int cols = Math.min(g.width(), width - g.padLeft());
    if (rows < g.height() || cols < g.width()) {
      Arrays.fill(dst, 0, g.inputSize(), 0f);
    }
    for (int c = 0; c < g.channels(); c++) {
      for (int y = 0; y < rows; y++) {
        System.arraycopy(
            padded,
            (c * height + y + g.padTop()) * width + g.padLeft(),
            dst,
            (c * g.height() + y) * g.width(),
            cols);
      }
    }
  }

  private static void add(float[] from, float[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /** Per-thread scratch arrays for the input gradient, grown on demand. */
  private static final class Scratch {
    float[] gradient = new float[0];
    float[] kernel = new float[0];

    Scratch ensure(int gradientSize, int kernelSize) {
      if (gradient.length < gradientSize) {
        gradient = new float[gradientSize];
      }
      if (kernel.length < kernelSize) {
        kernel = new float[kernelSize];
      }
      return this;
    }
  }
}
