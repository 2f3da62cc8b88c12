package org.cnnexplainer.core.tfjs;

import java.util.Arrays;
import java.util.List;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.tfjs.Weights.Weight;

/** Builds one {@link Layer} from its TF.js class, config and weights, converting layouts. */
final class LayerFactory {
  static final List<String> SUPPORTED =
      List.of(
          "InputLayer",
          "Conv2D",
          "Activation",
          "MaxPooling2D",
          "AveragePooling2D",
          "Flatten",
          "Dense",
          "Dropout",
          "BatchNormalization");

  private static final int MAX_SIZE = 1 << 16;
  private static final int[] ONES = {1, 1};

  private LayerFactory() {}

  /**
   * The layer described by {@code spec}, which receives inputs of shape {@code input}.
   *
   * @throws InvalidModelException naming the layer for unsupported classes or configurations
   */
  static Layer build(Topology.Spec spec, Shape input, Weights weights)
      throws InvalidModelException {
    Json config = spec.config();
    String name = spec.name();
    return switch (spec.className()) {
      case "InputLayer" -> new InputLayer(name, input);
      case "Conv2D" -> conv(spec, input, weights);
      case "Activation" -> new ActivationLayer(name, activation(config));
      case "MaxPooling2D" -> pooling(spec, Pooling2D.Type.MAX);
      case "AveragePooling2D" -> pooling(spec, Pooling2D.Type.AVERAGE);
      case "Flatten" -> {
        channelsLast(config);
        yield new Flatten(name);
      }
      case "Dense" -> dense(spec, input, weights);
      case "Dropout" -> new Dropout(name, rate(config));
      case "BatchNormalization" -> batchNorm(spec, input, weights);
      default ->
          throw new InvalidModelException(
              config.file()
                  + ": layer '"
                  + name
                  + "' has the unsupported class '"
                  + spec.className()
                  + "'; supported: "
                  + String.join(", ", SUPPORTED));
    };
  }

  private static Layer conv(Topology.Spec spec, Shape input, Weights weights)
      throws InvalidModelException {
    Json config = spec.config();
    channelsLast(config);
    Json dilation = config.optional("dilation_rate");
    if (!dilation.isNull() && !Arrays.equals(dilation.pair(1, MAX_SIZE), ONES)) {
      throw dilation.error("only dilation 1 is supported, found " + dilation.text());
    }
    if (config.has("groups") && config.get("groups").integer(1, MAX_SIZE) != 1) {
      throw config.get("groups").error("only groups = 1 is supported (no grouped convolution)");
    }
    if (!input.isImage()) {
      throw config.error("a Conv2D layer needs an image input, got shape " + input);
    }
    int filters = config.get("filters").integer(1, MAX_SIZE);
    int[] size = config.get("kernel_size").pair(1, MAX_SIZE);
    int[] strides = config.has("strides") ? config.get("strides").pair(1, MAX_SIZE) : ONES;
    int channels = input.channels();
    Weight kernel =
        weights.require(spec.name(), "kernel", new int[] {size[0], size[1], channels, filters});
    Tensor oihw =
        Tensor.of(
            Shape.of(filters, channels, size[0], size[1]),
            KernelLayout.hwioToOihw(kernel.values(), size[0], size[1], channels, filters));
    Tensor bias = bias(spec, weights, filters);
    return new Conv2D(
        spec.name(), oihw, bias, strides[0], strides[1], padding(config), activation(config));
  }

  private static Tensor bias(Topology.Spec spec, Weights weights, int units)
      throws InvalidModelException {
    Json useBias = spec.config().optional("use_bias");
    if (!useBias.isNull() && !useBias.bool()) {
      return null;
    }
    return Tensor.of(
        Shape.vector(units), weights.require(spec.name(), "bias", new int[] {units}).values());
  }

  private static Layer pooling(Topology.Spec spec, Pooling2D.Type type)
      throws InvalidModelException {
    Json config = spec.config();
    channelsLast(config);
    int[] pool =
        config.has("pool_size") ? config.get("pool_size").pair(1, MAX_SIZE) : new int[] {2, 2};
    int[] strides = config.has("strides") ? config.get("strides").pair(1, MAX_SIZE) : pool;
    return new Pooling2D(
        spec.name(), type, pool[0], pool[1], strides[0], strides[1], padding(config));
  }

