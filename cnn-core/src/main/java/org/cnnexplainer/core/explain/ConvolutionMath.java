package org.cnnexplainer.core.explain;

import java.util.Arrays;
import org.cnnexplainer.core.Conv2D;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;

/** The one convolution sum that both convolution explanations use, so their numbers agree. */
final class ConvolutionMath {
  private ConvolutionMath() {}

  /**
   * {@code sum_ky sum_kx in[channel][top + ky][left + kx] * kernel[filter][channel][ky][kx]} over
   * the window cells inside the input (padding counts as zero), in double: each float product is
   * exact in double, so only the additions round.
   */
  static double windowSum(Tensor input, Conv2D conv, int filter, int channel, int top, int left) {
    Shape in = input.shape();
    double sum = 0;
    for (int ky = 0; ky < conv.kernelHeight(); ky++) {
      int y = top + ky;
      if (y < 0 || y >= in.height()) {
        continue;
      }
      for (int kx = 0; kx < conv.kernelWidth(); kx++) {
        int x = left + kx;
        if (x >= 0 && x < in.width()) {
          sum += (double) input.get(channel, y, x) * conv.weight(filter, channel, ky, kx);
        }
      }
    }
    return sum;
  }

  /** Kernel slices of one filter, shape {@code (inputChannels, kernelHeight, kernelWidth)}. */
  static Tensor kernelOf(Conv2D conv, int filter) {
    int slice = conv.inputChannels() * conv.kernelHeight() * conv.kernelWidth();
    float[] all = conv.kernel().toArray();
    return Tensor.of(
        Shape.image(conv.inputChannels(), conv.kernelHeight(), conv.kernelWidth()),
        Arrays.copyOfRange(all, filter * slice, (filter + 1) * slice));
  }
}
