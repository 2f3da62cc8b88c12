package org.cnnexplainer.core.layer;

import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Pass;

/**
 * Flattens an image into a vector in TF.js's order, so that the following {@link Dense} kernel rows
 * line up with the model file: element {@code (c, y, x)} of a {@code (C, H, W)} input goes to index
 * {@code (y * W + x) * C + c} (channel fastest). Use {@link #flatIndex} and {@link #sourceOf} to
 * map between the two. Backward: the inverse permutation.
 */
public final class Flatten extends Layer {

  /**
   * A flatten layer.
   *
   * @param name the layer's name
   */
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
   * {@return the output index of input element {@code (channel, y, x)} for an image of shape {@code
   * input}}
   *
   * @param input the shape of the image being flattened
   * @param channel the channel, from 0
   * @param y the row, from 0
   * @param x the column, from 0
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
   * {@return the input element {@code {channel, y, x}} that output {@code index} comes from}
   *
   * @param input the shape of the image being flattened
   * @param index the vector index
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
  void forward(Pass p) {
    Shape in = p.inShape();
    if (!in.isImage()) {
      System.arraycopy(p.in(), 0, p.out(), 0, p.in().length);
      return;
    }
    int channels = in.channels();
    int plane = in.height() * in.width();
    float[] src = p.in();
    float[] out = p.out();
    for (int c = 0; c < channels; c++) {
      for (int q = 0; q < plane; q++) {
        out[q * channels + c] = src[c * plane + q];
      }
    }
  }

  @Override
  void backward(Pass p) {
    float[] gradIn = p.gradIn();
    if (gradIn == null) {
      return;
    }
    Shape in = p.inShape();
    if (!in.isImage()) {
      System.arraycopy(p.gradOut(), 0, gradIn, 0, gradIn.length);
      return;
    }
    int channels = in.channels();
    int plane = in.height() * in.width();
    float[] gradOut = p.gradOut();
    for (int c = 0; c < channels; c++) {
      for (int q = 0; q < plane; q++) {
        gradIn[c * plane + q] = gradOut[q * channels + c];
      }
    }
  }
}
