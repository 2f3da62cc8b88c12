package org.cnnexplainer.core.train;

import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.Shape;

/** Small labelled images for tests: a horizontal bar, a vertical bar or a diagonal, with noise. */
final class SyntheticData {
  static final List<String> LABELS = List.of("horizontal", "vertical", "diagonal");

  private SyntheticData() {}

  static Dataset bars(int count, int size, long seed) {
    Random r = new Random(seed);
    Shape shape = Shape.image(1, size, size);
    byte[] pixels = new byte[count * shape.size()];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = i % 3;
      labels[i] = label;
      int offset = i * shape.size();
      int pos = 2 + r.nextInt(size - 4);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          boolean on =
              switch (label) {
                case 0 -> y == pos;
                case 1 -> x == pos;
                default -> x == y;
              };
          int value = on ? 200 + r.nextInt(56) : r.nextInt(60);
          pixels[offset + y * size + x] = (byte) value;
        }
      }
    }
    return Dataset.of(shape, LABELS, pixels, labels);
  }
}
