package org.cnnexplainer.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;

/**
 * Applies {@link NetworkEdit}s to copies of a network's weights. Each touched kernel or bias is
 * copied once, however many edits change it; untouched layers and tensors are shared.
 */
final class WeightEditor {
  private final Network network;
  // Layer index -> {kernel, bias} copies in this library's layout; null for a parameter no edit
  // has touched (the rebuilt layer shares the original's tensor).
  private final Map<Integer, float[][]> copies = new LinkedHashMap<>();

  WeightEditor(Network network) {
    this.network = network;
  }

  /** Applies {@code edit} to the copies; {@code number} (from 1) names it in error messages. */
  void apply(NetworkEdit edit, int number) {
    try {
      int index =
          network
              .indexOf(edit.layer())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the network has no layer named '"
                              + edit.layer()
                              + "'"
                              + editableLayers()));
      Layer layer = network.layer(index);
      if (!(layer instanceof Conv2D) && !(layer instanceof Dense)) {
        throw new IllegalArgumentException(
            layer + " has no kernel or bias to edit" + editableLayers());
      }
      if (edit instanceof NetworkEdit.SetWeight set) {
        setWeight(index, layer, set);
      } else if (edit instanceof NetworkEdit.SetKernel set) {
        setKernel(index, layer, set);
      } else {
        scaleChannel(index, layer, (NetworkEdit.ScaleChannel) edit);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "edit " + number + " (" + edit.description() + "): " + e.getMessage(), e);
    }
  }

  /** The edited network: the original with each touched layer rebuilt from its copies. */
  Network result() {
    if (copies.isEmpty()) {
      return network;
    }
    List<Layer> layers = new ArrayList<>(network.layers());
    copies.forEach((index, arrays) -> layers.set(index, rebuild(layers.get(index), arrays)));
    return network.withLayers(layers);
  }

  private void setWeight(int index, Layer layer, NetworkEdit.SetWeight edit) {
    boolean kernel = edit.parameter().equals("kernel");
    Tensor parameter = kernel ? kernelOf(layer) : requireBias(layer);
    Shape shape = parameter.shape();
    List<Integer> at = edit.index();
    if (at.size() != shape.rank()) {
      throw new IllegalArgumentException(
          layer.name()
              + "/"
              + edit.parameter()
              + " has shape "
              + shape
              + " ("
              + axes(layer, kernel)
              + "), so an index needs "
              + shape.rank()
              + " coordinates, got "
              + at.size());
    }
    int flat = 0;
    for (int axis = 0; axis < at.size(); axis++) {
      int i = at.get(axis);
      if (i < 0 || i >= shape.dim(axis)) {
        throw new IllegalArgumentException(
            "coordinate "
                + axis
                + " ("
                + axes(layer, kernel).split(", ")[axis]
                + ") is "
                + i
                + ", but "
                + layer.name()
                + "/"
                + edit.parameter()
                + " has shape "
                + shape
                + ": it must be in 0.."
                + (shape.dim(axis) - 1));
      }
      flat = flat * shape.dim(axis) + i;
    }
    (kernel ? kernel(index, layer) : bias(index, layer))[flat] = edit.value();
  }

  private void setKernel(int index, Layer layer, NetworkEdit.SetKernel edit) {
    int channel = requireChannel(layer, edit.channel());
    Shape expected = channelKernelShape(layer);
    if (!edit.values().shape().equals(expected)) {
      throw new IllegalArgumentException(
          "the kernel of one output channel of "
              + layer
              + " has shape "
              + expected
              + ", got "
              + edit.values().shape());
    }
    float[] kernel = kernel(index, layer);
    float[] values = edit.values().toArray();
    if (layer instanceof Conv2D) {
      System.arraycopy(values, 0, kernel, channel * values.length, values.length);
    } else {
      int units = ((Dense) layer).units();
      for (int i = 0; i < values.length; i++) {
        kernel[i * units + channel] = values[i];
      }
    }
  }

  private void scaleChannel(int index, Layer layer, NetworkEdit.ScaleChannel edit) {
    int channel = requireChannel(layer, edit.channel());
    float factor = edit.factor();
    float[] kernel = kernel(index, layer);
    if (layer instanceof Conv2D conv) {
      int size = conv.inputChannels() * conv.kernelHeight() * conv.kernelWidth();
      for (int i = channel * size; i < (channel + 1) * size; i++) {
        kernel[i] = scaled(kernel[i], factor);
      }
    } else {
      Dense dense = (Dense) layer;
      for (int i = channel; i < kernel.length; i += dense.units()) {
        kernel[i] = scaled(kernel[i], factor);
      }
    }
    if (layerUsesBias(layer)) {
      float[] bias = bias(index, layer);
      bias[channel] = scaled(bias[channel], factor);
    }
  }

  /**
   * {@code value * factor}, with a zero result always {@code +0}: a silenced channel reads 0, not
   * -0, in views and saved files ({@code x + 0f} changes nothing else).
   *
   * @throws IllegalArgumentException if the product overflows the float range
   */
  private static float scaled(float value, float factor) {
    float product = value * factor + 0f;
    if (!Float.isFinite(product)) {
      throw new IllegalArgumentException(
          "scaling weight " + value + " by " + factor + " overflows the float range");
    }
    return product;
  }

  /** The copy of layer {@code index}'s kernel, made on first use. */
  private float[] kernel(int index, Layer layer) {
    float[][] arrays = copies.computeIfAbsent(index, i -> new float[2][]);
    if (arrays[0] == null) {
      arrays[0] = kernelOf(layer).toArray();
    }
    return arrays[0];
  }

  /** The copy of layer {@code index}'s bias, made on first use; the layer must use a bias. */
  private float[] bias(int index, Layer layer) {
    float[][] arrays = copies.computeIfAbsent(index, i -> new float[2][]);
    if (arrays[1] == null) {
      arrays[1] = biasOf(layer).toArray();
    }
    return arrays[1];
  }

  private static Layer rebuild(Layer layer, float[][] arrays) {
    if (layer instanceof Conv2D conv) {
      return new Conv2D(
          conv.name(),
          edited(conv.kernel(), arrays[0]),
          conv.useBias() ? edited(conv.bias(), arrays[1]) : null,
          conv.strideY(),
          conv.strideX(),
          conv.padding(),
          conv.activation());
    }
    Dense dense = (Dense) layer;
    return new Dense(
        dense.name(),
        edited(dense.kernel(), arrays[0]),
        dense.useBias() ? edited(dense.bias(), arrays[1]) : null,
        dense.activation());
  }

  /** {@code original}, or a tensor over {@code copy} when an edit changed it. */
  private static Tensor edited(Tensor original, float[] copy) {
    return copy == null ? original : Tensor.wrap(original.shape(), copy);
  }

  private static Tensor kernelOf(Layer layer) {
    return layer instanceof Conv2D conv ? conv.kernel() : ((Dense) layer).kernel();
  }

  private static Tensor biasOf(Layer layer) {
    return layer instanceof Conv2D conv ? conv.bias() : ((Dense) layer).bias();
  }

  private static boolean layerUsesBias(Layer layer) {
    return layer instanceof Conv2D conv ? conv.useBias() : ((Dense) layer).useBias();
  }

  private static Tensor requireBias(Layer layer) {
    if (!layerUsesBias(layer)) {
      throw new IllegalArgumentException(layer + " has no bias (use_bias is false in its model)");
    }
    return biasOf(layer);
  }

  private static int outputChannels(Layer layer) {
    return layer instanceof Conv2D conv ? conv.filters() : ((Dense) layer).units();
  }

  private static int requireChannel(Layer layer, int channel) {
    int channels = outputChannels(layer);
    if (channel >= channels) {
      throw new IllegalArgumentException(
          layer
              + " has "
              + channels
              + " output channels, so a channel must be in 0.."
              + (channels - 1)
              + ", got "
              + channel);
    }
    return channel;
  }

  private static Shape channelKernelShape(Layer layer) {
    if (layer instanceof Conv2D conv) {
      return Shape.of(conv.inputChannels(), conv.kernelHeight(), conv.kernelWidth());
    }
    return Shape.vector(((Dense) layer).inputs());
  }

  private static String axes(Layer layer, boolean kernel) {
    if (!kernel) {
      return layer instanceof Conv2D ? "filter" : "unit";
    }
    return layer instanceof Conv2D ? "filter, channel, ky, kx" : "input, unit";
  }

  private String editableLayers() {
    String names =
        network.layers().stream()
            .filter(l -> l instanceof Conv2D || l instanceof Dense)
            .map(Layer::name)
            .collect(Collectors.joining(", "));
    return names.isEmpty()
        ? "; this network has no Conv2D or Dense layer"
        : "; layers with weights to edit: " + names;
  }
}
