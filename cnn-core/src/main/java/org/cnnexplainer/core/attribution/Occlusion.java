package org.cnnexplainer.core.attribution;

import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;

/**
 * Occlusion: cover a {@code patch × patch} square of the image (every channel) with a fill value,
 * and measure how much the class logit drops,
 *
 * <pre>drop(r, q) = S_c(x) − S_c(x with the square at top-left (r·stride, q·stride) filled)</pre>
 *
 * for {@code r = 0..rows−1, q = 0..columns−1}, {@code rows = (H − patch) / stride + 1} (and the
 * same for columns): every position where the square fits. A large positive drop: the class needed
 * what the square hid; a negative one: hiding it helped the class. No gradients: one forward pass
 * per position.
 */
public final class Occlusion implements Attribution {
  /** The defaults of the reference values: an 8 × 8 black square moved 4 pixels at a time. */
  public static final int DEFAULT_PATCH = 8;

  /** The default step between square positions, in pixels. */
  public static final int DEFAULT_STRIDE = 4;

  /** The value covered pixels get by default: 0, black for inputs in [0, 1]. */
  public static final float DEFAULT_FILL = 0f;

  private final int classIndex;
  private final float logit;
  private final int patch;
  private final int stride;
  private final float fill;
  private final Tensor occludedLogits;
  private final Tensor drops;
  private final Tensor overlay;

  private Occlusion(
      int classIndex,
      float logit,
      int patch,
      int stride,
      float fill,
      Tensor occludedLogits,
      Tensor drops,
      Tensor overlay) {
    this.classIndex = classIndex;
    this.logit = logit;
    this.patch = patch;
    this.stride = stride;
    this.fill = fill;
    this.occludedLogits = occludedLogits;
    this.drops = drops;
    this.overlay = overlay;
  }

  /**
   * {@return the occlusion sweep of class {@code classIndex} over {@code input}}
   *
   * @param network the network, which must end in a softmax
   * @param input the image, shaped like the network's input
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   * @param patch the square's side in pixels, at least 1
   * @param stride how far the square moves between positions, in pixels, at least 1
   * @param fill the value the covered pixels get (0: black for inputs in [0, 1])
   * @throws IllegalArgumentException if the input does not fit, the class is out of range, the
   *     patch is below 1 or larger than the image, the stride is below 1, the fill is not finite,
   *     or the network has no logits
   */
  public static Occlusion of(
      Network network, Tensor input, int classIndex, int patch, int stride, float fill) {
    Checks.requireInput(network, input);
    Shape shape = input.shape();
    int h = shape.height();
    int w = shape.width();
    Checks.requireAtLeast("patch", patch, 1);
    Checks.requireAtLeast("stride", stride, 1);
    if (patch > Math.min(h, w)) {
      throw new IllegalArgumentException(
          "patch must fit the " + h + " × " + w + " image, got " + patch);
    }
    if (!Float.isFinite(fill)) {
      throw new IllegalArgumentException("fill must be a finite number, got " + fill);
    }
    LogitPasses passes = new LogitPasses(network);
    Checks.requireClass(classIndex, passes.classes());
    float[] x = Checks.data(input);
    float[] in = passes.input();
    System.arraycopy(x, 0, in, 0, x.length);
    float logit = passes.forward()[classIndex];
    int rows = (h - patch) / stride + 1;
    int columns = (w - patch) / stride + 1;
    int channels = shape.channels();
    float[] occluded = new float[rows * columns];
    float[] drop = new float[rows * columns];
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < columns; q++) {
        fillSquare(in, x, channels, h, w, r * stride, q * stride, patch, fill, false);
        occluded[r * columns + q] = passes.forward()[classIndex];
        drop[r * columns + q] = logit - occluded[r * columns + q];
        fillSquare(in, x, channels, h, w, r * stride, q * stride, patch, fill, true);
      }
    }
    Shape grid = Shape.image(1, rows, columns);
    return new Occlusion(
        classIndex,
        logit,
        patch,
        stride,
        fill,
        Checks.wrap(grid, occluded),
        Checks.wrap(grid, drop),
        Checks.wrap(Shape.image(1, h, w), spread(drop, rows, columns, h, w, patch, stride)));
  }

  /** Fills the square at {@code (top, left)} in every channel, or restores it from {@code x}. */
  private static void fillSquare(
      float[] in,
      float[] x,
      int channels,
      int h,
      int w,
      int top,
      int left,
      int patch,
      float fill,
      boolean restore) {
    for (int c = 0; c < channels; c++) {
      for (int y = top; y < top + patch; y++) {
        int start = (c * h + y) * w + left;
        if (restore) {
          System.arraycopy(x, start, in, start, patch);
        } else {
          java.util.Arrays.fill(in, start, start + patch, fill);
        }
      }
    }
  }

  /** Each pixel: the mean drop of the squares that covered it (0 where none did). */
  private static float[] spread(
      float[] drop, int rows, int columns, int h, int w, int patch, int stride) {
    double[] total = new double[h * w];
    int[] count = new int[h * w];
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < columns; q++) {
        for (int y = r * stride; y < r * stride + patch; y++) {
          for (int x = q * stride; x < q * stride + patch; x++) {
            total[y * w + x] += drop[r * columns + q];
            count[y * w + x]++;
          }
        }
      }
    }
    float[] mean = new float[h * w];
    for (int p = 0; p < mean.length; p++) {
      mean[p] = count[p] == 0 ? 0 : (float) (total[p] / count[p]);
    }
    return mean;
  }

  /** {@return the square's side in pixels} */
  public int patch() {
    return patch;
  }

  /** {@return how far the square moves between positions, in pixels} */
  public int stride() {
    return stride;
  }

  /** {@return the value the square's pixels are set to, in input units (0 is black)} */
  public float fill() {
    return fill;
  }

  /** {@return the number of vertical positions} */
  public int rows() {
    return drops.shape().height();
  }

  /** {@return the number of horizontal positions} */
  public int columns() {
    return drops.shape().width();
  }

  /**
   * {@return {@code S_c} with the square at position {@code (r, q)}, {@code (1, rows, columns)}}
   */
  public Tensor occludedLogits() {
    return occludedLogits;
  }

  /**
   * {@return the drop at position {@code (r, q)}: {@link #logit()} minus the occluded logit}
   *
   * @param r the square's row position, from 0
   * @param q the square's column position, from 0
   */
  public float drop(int r, int q) {
    return drops.get(0, r, q);
  }

  @Override
  public AttributionMethod method() {
    return AttributionMethod.OCCLUSION;
  }

  @Override
  public int classIndex() {
    return classIndex;
  }

  @Override
  public float logit() {
    return logit;
  }

  /** The logit drop per position, {@code (1, rows, columns)}, row-major. */
  @Override
  public Tensor values() {
    return drops;
  }

  /** The mean drop of the squares that covered each pixel, {@code (1, H, W)}. */
  @Override
  public Tensor overlay() {
    return overlay;
  }
}
