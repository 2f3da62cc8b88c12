package org.cnnexplainer.core.train;

import java.util.SplittableRandom;
import org.cnnexplainer.core.Shape;

/**
 * Random changes applied to each training image: a shift by up to {@code maxShift} pixels in each
 * direction (uncovered cells become 0) and, when {@code horizontalFlip}, a mirror image with
 * probability 1/2. The randomness comes from a per-sample seed, so results do not depend on
 * threads.
 */
public record Augmentation(int maxShift, boolean horizontalFlip) {
  /**
   * Validates the settings.
   *
   * @param maxShift the largest shift in pixels in each direction, 0 or more
   * @param horizontalFlip whether images are mirrored left-right at random
   */
  public Augmentation {
    if (maxShift < 0) {
      throw new IllegalArgumentException("maxShift must be >= 0, got " + maxShift);
    }
  }

  /** {@return no augmentation} */
  public static Augmentation none() {
    return new Augmentation(0, false);
  }

  /** {@return true when this changes nothing} */
  public boolean isNone() {
    return maxShift == 0 && !horizontalFlip;
  }

  /** Writes the image at {@code pixels[offset ...]} / 255, transformed, to {@code dst}. */
  void apply(byte[] pixels, int offset, Shape shape, float[] dst, long seed) {
    int size = shape.size();
    if (isNone()) {
      for (int i = 0; i < size; i++) {
        dst[i] = (pixels[offset + i] & 0xFF) * (1f / 255f);
      }
      return;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
    int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
    boolean flip = horizontalFlip && random.nextBoolean();
    int height = shape.height();
    int width = shape.width();
    for (int c = 0; c < shape.channels(); c++) {
      int plane = c * height * width;
      for (int y = 0; y < height; y++) {
        int sy = y - dy;
        for (int x = 0; x < width; x++) {
          int sx = (flip ? width - 1 - x : x) - dx;
          boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
          dst[plane + y * width + x] =
              inside ? (pixels[offset + plane + sy * width + sx] & 0xFF) * (1f / 255f) : 0f;
        }
      }
    }
  }
}
