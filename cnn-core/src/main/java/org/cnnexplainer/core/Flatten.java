package org.cnnexplainer.core;

/**
 * Flattens an image into a vector in TF.js's order, so that the following {@link Dense} kernel rows
 * line up with the model file: element {@code (c, y, x)} of a {@code (C, H, W)} input goes to index
 * {@code (y * W + x) * C + c} (channel fastest). Use {@link #flatIndex} and {@link #sourceOf} to
 * map between the two.
 */
public final class Flatten extends Layer {

  /** A flatten layer. */
  public Flatten(String name) {
    super(name);
  }

  @Override
  public String kind() {
    return "Flatten";
  }

  @Override
  public Shape outputShape(Shape input) {
    return Shape.vector(input.size());
  }

  /**
   * The output index of input element {@code (channel, y, x)} for an image of shape {@code input}.
   *
   * @throws IllegalArgumentException if the element lies outside {@code input}
   */
  public static int flatIndex(Shape input, int channel, int y, int x) {
    if (channel < 0
        || channel >= input.channels()
        || y < 0
        || y >= input.height()
        || x < 0
        || x >= input.width()) {
      throw new IllegalArgumentException(
          "(" + channel + ", " + y + ", " + x + ") is outside " + input);
    }
    return (y * input.width() + x) * input.channels() + channel;
  }

  /**
   * The input element {@code {channel, y, x}} that output {@code index} comes from.
   *
   * @throws IllegalArgumentException if {@code index} is not in {@code 0 .. input.size() - 1}
   */
  public static int[] sourceOf(Shape input, int index) {
    if (index < 0 || index >= input.size()) {
      throw new IllegalArgumentException(
          "index " + index + " is outside 0.." + (input.size() - 1) + " of a flattened " + input);
    }
    int channels = input.channels();
    int pixel = index / channels;
    return new int[] {index % channels, pixel / input.width(), pixel % input.width()};
  }

  @Override
  float[] compute(Tensor input, Shape outputShape) {
    Shape in = input.shape;
    if (!in.isImage()) {
      return input.data.clone();
    }
    int channels = in.channels();
    int plane = in.height() * in.width();
    float[] src = input.data;
    float[] out = new float[src.length];
    for (int c = 0; c < channels; c++) {
      for (int p = 0; p < plane; p++) {
        out[p * channels + c] = src[c * plane + p];
      }
    }
    return out;
  }
}