  private static Layer dense(Topology.Spec spec, Shape input, Weights weights)
      throws InvalidModelException {
    Json config = spec.config();
    if (input.rank() != 1) {
      throw config.error(
          "layer '"
              + spec.name()
              + "' (Dense) needs a vector input, got shape "
              + input
              + "; add a Flatten layer before it");
    }
    int units = config.get("units").integer(1, TfjsModel.MAX_WEIGHT_VALUES);
    Weight kernel = weights.require(spec.name(), "kernel", new int[] {input.dim(0), units});
    Tensor k = Tensor.of(Shape.of(input.dim(0), units), kernel.values());
    return new Dense(spec.name(), k, bias(spec, weights, units), activation(config));
  }

  private static Layer batchNorm(Topology.Spec spec, Shape input, Weights weights)
      throws InvalidModelException {
    Json config = spec.config();
    Json axisJson = config.has("axis") ? config.get("axis") : null;
    if (axisJson != null && axisJson.isArray()) {
      if (axisJson.size() != 1) {
        throw axisJson.error("only one normalised axis (the channel axis) is supported");
      }
      axisJson = axisJson.at(0);
    }
    int axis = axisJson == null ? -1 : axisJson.integer(-8, 8);
    int rank = input.rank();
    if (axis != -1 && axis != rank) {
      throw (axisJson == null ? config : axisJson)
          .error(
              "layer '"
                  + spec.name()
                  + "' normalises axis "
                  + axis
                  + "; only the channel axis is supported (-1 or "
                  + rank
                  + " for this input of TF.js rank "
                  + rank
                  + ")");
    }
    int channels = input.isImage() ? input.channels() : input.dim(rank - 1);
    int[] shape = {channels};
    float epsilon = config.has("epsilon") ? (float) config.get("epsilon").number() : 1e-3f;
    String n = spec.name();
    boolean scale = !config.has("scale") || config.get("scale").bool();
    boolean center = !config.has("center") || config.get("center").bool();
    float[] gamma = scale ? weights.require(n, "gamma", shape).values() : filled(channels, 1f);
    float[] beta = center ? weights.require(n, "beta", shape).values() : new float[channels];
    float[] variance = weights.require(n, "moving_variance", shape).values();
    for (int c = 0; c < channels; c++) {
      // A negative variance (e.g. shards listed in the wrong order) would make every output NaN.
      if (!(variance[c] >= 0)) {
        throw config.error(
            "weight '"
                + n
                + "/moving_variance' holds "
                + variance[c]
                + " for channel "
                + c
                + "; a variance cannot be negative (are the weight files in the right order?)");
      }
    }
    Shape s = Shape.vector(channels);
    return new BatchNormalization(
        n,
        Tensor.of(s, gamma),
        Tensor.of(s, beta),
        Tensor.of(s, weights.require(n, "moving_mean", shape).values()),
        Tensor.of(s, variance),
        epsilon);
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    Arrays.fill(a, v);
    return a;
  }

  private static float rate(Json config) throws InvalidModelException {
    Json rate = config.get("rate");
    double r = rate.number();
    if (!(r >= 0 && r < 1)) {
      throw rate.error("expected a dropout rate in [0, 1), found " + r);
    }
    return (float) r;
  }

  private static Activation activation(Json config) throws InvalidModelException {
    Json a = config.optional("activation");
    if (a.isNull()) {
      return Activation.LINEAR;
    }
    try {
      return Activation.fromTfjsName(a.string());
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }

  private static Padding padding(Json config) throws InvalidModelException {
    Json p = config.optional("padding");
    if (p.isNull()) {
      return Padding.VALID;
    }
    try {
      return Padding.fromTfjsName(p.string());
    } catch (IllegalArgumentException e) {
      throw p.error(e.getMessage());
    }
  }

  private static void channelsLast(Json config) throws InvalidModelException {
    Json format = config.optional("data_format");
    if (!format.isNull() && !format.string().equals("channels_last")) {
      throw format.error(
          "only data_format 'channels_last' is supported (TF.js's default), found '"
              + format.string()
              + "'");
    }
  }
}
