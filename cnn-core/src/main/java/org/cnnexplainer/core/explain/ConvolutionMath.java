package org.cnnexplainer.core.explain;

import java.util.Arrays;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.kernel.Reference;
import org.cnnexplainer.core.kernel.Window;
import org.cnnexplainer.core.layer.Conv2D;

/**
 * The one convolution sum that both convolution explanations use, so their numbers agree: the
 * definition's {@link Reference#windowSum} for one layer and input.
 */
final class ConvolutionMath {
  private final Window window;
  private final float[] input;
  private final float[] kernel;

  ConvolutionMath(Conv2D conv, Tensor input) {
    this.window =
        Window.of(
            input.shape(),
            conv.filters(),
            conv.kernelHeight(),
            conv.kernelWidth(),
            conv.strideY(),
            conv.strideX(),
            conv.padding());
    ModuleAccess.Tensors tensors = ModuleAccess.tensors();
    this.input = tensors.data(input);
    this.kernel = tensors.data(conv.kernel());
  }

  /**
   * {@code sum_ky sum_kx in[channel][top + ky][left + kx] * kernel[filter][channel][ky][kx]} over
   * the window cells inside the input (padding counts as zero), in double: each float product is
   * exact in double, so only the additions round.
   */
  double windowSum(int filter, int channel, int top, int left) {
    return Reference.windowSum(window, input, kernel, filter, channel, top, left);
  }

  /** Kernel slices of one filter, shape {@code (inputChannels, kernelHeight, kernelWidth)}. */
  static Tensor kernelOf(Conv2D conv, int filter) {
    int slice = conv.inputChannels() * conv.kernelHeight() * conv.kernelWidth();
    float[] all = ModuleAccess.tensors().data(conv.kernel());
    return Tensor.of(
        Shape.image(conv.inputChannels(), conv.kernelHeight(), conv.kernelWidth()),
        Arrays.copyOfRange(all, filter * slice, (filter + 1) * slice));
  }
}
