package org.cnnexplainer.core.tfjs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;

/** Writes a {@link Network} as TF.js's {@code model.save} does, plus {@code labels.json}. */
final class ModelWriter {
  static final String SHARD = "group1-shard1of1.bin";

  private final JsonArray trainable = new JsonArray();
  private final JsonArray nonTrainable = new JsonArray();
  private final ByteArrayOutputStream trainableBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream nonTrainableBytes = new ByteArrayOutputStream();

  private ModelWriter() {}

  static void write(Network network, Path directory) throws IOException {
    new ModelWriter().writeAll(network, directory);
  }

  private void writeAll(Network network, Path directory) throws IOException {
    boolean functional = network.layer(0) instanceof InputLayer;
    JsonArray layers = new JsonArray();
    String previous = null;
    for (int i = 0; i < network.layers().size(); i++) {
      Layer layer = network.layer(i);
      JsonObject config = config(layer, network.inputShape(i));
      JsonObject entry = new JsonObject();
      if (functional) {
        entry.addProperty("name", layer.name());
      }
      entry.addProperty("class_name", layer.kind());
      entry.add("config", config);
      if (functional) {
        entry.add("inbound_nodes", inbound(previous));
      } else if (i == 0) {
        config.add("batch_input_shape", batchShape(network.inputShape()));
        config.addProperty("dtype", "float32");
      }
      layers.add(entry);
      previous = layer.name();
    }
    JsonObject modelConfig = new JsonObject();
    modelConfig.addProperty("name", network.name());
    modelConfig.add("layers", layers);
    if (functional) {
      modelConfig.add("input_layers", endpoint(network.layer(0).name()));
      modelConfig.add("output_layers", endpoint(previous));
    }
    JsonObject topology = new JsonObject();
    topology.addProperty("class_name", functional ? "Model" : "Sequential");
    topology.add("config", modelConfig);
    topology.addProperty("keras_version", "tfjs-layers 4.22.0");
    topology.addProperty("backend", "tensor_flow.js");

    JsonObject group = new JsonObject();
    JsonArray paths = new JsonArray();
    paths.add(SHARD);
    group.add("paths", paths);
    JsonArray weights = new JsonArray();
    weights.addAll(trainable); // TF.js lists trainable weights first
    weights.addAll(nonTrainable);
    group.add("weights", weights);
    JsonArray manifest = new JsonArray();
    manifest.add(group);

    JsonObject root = new JsonObject();
    root.add("modelTopology", topology);
    root.addProperty("format", "layers-model");
    root.addProperty("generatedBy", "CNN Explainer for Java");
    root.add("convertedBy", JsonNull.INSTANCE);
    root.add("weightsManifest", manifest);

    var gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("model.json"), gson.toJson(root), StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(directory.resolve(SHARD))) {
      trainableBytes.writeTo(out);
      nonTrainableBytes.writeTo(out);
    }
    Files.writeString(
        directory.resolve(Labels.FILE),
        gson.toJson(Labels.toJson(network.classLabels())),
        StandardCharsets.UTF_8);
  }

  private JsonObject config(Layer layer, Shape input) {
    JsonObject c = new JsonObject();
    if (layer instanceof InputLayer in) {
      c.add("batch_input_shape", batchShape(in.shape()));
      c.addProperty("dtype", "float32");
      c.addProperty("sparse", false);
    } else if (layer instanceof Conv2D conv) {
      c.addProperty("filters", conv.filters());
      c.add("kernel_size", pair(conv.kernelHeight(), conv.kernelWidth()));
      c.add("strides", pair(conv.strideY(), conv.strideX()));
      c.addProperty("padding", conv.padding().tfjsName());
      c.addProperty("data_format", "channels_last");
      c.add("dilation_rate", pair(1, 1));
      c.addProperty("activation", conv.activation().tfjsName());
      c.addProperty("use_bias", conv.useBias());
      int[] hwio = {conv.kernelHeight(), conv.kernelWidth(), conv.inputChannels(), conv.filters()};
      addWeight(
          layer,
          "kernel",
          hwio,
          KernelLayout.oihwToHwio(conv.kernel().toArray(), hwio[0], hwio[1], hwio[2], hwio[3]),
          true);
      if (conv.useBias()) {
        addWeight(layer, "bias", new int[] {conv.filters()}, conv.bias().toArray(), true);
      }
    } else if (layer instanceof ActivationLayer act) {
      c.addProperty("activation", act.activation().tfjsName());
    } else if (layer instanceof Pooling2D pool) {
      c.add("pool_size", pair(pool.poolHeight(), pool.poolWidth()));
      c.addProperty("padding", pool.padding().tfjsName());
      c.add("strides", pair(pool.strideY(), pool.strideX()));
      c.addProperty("data_format", "channels_last");
    } else if (layer instanceof Dense dense) {
      c.addProperty("units", dense.units());
      c.addProperty("activation", dense.activation().tfjsName());
      c.addProperty("use_bias", dense.useBias());
      addWeight(layer, "kernel", dense.kernel().shape().toArray(), dense.kernel().toArray(), true);
      if (dense.useBias()) {
        addWeight(layer, "bias", new int[] {dense.units()}, dense.bias().toArray(), true);
      }
    } else if (layer instanceof Dropout drop) {
      c.addProperty("rate", shortest(drop.rate()));
    } else if (layer instanceof BatchNormalization bn) {
      c.addProperty("axis", -1);
      c.addProperty("momentum", 0.99);
      c.addProperty("epsilon", shortest(bn.epsilon()));
      c.addProperty("center", true);
      c.addProperty("scale", true);
      int[] shape = {bn.movingMean().size()};
      addWeight(layer, "gamma", shape, bn.gamma().toArray(), true);
      addWeight(layer, "beta", shape, bn.beta().toArray(), true);
      addWeight(layer, "moving_mean", shape, bn.movingMean().toArray(), false);
      addWeight(layer, "moving_variance", shape, bn.movingVariance().toArray(), false);
    } else if (!(layer instanceof Flatten)) {
      throw new IllegalStateException("no TF.js form for " + layer);
    }
    c.addProperty("name", layer.name());
    c.addProperty("trainable", true);
    return c;
  }

  /**
   * A float as the shortest decimal that reads back to it, e.g. {@code 0.001} not 0.0010000000474.
   */
  private static double shortest(float value) {
    return Double.parseDouble(Float.toString(value));
  }

  private void addWeight(Layer layer, String suffix, int[] shape, float[] values, boolean train) {
    JsonObject spec = new JsonObject();
    spec.addProperty("name", layer.name() + "/" + suffix);
    JsonArray dims = new JsonArray();
    for (int d : shape) {
      dims.add(d);
    }
    spec.add("shape", dims);
    spec.addProperty("dtype", "float32");
    (train ? trainable : nonTrainable).add(spec);
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    (train ? trainableBytes : nonTrainableBytes).writeBytes(buffer.array());
  }

  private static JsonArray batchShape(Shape shape) {
    JsonArray dims = new JsonArray();
    dims.add(JsonNull.INSTANCE);
    for (int d : shape.toTfjsOrder()) {
      dims.add(d);
    }
    return dims;
  }

  private static JsonArray pair(int a, int b) {
    JsonArray p = new JsonArray();
    p.add(a);
    p.add(b);
    return p;
  }

  private static JsonArray inbound(String previous) {
    JsonArray nodes = new JsonArray();
    if (previous != null) {
      JsonArray ref = new JsonArray();
      ref.add(previous);
      ref.add(0);
      ref.add(0);
      ref.add(new JsonObject());
      JsonArray inputs = new JsonArray();
      inputs.add(ref);
      nodes.add(inputs);
    }
    return nodes;
  }

  private static JsonArray endpoint(String name) {
    JsonArray ref = new JsonArray();
    ref.add(name);
    ref.add(0);
    ref.add(0);
    JsonArray list = new JsonArray();
    list.add(ref);
    return list;
  }
}
