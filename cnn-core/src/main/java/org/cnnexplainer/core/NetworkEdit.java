package org.cnnexplainer.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One change to a network's weights, as a value: set one weight or bias, replace the kernel of one
 * output channel, or scale (ablate) one output channel. {@link #applyTo} derives a new {@link
 * Network} and never modifies the one given; {@link EditList} holds several edits, applies them in
 * order and saves them as JSON.
 *
 * <p>Edits apply to {@code Conv2D} and {@code Dense} layers and address weights in this library's
 * layout, the one {@code Layer.parameters()} returns: a convolution kernel is {@code (filter,
 * channel, ky, kx)} (TF.js files store {@code [ky, kx, channel, filter]}), a dense kernel {@code
 * (input, unit)}, a bias {@code (filter)} or {@code (unit)}. An "output channel" is a convolution's
 * filter or a dense layer's unit.
 *
 * <p>An edit is checked against a network only when applied: it names the layer by its name in the
 * model file, so one edit list fits every network with the same layer names and shapes.
 */
public sealed interface NetworkEdit {
  /** {@return the name of the layer whose weights this edit changes, e.g. {@code conv_1_1}} */
  String layer();

  /**
   * {@return {@code network} with this edit applied} Layers the edit does not touch, and the
   * touched layer's other parameter tensors, are shared with {@code network}, which is left
   * untouched.
   *
   * @param network the network to edit (it is not changed)
   * @throws IllegalArgumentException if the layer is missing or not a Conv2D/Dense layer, or an
   *     index, channel or shape does not fit it; the message names the edit and what was expected
   */
  default Network applyTo(Network network) {
    return EditList.of(this).applyTo(network);
  }

  /** {@return one line for people, e.g. {@code conv_1_1 kernel[3, 0, 1, 2] = 0.5}} */
  String description();

  /**
   * Sets one weight: {@code parameter} is {@code kernel} or {@code bias}, {@code index} one
   * coordinate per axis of that parameter in this library's layout (see the class documentation).
   *
   * @param layer the name of a Conv2D or Dense layer
   * @param parameter {@code kernel} or {@code bias}
   * @param index the weight's index in the library's order: {@code [filter, channel, ky, kx]} for a
   *     Conv2D kernel, {@code [input, unit]} for a Dense kernel, {@code [channel]} for a bias
   * @param value the new value
   * @return the edit
   */
  static NetworkEdit setWeight(String layer, String parameter, int[] index, float value) {
    return new SetWeight(layer, parameter, Arrays.stream(index).boxed().toList(), value);
  }

  /**
   * Sets the bias of output channel {@code channel}.
   *
   * @param layer the name of a Conv2D or Dense layer
   * @param channel the output channel (filter or unit), from 0
   * @param value the new value
   * @return the edit
   */
  static NetworkEdit setBias(String layer, int channel, float value) {
    return setWeight(layer, "bias", new int[] {channel}, value);
  }

  /**
   * Replaces the whole kernel of output channel {@code channel}: {@code values} has shape {@code
   * (channels, kh, kw)} for a convolution, {@code (inputs)} for a dense layer.
   *
   * @param layer the name of a Conv2D or Dense layer
   * @param channel the output channel (filter or unit), from 0
   * @param values the new kernel slice of that channel, shape {@code (C, kh, kw)} for a Conv2D or
   *     {@code (inputs)} for a Dense layer
   * @return the edit
   */
  static NetworkEdit setKernel(String layer, int channel, Tensor values) {
    return new SetKernel(layer, channel, values);
  }

  /**
   * Multiplies output channel {@code channel}'s kernel and bias by {@code factor}.
   *
   * @param layer the name of a Conv2D or Dense layer
   * @param channel the output channel (filter or unit), from 0
   * @param factor the multiplier
   * @return the edit
   */
  static NetworkEdit scaleChannel(String layer, int channel, float factor) {
    return new ScaleChannel(layer, channel, factor);
  }

  /**
   * Silences output channel {@code channel}: its kernel and bias become zero (ablation).
   *
   * @param layer the name of a Conv2D or Dense layer
   * @param channel the output channel (filter or unit), from 0
   * @return the edit
   */
  static NetworkEdit zeroChannel(String layer, int channel) {
    return new ScaleChannel(layer, channel, 0f);
  }

  /** Sets the weight at {@code index} of {@code parameter} ({@code kernel} or {@code bias}). */
  record SetWeight(String layer, String parameter, List<Integer> index, float value)
      implements NetworkEdit {
    /**
     * Checks the layer name, the parameter and the index, and copies the index.
     *
     * @param layer the name of a Conv2D or Dense layer
     * @param parameter {@code kernel} or {@code bias}
     * @param index the weight's index in the library's order: {@code [filter, channel, ky, kx]} for
     *     a Conv2D kernel, {@code [input, unit]} for a Dense kernel, {@code [channel]} for a bias
     * @param value the new value
     */
    public SetWeight {
      requireLayer(layer);
      if (!"kernel".equals(parameter) && !"bias".equals(parameter)) {
        throw new IllegalArgumentException(
            "parameter must be 'kernel' or 'bias', got " + quoted(parameter));
      }
      index = List.copyOf(index);
      if (index.isEmpty()) {
        throw new IllegalArgumentException("a weight index needs at least one coordinate");
      }
      requireFinite("value", value);
    }

    @Override
    public String description() {
      return layer
          + " "
          + parameter
          + index.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
          + " = "
          + value;
    }
  }

  /**
   * Replaces the kernel of output channel {@code channel} with {@code values}: shape {@code
   * (channels, kh, kw)} for a convolution, {@code (inputs)} for a dense layer.
   */
  record SetKernel(String layer, int channel, Tensor values) implements NetworkEdit {
    /**
     * Checks the layer name and the channel, and copies the values.
     *
     * @param layer the name of a Conv2D or Dense layer
     * @param channel the output channel (filter or unit), from 0
     * @param values the new kernel slice of that channel, shape {@code (C, kh, kw)} for a Conv2D or
     *     {@code (inputs)} for a Dense layer
     */
    public SetKernel {
      requireLayer(layer);
      requireChannel(channel);
      Objects.requireNonNull(values, "values");
      for (int i = 0; i < values.size(); i++) {
        requireFinite("kernel value " + i, values.at(i));
      }
    }

    @Override
    public String description() {
      return layer + " kernel of channel " + channel + " replaced (" + values.shape() + ")";
    }
  }

  /**
   * Multiplies output channel {@code channel}'s kernel and bias by {@code factor}; a factor of 0
   * silences the channel.
   */
  record ScaleChannel(String layer, int channel, float factor) implements NetworkEdit {
    /**
     * Checks the layer name and the channel.
     *
     * @param layer the name of a Conv2D or Dense layer
     * @param channel the output channel (filter or unit), from 0
     * @param factor the multiplier
     */
    public ScaleChannel {
      requireLayer(layer);
      requireChannel(channel);
      requireFinite("factor", factor);
    }

    @Override
    public String description() {
      return factor == 0f
          ? layer + " channel " + channel + " silenced"
          : layer + " channel " + channel + " scaled by " + factor;
    }
  }

  private static void requireLayer(String layer) {
    if (layer == null || layer.isBlank()) {
      throw new IllegalArgumentException("an edit needs a layer name, got " + quoted(layer));
    }
  }

  private static void requireChannel(int channel) {
    if (channel < 0) {
      throw new IllegalArgumentException("channel must be >= 0, got " + channel);
    }
  }

  private static void requireFinite(String what, float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number, got " + value);
    }
  }

  private static String quoted(String text) {
    return text == null ? "null" : "'" + text + "'";
  }
}
