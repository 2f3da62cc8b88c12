package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelLayoutTest {
  @Test
  void hwioElementLandsAtItsOihwPosition() {
    int kh = 2;
    int kw = 3;
    int in = 4;
    int out = 5;
    float[] hwio = new float[kh * kw * in * out];
    for (int i = 0; i < hwio.length; i++) {
      hwio[i] = i;
    }
    float[] oihw = KernelLayout.hwioToOihw(hwio, kh, kw, in, out);
    // TF.js kernel[y=1][x=2][c=3][f=4] is our (f=4, c=3, y=1, x=2).
    float tfjs = hwio[((1 * kw + 2) * in + 3) * out + 4];
    assertEquals(tfjs, oihw[((4 * in + 3) * kh + 1) * kw + 2]);
    assertArrayEquals(hwio, KernelLayout.oihwToHwio(oihw, kh, kw, in, out));
  }
}
