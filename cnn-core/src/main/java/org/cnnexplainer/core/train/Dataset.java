package org.cnnexplainer.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;

/**
 * An immutable set of labelled 8-bit images. Each image is stored channel-first {@code (C, H, W)}
 * as bytes; the network sees {@code byte / 255}, values in [0, 1] like the app's image input.
 */
public final class Dataset {
  private final Shape imageShape;
  private final List<String> classLabels;
  private final byte[] pixels;
  private final int[] labels;

  private Dataset(Shape imageShape, List<String> classLabels, byte[] pixels, int[] labels) {
    this.imageShape = imageShape;
    this.classLabels = classLabels;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * {@return a dataset of {@code labels.length} images}
   *
   * @param imageShape the shape of every image, {@code (channels, height, width)}
   * @param classLabels one name per class, in output order
   * @param pixels {@code labels.length * imageShape.size()} bytes (unsigned), image after image
   * @param labels class indices in {@code [0, classLabels.size())}
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public static Dataset of(
      Shape imageShape, List<String> classLabels, byte[] pixels, int[] labels) {
    Objects.requireNonNull(imageShape, "imageShape");
    if (!imageShape.isImage()) {
      throw new IllegalArgumentException("images must have shape (c, h, w), got " + imageShape);
    }
    if (classLabels.isEmpty()) {
      throw new IllegalArgumentException("a dataset needs at least one class");
    }
    if ((long) labels.length * imageShape.size() != pixels.length) {
      throw new IllegalArgumentException(
          labels.length
              + " labels need "
              + (long) labels.length * imageShape.size()
              + " pixel bytes of shape "
              + imageShape
              + ", got "
              + pixels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classLabels.size()) {
        throw new IllegalArgumentException(
            "label " + i + " is " + labels[i] + ", outside [0, " + classLabels.size() + ")");
      }
    }
    return new Dataset(imageShape, List.copyOf(classLabels), pixels.clone(), labels.clone());
  }

  /** {@return the shape of every image, {@code (channels, height, width)}} */
  public Shape imageShape() {
    return imageShape;
  }

  /** {@return one name per class} */
  public List<String> classLabels() {
    return classLabels;
  }

  /** {@return the number of images} */
  public int size() {
    return labels.length;
  }

  /**
   * {@return the class index of image {@code index}}
   *
   * @param index the image, from 0 to {@link #size()} - 1
   */
  public int label(int index) {
    return labels[index];
  }

  /**
   * {@return the image {@code index} as a tensor of values in [0, 1]}
   *
   * @param index the image, from 0 to {@link #size()} - 1
   */
  public Tensor image(int index) {
    float[] values = new float[imageShape.size()];
    copyImage(index, values, Augmentation.none(), 0);
    return Tensor.of(imageShape, values);
  }

  /**
   * {@return the raw bytes of image {@code index} (a copy)}
   *
   * @param index the image, from 0 to {@link #size()} - 1
   */
  public byte[] imageBytes(int index) {
    int size = imageShape.size();
    byte[] copy = new byte[size];
    System.arraycopy(pixels, index * size, copy, 0, size);
    return copy;
  }

  /**
   * Writes image {@code index} / 255, augmented with randomness from {@code seed}, to {@code dst}.
   */
  void copyImage(int index, float[] dst, Augmentation augmentation, long seed) {
    augmentation.apply(pixels, index * imageShape.size(), imageShape, dst, seed);
  }

  /**
   * {@return the images at {@code indices}, in that order}
   *
   * @param indices the images to keep, in the new order (repeats allowed)
   */
  public Dataset subset(int[] indices) {
    int size = imageShape.size();
    byte[] p = new byte[indices.length * size];
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * size, p, i * size, size);
      l[i] = labels[indices[i]];
    }
    return new Dataset(imageShape, classLabels, p, l);
  }

  /**
   * {@return the same images in an order that depends only on {@code seed}}
   *
   * @param seed the random seed; the same seed gives the same result
   */
  public Dataset shuffled(long seed) {
    return subset(permutation(size(), new SplittableRandom(seed)));
  }

  /** A training / validation split of a dataset. */
  public record Split(Dataset training, Dataset validation) {}

  /**
   * Shuffles with {@code seed} and puts the first {@code round(validationFraction * size)} images
   * in the validation part.
   *
   * @param validationFraction the share of images for validation, in (0, 1)
   * @param seed the random seed; the same seed gives the same result
   * @return the two parts; together they hold every image once
   */
  public Split split(double validationFraction, long seed) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation fraction must be in (0, 1), got " + validationFraction);
    }
    int[] order = permutation(size(), new SplittableRandom(seed));
    int validation = (int) Math.round(validationFraction * size());
    int[] v = new int[validation];
    int[] t = new int[size() - validation];
    System.arraycopy(order, 0, v, 0, validation);
    System.arraycopy(order, validation, t, 0, t.length);
    return new Split(subset(t), subset(v));
  }

  /**
   * {@return the first {@code count} images (or all when fewer)}
   *
   * @param count how many images to keep, from 0 to {@link #size()}
   */
  public Dataset head(int count) {
    int n = Math.min(count, size());
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    return subset(indices);
  }

  /** {@return how many images each class has} */
  public List<Integer> classCounts() {
    int[] counts = new int[classLabels.size()];
    for (int label : labels) {
      counts[label]++;
    }
    List<Integer> list = new ArrayList<>();
    for (int c : counts) {
      list.add(c);
    }
    return List.copyOf(list);
  }

  /**
   * {@return a Fisher-Yates permutation of {@code 0 .. n-1}: the order {@link #shuffled} and {@link
   * #split} use for the same seed ({@code new SplittableRandom(seed)}), so callers can tell which
   * original images went where}
   *
   * @param n the number of indices
   * @param random the source of randomness
   */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  @Override
  public String toString() {
    return "Dataset of "
        + size()
        + " images "
        + imageShape
        + ", "
        + classLabels.size()
        + " classes";
  }
}
