package org.cnnexplainer.core.tfjs;

import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Shape;

/**
 * The layer list of {@code modelTopology}: a {@code Sequential} model, or a {@code Model} / {@code
 * Functional} graph that must be a linear chain (its {@code InputLayer} stays as layer 0, as in
 * TF.js's {@code model.layers}).
 *
 * @param name the model's name, or null when the file has none
 * @param inputShape one input without the batch dimension, in this library's order
 * @param layers the layers in {@code model.layers} order
 */
record Topology(String name, Shape inputShape, List<Spec> layers) {
  /** One layer entry: its TF.js class, name and {@code config} object. */
  record Spec(String className, String name, Json config) {}

  static Topology parse(Json modelJson) throws InvalidModelException {
    Json topology = modelJson.get("modelTopology");
    if (topology.has("model_config")) {
      topology = topology.get("model_config"); // Keras-converted files wrap it
    }
    String className = topology.get("class_name").string();
    Json config = topology.get("config");
    return switch (className) {
      case "Sequential" -> sequential(config);
      case "Model", "Functional" -> functional(config);
      default ->
          throw topology
              .get("class_name")
              .error(
                  "expected a 'Sequential', 'Model' or 'Functional' model, found '"
                      + className
                      + "'");
    };
  }

  private static Spec spec(String className, String name, Json config) {
    return new Spec(
        className, name, config.named("layer '" + name + "' (" + className + ") config"));
  }

  private static Topology sequential(Json config) throws InvalidModelException {
    // Very old Keras files store the layer list directly as the config.
    Json list = config.isArray() ? config : config.get("layers");
    String name = config.isArray() ? null : optionalName(config);
    if (list.size() == 0) {
      throw list.error("the model has no layers");
    }
    List<Spec> specs = new ArrayList<>();
    Shape input = null;
    for (int i = 0; i < list.size(); i++) {
      Json entry = list.at(i);
      Json layerConfig = entry.get("config");
      Spec spec =
          spec(entry.get("class_name").string(), layerConfig.get("name").string(), layerConfig);
      if (i == 0) {
        input = batchInputShape(spec);
      }
      // Keras 2.4+ lists an InputLayer first; model.layers of a Sequential model omits it.
      if (!(i == 0 && spec.className().equals("InputLayer"))) {
        specs.add(spec);
      }
    }
    if (specs.isEmpty()) {
      throw list.error("the model has no layers after its InputLayer");
    }
    return new Topology(name, input, List.copyOf(specs));
  }

  private static Topology functional(Json config) throws InvalidModelException {
    Json list = config.get("layers");
    if (list.size() == 0) {
      throw list.error("the model has no layers");
    }
    List<Spec> specs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Json entry = list.at(i);
      Json layerConfig = entry.get("config");
      String layerName =
          entry.has("name") ? entry.get("name").string() : layerConfig.get("name").string();
      Spec spec = spec(entry.get("class_name").string(), layerName, layerConfig);
      String expectedInbound = i == 0 ? null : specs.get(i - 1).name();
      checkInbound(entry.get("inbound_nodes"), layerName, expectedInbound);
      specs.add(spec);
    }
    if (!specs.get(0).className().equals("InputLayer")) {
      throw list.at(0).error("the first layer of a functional model must be an InputLayer");
    }
    checkEnds(config.get("input_layers"), specs.get(0).name(), "input");
    checkEnds(config.get("output_layers"), specs.get(specs.size() - 1).name(), "output");
    return new Topology(optionalName(config), batchInputShape(specs.get(0)), List.copyOf(specs));
  }

  /** Checks that the layer takes exactly one tensor, from {@code expected} (null: no input). */
  private static void checkInbound(Json nodes, String layer, String expected)
      throws InvalidModelException {
    String unsupported =
        " (only linear chains are supported: each layer must take the previous layer's output;"
            + " branching or merging graphs are not)";
    if (expected == null) {
      if (nodes.size() != 0) {
        throw nodes.error("the first layer '" + layer + "' must have no inbound nodes");
      }
      return;
    }
    if (nodes.size() != 1) {
      throw nodes.error(
          "layer '"
              + layer
              + "' is called "
              + nodes.size()
              + " times, expected once"
              + unsupported);
    }
    Json inputs = nodes.at(0);
    if (inputs.size() != 1) {
      throw inputs.error(
          "layer '" + layer + "' has " + inputs.size() + " inputs, expected 1" + unsupported);
    }
    String from = inputs.at(0).at(0).string();
    if (!from.equals(expected)) {
      throw inputs.error(
          "layer '"
              + layer
              + "' takes its input from '"
              + from
              + "', expected the previous layer '"
              + expected
              + "'"
              + unsupported);
    }
  }

  private static void checkEnds(Json ends, String expected, String what)
      throws InvalidModelException {
    if (ends.size() != 1 || !ends.at(0).at(0).string().equals(expected)) {
      throw ends.error(
          "expected exactly one "
              + what
              + " layer, '"
              + expected
              + "', found "
              + ends.size()
              + " (only linear chains are supported)");
    }
  }

  private static String optionalName(Json config) throws InvalidModelException {
    Json name = config.optional("name");
    return name.isNull() ? null : name.string();
  }

  /** {@code batch_input_shape} (or Keras 3's {@code batch_shape}): {@code [null, h, w, c]}. */
  private static Shape batchInputShape(Spec spec) throws InvalidModelException {
    Json config = spec.config();
    Json shape =
        config.has("batch_input_shape")
            ? config.get("batch_input_shape")
            : config.has("batch_shape") ? config.get("batch_shape") : null;
    if (shape == null) {
      throw config.error(
          "the first layer '"
              + spec.name()
              + "' has no batch_input_shape; expected [null, height, width, channels]");
    }
    if ((shape.size() != 4 && shape.size() != 2) || !shape.at(0).isNull()) {
      throw shape.error(
          "expected [null, height, width, channels] or [null, length], found " + shape.text());
    }
    int[] dims = new int[shape.size() - 1];
    long total = 1;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.at(i + 1).integer(1, TfjsModel.MAX_ACTIVATION_VALUES);
      total *= dims[i];
    }
    if (total > TfjsModel.MAX_ACTIVATION_VALUES) {
      throw shape.error(
          "the input has " + total + " values, more than " + TfjsModel.MAX_ACTIVATION_VALUES);
    }
    return Shape.fromTfjsOrder(dims);
  }
}
