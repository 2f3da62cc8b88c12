package org.cnnexplainer.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The trace JSON format: every layer's output for one input, as the {@code trace} command and the
 * application's export write it. Shapes and values are in TF.js order, so the file reads like
 * TF.js's own activations: images as {@code [height, width, channels]} with values row-major,
 * channel fastest; vectors unchanged.
 *
 * <pre>{@code
 * { "format": 1, "model": "tiny-vgg", "image": "cat.png",
 *   "layout": "TF.js order: images [height, width, channels], row-major",
 *   "input": { "shape": [64, 64, 3], "data": [ ... ] },
 *   "layers": [ { "index": 0, "name": "conv_1_1", "kind": "Conv2D",
 *                 "shape": [62, 62, 10], "data": [ ... ] }, ... ],
 *   "labels": [ ... ], "probabilities": [ ... ], "logits": [ ... ],
 *   "predicted": { "index": 3, "label": "cat", "probability": 0.93 } }
 * }</pre>
 *
 * Every float is written as the shortest decimal that reads back to the same float, so a trace read
 * back holds the same values; NaN and infinities are written as {@code null} and read back as NaN.
 * {@code logits} is present when the network ends in a softmax. {@code labels}, {@code
 * probabilities} and {@code predicted} are for readers of the file; {@link #read} takes them from
 * the network and the last layer.
 */
public final class TraceJson {
  /** The format version written in {@code "format"}; files without it are version 1 as well. */
  public static final int FORMAT = 1;

  private static final String LAYOUT = "TF.js order: images [height, width, channels], row-major";

  private TraceJson() {}

  /**
   * Writes {@code trace} as JSON to {@code out} and flushes it (does not close it).
   *
   * @param trace the trace to write
   * @param inputName the input's name, such as the image's file name
   * @param out where to write; UTF-8 if it is a file
   * @throws IOException if writing fails
   */
  public static void write(ActivationTrace trace, String inputName, Writer out) throws IOException {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(inputName, "inputName");
    Network network = trace.network();
    JsonWriter writer = new JsonWriter(out);
    writer.beginObject();
    writer.name("format").value(FORMAT);
    writer.name("model").value(network.name());
    writer.name("image").value(inputName);
    writer.name("layout").value(LAYOUT);
    writer.name("input").beginObject();
    tensorFields(writer, trace.input());
    writer.endObject();
    writer.name("layers").beginArray();
    for (int i = 0; i < trace.size(); i++) {
      writer.beginObject();
      writer.name("index").value(i);
      writer.name("name").value(network.layer(i).name());
      writer.name("kind").value(network.layer(i).kind());
      tensorFields(writer, trace.output(i));
      writer.endObject();
    }
    writer.endArray();
    writer.name("labels").beginArray();
    for (String label : network.classLabels()) {
      writer.value(label);
    }
    writer.endArray();
    writer.name("probabilities");
    floats(writer, trace.probabilities().toArray());
    if (trace.logits().isPresent()) {
      writer.name("logits");
      floats(writer, trace.logits().get().toArray());
    }
    ClassScore predicted = trace.predicted();
    writer.name("predicted").beginObject();
    writer.name("index").value(predicted.index());
    writer.name("label").value(predicted.label());
    writer.name("probability").value(predicted.probability());
    writer.endObject();
    writer.endObject();
    writer.flush();
  }

  /**
   * Reads a trace written by {@link #write} (or the {@code trace} command) for {@code network}.
   *
   * @param in the JSON text
   * @param network the network the trace was computed on: its layers (names, kinds, output shapes)
   *     and input shape must match the file's
   * @return the input's name and the trace
   * @throws IOException if reading fails, the text is not a trace of this format, or it does not
   *     fit {@code network} (the message says where)
   */
  public static SavedTrace read(Reader in, Network network) throws IOException {
    Objects.requireNonNull(network, "network");
    JsonObject root;
    try {
      JsonReader reader = new JsonReader(in);
      JsonElement parsed = JsonParser.parseReader(reader);
      if (!parsed.isJsonObject()) {
        throw new IOException("trace JSON: expected an object, found " + kindOf(parsed));
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IOException("trace JSON: not valid JSON (" + e.getMessage() + ")", e);
    }
    try {
      return parse(root, network);
    } catch (IllegalStateException | ClassCastException | NumberFormatException e) {
      throw new IOException("trace JSON: a value has the wrong type (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("trace JSON: " + e.getMessage(), e); // e.g. a shape too large
    }
  }

  private static SavedTrace parse(JsonObject root, Network network) throws IOException {
    int format = root.has("format") ? root.get("format").getAsInt() : FORMAT;
    if (format != FORMAT) {
      throw new IOException(
          "trace JSON: format " + format + " is not supported (this version reads " + FORMAT + ")");
    }
    String inputName = member(root, "image").getAsString();
    Tensor input = tensor(member(root, "input").getAsJsonObject(), "input");
    if (!input.shape().equals(network.inputShape())) {
      throw new IOException(
          "trace JSON: the input has shape "
              + input.shape()
              + ", network '"
              + network.name()
              + "' takes "
              + network.inputShape());
    }
    JsonArray layers = member(root, "layers").getAsJsonArray();
    if (layers.size() != network.layers().size()) {
      throw new IOException(
          "trace JSON: "
              + layers.size()
              + " layers in the file, "
              + network.layers().size()
              + " in network '"
              + network.name()
              + "'");
    }
    Tensor[] outputs = new Tensor[layers.size()];
    for (int i = 0; i < outputs.length; i++) {
      JsonObject layer = layers.get(i).getAsJsonObject();
      String name = member(layer, "name").getAsString();
      String where = "layer " + i + " (" + name + ")";
      if (!name.equals(network.layer(i).name())) {
        throw new IOException(
            "trace JSON: layer "
                + i
                + " is '"
                + name
                + "' in the file but '"
                + network.layer(i).name()
                + "' in network '"
                + network.name()
                + "'");
      }
      outputs[i] = tensor(layer, where);
      if (!outputs[i].shape().equals(network.outputShape(i))) {
        throw new IOException(
            "trace JSON: "
                + where
                + " has shape "
                + outputs[i].shape()
                + " in the file but "
                + network.outputShape(i)
                + " in the network");
      }
    }
    Tensor logits = null;
    if (root.has("logits")) {
      float[] values = floats(member(root, "logits").getAsJsonArray(), "logits");
      Shape expected = network.outputShape();
      if (values.length != expected.size()) {
        throw new IOException(
            "trace JSON: " + values.length + " logits for " + expected.size() + " outputs");
      }
      logits = Tensor.of(expected, values);
    }
    return new SavedTrace(inputName, new ActivationTrace(network, input, outputs, logits));
  }

  private static JsonElement member(JsonObject object, String name) throws IOException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      throw new IOException("trace JSON: \"" + name + "\" is missing");
    }
    return value;
  }

  private static Tensor tensor(JsonObject object, String where) throws IOException {
    JsonArray shapeArray = member(object, "shape").getAsJsonArray();
    int[] dims = new int[shapeArray.size()];
    long size = 1;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shapeArray.get(i).getAsInt();
      if (dims[i] <= 0) {
        throw new IOException("trace JSON: " + where + " has a shape with size " + dims[i]);
      }
      size *= dims[i];
    }
    float[] data = floats(member(object, "data").getAsJsonArray(), where);
    if (data.length != size) {
      throw new IOException(
          "trace JSON: "
              + where
              + " has "
              + data.length
              + " values for shape "
              + Arrays.toString(dims)
              + " ("
              + size
              + " expected)");
    }
    Shape shape = Shape.fromTfjsOrder(dims);
    return shape.isImage()
        ? Tensor.fromHwc(shape.height(), shape.width(), shape.channels(), data)
        : Tensor.of(shape, data);
  }

  private static float[] floats(JsonArray array, String where) throws IOException {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      JsonElement v = array.get(i);
      if (v.isJsonNull()) {
        values[i] = Float.NaN;
      } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
        values[i] = v.getAsFloat();
      } else {
        throw new IOException(
            "trace JSON: " + where + ": value " + i + " is " + kindOf(v) + ", not a number");
      }
    }
    return values;
  }

  private static String kindOf(JsonElement e) {
    if (e.isJsonArray()) {
      return "an array";
    }
    if (e.isJsonObject()) {
      return "an object";
    }
    if (e.isJsonNull()) {
      return "null";
    }
    return e.getAsJsonPrimitive().isString() ? "a string" : "'" + e + "'";
  }

  private static void floats(JsonWriter writer, float[] values) throws IOException {
    writer.beginArray();
    for (float v : values) {
      if (Float.isFinite(v)) {
        writer.jsonValue(Float.toString(v));
      } else {
        writer.nullValue();
      }
    }
    writer.endArray();
  }

  private static void tensorFields(JsonWriter writer, Tensor tensor) throws IOException {
    writer.name("shape").beginArray();
    for (int d : tensor.shape().toTfjsOrder()) {
      writer.value(d);
    }
    writer.endArray();
    writer.name("data");
    floats(writer, tensor.toHwcArray());
  }
}
