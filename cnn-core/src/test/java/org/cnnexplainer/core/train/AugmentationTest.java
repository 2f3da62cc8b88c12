package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cnnexplainer.core.Shape;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  private static final Shape SHAPE = Shape.image(1, 3, 3);
  private static final byte[] PIXELS = {0, 10, 20, 30, 40, 50, 60, 70, (byte) 255};

  private static float[] apply(Augmentation a, long seed) {
    float[] out = new float[9];
    a.apply(PIXELS, 0, SHAPE, out, seed);
    return out;
  }

  private static float[] scaled(int... bytes) {
    float[] out = new float[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i] * (1f / 255f);
    }
    return out;
  }

  @Test
  void noneOnlyScalesTo0To1() {
    assertArrayEquals(scaled(0, 10, 20, 30, 40, 50, 60, 70, 255), apply(Augmentation.none(), 3));
  }

  @Test
  void flipsMirrorRowsAndShiftsFillWithZero() {
    Set<List<Float>> seen = new HashSet<>();
    float[] mirrored = scaled(20, 10, 0, 50, 40, 30, 255, 70, 60);
    float[] plain = scaled(0, 10, 20, 30, 40, 50, 60, 70, 255);
    for (long seed = 0; seed < 40; seed++) {
      float[] out = apply(new Augmentation(0, true), seed);
      boolean isMirror = java.util.Arrays.equals(out, mirrored);
      assertTrue(isMirror || java.util.Arrays.equals(out, plain), "seed " + seed);
      seen.add(List.of(out[0]));
      assertArrayEquals(out, apply(new Augmentation(0, true), seed), "same seed, same result");
    }
    assertEquals(2, seen.size(), "both mirrored and plain images occur");
    int shifted = 0;
    for (long seed = 0; seed < 40; seed++) {
      float[] out = apply(new Augmentation(1, false), seed);
      float sum = 0;
      for (float v : out) {
        sum += v;
      }
      assertTrue(sum <= 535 / 255f + 1e-5f, "a shift never adds brightness");
      if (sum < 535 / 255f - 1e-5f) {
        shifted++;
      }
    }
    assertTrue(shifted > 10, "most seeds shift the image: " + shifted);
    assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, false));
  }
}
