package org.cnnexplainer.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Regression: the stride-1 fast path groups kernel taps and reuses per-thread scratch columns. When
 * the tap count is not a multiple of three, the unused columns of the last group still held values
 * from an earlier convolution; their zero weights turned an earlier infinity or NaN into NaN
 * ({@code 0 * inf = NaN}) in an unrelated later result.
 */
class StrideOneScratchTest {

  @Test
  void earlierNonFiniteInputsDoNotLeakIntoLaterConvolutions() {
    // First: 6 taps (1 channel, 2x3 kernel) over an input full of infinities and NaNs, on this
    // thread, so that scratch columns 0..5 hold non-finite values.
    float[] bad = new float[4 * 5];
    for (int i = 0; i < bad.length; i++) {
      bad[i] = i % 2 == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    }
    Conv2D wide =
        new Conv2D(
            "wide", Conv2DTest.ones(1, 1, 2, 3), null, 1, 1, Padding.VALID, Activation.LINEAR);
    wide.forward(Tensor.of(Shape.image(1, 4, 5), bad));

    // Then: 4 taps (1 channel, 2x2 all-ones kernel) -> groups of six use columns 0..5, of which
    // 4 and 5 carry zero weights. On the 3x3 ramp 0..8 each output sums a 2x2 block:
    // (0,0): 0+1+3+4 = 8; (0,1): 1+2+4+5 = 12; (1,0): 3+4+6+7 = 20; (1,1): 4+5+7+8 = 24
    Conv2D small =
        new Conv2D(
            "small", Conv2DTest.ones(1, 1, 2, 2), null, 1, 1, Padding.VALID, Activation.LINEAR);
    Tensor out = small.forward(Conv2DTest.ramp(3, 3));
    assertArrayEquals(new float[] {8, 12, 20, 24}, out.toArray(), 0f);
  }
}
