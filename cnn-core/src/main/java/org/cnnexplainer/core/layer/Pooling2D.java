package org.cnnexplainer.core.layer;

import java.util.Objects;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Kernels;
import org.cnnexplainer.core.kernel.Pass;
import org.cnnexplainer.core.kernel.Window;

/**
 * Max or average pooling over windows of each channel (TF.js classes {@code MaxPooling2D} and
 * {@code AveragePooling2D}): {@code out[c][oy][ox] = max} (or mean) {@code of in[c][top(oy) +
 * ky][left(ox) + kx]} over the {@code poolHeight x poolWidth} window, where {@code top(oy) = oy *
 * strideY - pt} and {@code left(ox) = ox * strideX - pl} with the {@link Padding} offsets. With
 * {@link Padding#SAME}, padded cells are ignored: max pooling never picks them and average pooling
 * divides by the number of real cells in the window. Shapes: input {@code (C, H, W)}, output {@code
 * (C, Ho, Wo)}.
 *
 * <p>Backward: max pooling passes each output's gradient to the first cell of its window, in
 * row-major order, that holds the maximum (as TF); average pooling shares it equally among the
 * window's real cells.
 */
public final class Pooling2D extends Layer {
  /** What a window reduces to. */
  public enum Type {
    /** Max pooling: the largest of the window's cells. */
    MAX("MaxPooling2D"),
    /**
     * Average pooling: the mean of the window's cells inside the input (padding is not counted).
     */
    AVERAGE("AveragePooling2D");

    private final String kind;

    Type(String kind) {
      this.kind = kind;
    }

    /** {@return the TF.js class name} */
    public String kind() {
      return kind;
    }
  }

  private final Type type;
  private final int poolHeight;
  private final int poolWidth;
  private final int strideY;
  private final int strideX;
  private final Padding padding;
  // The window of the last input shape seen: in a network always the same one.
  private volatile Window window;

  /**
   * A pooling layer with a {@code poolHeight x poolWidth} window.
   *
   * @param name the layer's name
   * @param type max or average
   * @param poolHeight the window height, at least 1
   * @param poolWidth the window width, at least 1
   * @param strideY the vertical step between windows, at least 1
   * @param strideX the horizontal step between windows, at least 1
   * @param padding how the border is treated
   */
  public Pooling2D(
      String name,
      Type type,
      int poolHeight,
      int poolWidth,
      int strideY,
      int strideX,
      Padding padding) {
    super(name);
    if (poolHeight < 1 || poolWidth < 1 || strideY < 1 || strideX < 1) {
      throw new IllegalArgumentException(
          "pooling '"
              + name
              + "': pool size and strides must be positive, got pool "
              + poolHeight
              + "x"
              + poolWidth
              + " strides "
              + strideY
              + "x"
              + strideX);
    }
    this.type = Objects.requireNonNull(type, "type");
    this.poolHeight = poolHeight;
    this.poolWidth = poolWidth;
    this.strideY = strideY;
    this.strideX = strideX;
    this.padding = Objects.requireNonNull(padding, "padding");
  }

  /**
   * Max or average pooling.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The window height, in input cells.
   *
   * @return the window height
   */
  public int poolHeight() {
    return poolHeight;
  }

  /**
   * The window width, in input cells.
   *
   * @return the window width
   */
  public int poolWidth() {
    return poolWidth;
  }

  /**
   * The vertical step between windows, in input cells.
   *
   * @return the vertical stride
   */
  public int strideY() {
    return strideY;
  }

  /**
   * The horizontal step between windows, in input cells.
   *
   * @return the horizontal stride
   */
  public int strideX() {
    return strideX;
  }

  /**
   * How the border is treated.
   *
   * @return the padding
   */
  public Padding padding() {
    return padding;
  }

  @Override
  public String kind() {
    return type.kind();
  }

  @Override
  public Shape outputShape(Shape input) {
    requireImage(input);
    return Shape.image(
        input.channels(),
        padding.outputSize(input.height(), poolHeight, strideY),
        padding.outputSize(input.width(), poolWidth, strideX));
  }

  @Override
  public long multiplyAdds(Shape input) {
    return (long) outputShape(input).size() * poolHeight * poolWidth;
  }

  /**
   * {@return the first input row of output row {@code oy}, possibly negative (padding)}
   *
   * @param input the layer's input shape
   * @param oy the output row, from 0
   */
  public int windowTop(Shape input, int oy) {
    return oy * strideY - padding.padBefore(input.height(), poolHeight, strideY);
  }

  /**
   * {@return the first input column of output column {@code ox}, possibly negative (padding)}
   *
   * @param input the layer's input shape
   * @param ox the output column, from 0
   */
  public int windowLeft(Shape input, int ox) {
    return ox * strideX - padding.padBefore(input.width(), poolWidth, strideX);
  }

  private Window window(Shape input) {
    return Window.of(input, input.channels(), poolHeight, poolWidth, strideY, strideX, padding);
  }

  @Override
  void forward(Pass p) {
    Kernels.active().pool(window(p.inShape()), type == Type.MAX, p.in(), p.out());
  }

  @Override
  void backward(Pass p) {
    if (p.gradIn() != null) {
      Kernels.active()
          .poolGradient(
              window(p.inShape()), type == Type.MAX, p.in(), p.out(), p.gradOut(), p.gradIn());
    }
  }
}
