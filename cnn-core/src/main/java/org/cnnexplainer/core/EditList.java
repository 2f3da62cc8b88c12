package org.cnnexplainer.core;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable sequence of {@link NetworkEdit}s, applied in order, that can be written as JSON and
 * read back to apply the same edits again (to the same model, or one with the same layer names and
 * shapes).
 *
 * <p>The JSON form is {@code {"format": "cnn-explainer-edits", "version": 1, "edits": [...]}} with
 * one object per edit, in this library's weight layout (see {@link NetworkEdit}):
 *
 * <pre>
 * {"edit": "setWeight", "layer": "conv_1_1", "parameter": "kernel", "index": [3, 0, 1, 2], "value": 0.5}
 * {"edit": "setKernel", "layer": "conv_1_1", "channel": 3, "shape": [3, 3, 3], "values": [...]}
 * {"edit": "scaleChannel", "layer": "conv_1_2", "channel": 7, "factor": 0}
 * </pre>
 *
 * <p>Numbers are written as the shortest decimal that reads back to the same {@code float}, so a
 * saved list reapplies exactly.
 */
public final class EditList {
  /** The value of the JSON form's {@code format} field. */
  public static final String FORMAT = "cnn-explainer-edits";

  private static final int VERSION = 1;
  private static final EditList EMPTY = new EditList(List.of());

  private final List<NetworkEdit> edits;

  private EditList(List<NetworkEdit> edits) {
    this.edits = edits;
  }

  /** {@return no edits: {@link #applyTo} returns the network unchanged} */
  public static EditList empty() {
    return EMPTY;
  }

  /**
   * {@return these edits, in this order}
   *
   * @param edits the edits, applied in this order
   */
  public static EditList of(NetworkEdit... edits) {
    return of(List.of(edits));
  }

  /**
   * {@return these edits, in this order}
   *
   * @param edits the edits, applied in this order
   */
  public static EditList of(List<? extends NetworkEdit> edits) {
    return edits.isEmpty() ? EMPTY : new EditList(List.copyOf(edits));
  }

  /** {@return the edits in the order they apply} */
  public List<NetworkEdit> edits() {
    return edits;
  }

  /**
   * The number of edits.
   *
   * @return the number of edits
   */
  public int size() {
    return edits.size();
  }

  /**
   * Whether the list holds no edit.
   *
   * @return true when there are no edits
   */
  public boolean isEmpty() {
    return edits.isEmpty();
  }

  /**
   * {@return this list followed by {@code edit}}
   *
   * @param edit the edit to append
   */
  public EditList plus(NetworkEdit edit) {
    List<NetworkEdit> more = new ArrayList<>(edits);
    more.add(Objects.requireNonNull(edit, "edit"));
    return new EditList(List.copyOf(more));
  }

  /**
   * {@return the first {@code count} edits (for undo)}
   *
   * @param count how many edits to keep, from 0 to {@link #size()}
   */
  public EditList first(int count) {
    Objects.checkFromToIndex(0, count, edits.size());
    return count == edits.size() ? this : of(edits.subList(0, count));
  }

  /**
   * {@return {@code network} with every edit applied in order, each on the result of the ones
   * before} Every changed kernel and bias is a new tensor, copied once; untouched layers and
   * tensors are shared, and {@code network} is left unchanged.
   *
   * @param network the network to edit (it is not changed)
   * @throws IllegalArgumentException if an edit does not fit the network; the message names the
   *     edit (numbered from 1) and what was expected
   */
  public Network applyTo(Network network) {
    Objects.requireNonNull(network, "network");
    WeightEditor editor = new WeightEditor(network);
    for (int i = 0; i < edits.size(); i++) {
      editor.apply(edits.get(i), i + 1);
    }
    return editor.result();
  }

  /** {@return the JSON form (see the class documentation), pretty-printed} */
  public String toJson() {
    JsonArray array = new JsonArray();
    for (NetworkEdit edit : edits) {
      array.add(toJson(edit));
    }
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    root.add("edits", array);
    return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
  }

  private static JsonObject toJson(NetworkEdit edit) {
    JsonObject o = new JsonObject();
    if (edit instanceof NetworkEdit.SetWeight set) {
      o.addProperty("edit", "setWeight");
      o.addProperty("layer", set.layer());
      o.addProperty("parameter", set.parameter());
      JsonArray index = new JsonArray();
      set.index().forEach(index::add);
      o.add("index", index);
      o.add("value", number(set.value()));
    } else if (edit instanceof NetworkEdit.SetKernel set) {
      o.addProperty("edit", "setKernel");
      o.addProperty("layer", set.layer());
      o.addProperty("channel", set.channel());
      JsonArray shape = new JsonArray();
      for (int d : set.values().shape().toArray()) {
        shape.add(d);
      }
      o.add("shape", shape);
      JsonArray values = new JsonArray();
      for (int i = 0; i < set.values().size(); i++) {
        values.add(number(set.values().at(i)));
      }
      o.add("values", values);
    } else {
      NetworkEdit.ScaleChannel scale = (NetworkEdit.ScaleChannel) edit;
      o.addProperty("edit", "scaleChannel");
      o.addProperty("layer", scale.layer());
      o.addProperty("channel", scale.channel());
      o.add("factor", number(scale.factor()));
    }
    return o;
  }

  /**
   * {@code value} as its shortest exact decimal ({@code Float.toString}), not widened to double.
   */
  private static JsonPrimitive number(float value) {
    return new JsonPrimitive(new BigDecimal(Float.toString(value)));
  }

  /**
   * Reads the JSON form written by {@link #toJson}.
   *
   * @param json the JSON text
   * @return the edits in the file's order
   * @throws IllegalArgumentException if {@code json} is not an edit list, naming the edit and field
   *     that is wrong
   */
  public static EditList fromJson(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(Objects.requireNonNull(json, "json"));
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("an edit list must be JSON: " + e.getMessage(), e);
    }
    if (!root.isJsonObject()
        || !root.getAsJsonObject().has("format")
        || !FORMAT.equals(text(root.getAsJsonObject().get("format")))) {
      throw new IllegalArgumentException(
          "not an edit list: expected a JSON object with \"format\": \"" + FORMAT + "\"");
    }
    JsonObject object = root.getAsJsonObject();
    JsonElement version = object.get("version");
    if (version == null || !"1".equals(text(version))) {
      throw new IllegalArgumentException(
          "unsupported edit list version " + version + "; this library reads version " + VERSION);
    }
    JsonElement array = object.get("edits");
    if (array == null || !array.isJsonArray()) {
      throw new IllegalArgumentException("an edit list needs an \"edits\" array");
    }
    List<NetworkEdit> edits = new ArrayList<>();
    for (JsonElement element : array.getAsJsonArray()) {
      int number = edits.size() + 1;
      try {
        edits.add(fromJson(element));
      } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
        throw new IllegalArgumentException("edit " + number + ": " + e.getMessage(), e);
      }
    }
    return of(edits);
  }

  private static NetworkEdit fromJson(JsonElement element) {
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("expected a JSON object, found " + element);
    }
    JsonObject o = element.getAsJsonObject();
    String kind = text(field(o, "edit"));
    String layer = text(field(o, "layer"));
    return switch (kind) {
      case "setWeight" ->
          NetworkEdit.setWeight(
              layer, text(field(o, "parameter")), ints(field(o, "index")), number(o, "value"));
      case "setKernel" -> {
        int[] shape = ints(field(o, "shape"));
        JsonElement values = field(o, "values");
        if (!values.isJsonArray()) {
          throw new IllegalArgumentException("\"values\" must be an array of numbers");
        }
        float[] data = new float[values.getAsJsonArray().size()];
        for (int i = 0; i < data.length; i++) {
          data[i] = parseFloat(values.getAsJsonArray().get(i), "values[" + i + "]");
        }
        yield NetworkEdit.setKernel(layer, integer(o, "channel"), Tensor.of(Shape.of(shape), data));
      }
      case "scaleChannel" ->
          NetworkEdit.scaleChannel(layer, integer(o, "channel"), number(o, "factor"));
      default ->
          throw new IllegalArgumentException(
              "unknown edit '" + kind + "'; expected setWeight, setKernel or scaleChannel");
    };
  }

  private static JsonElement field(JsonObject o, String name) {
    JsonElement value = o.get(name);
    if (value == null || value.isJsonNull()) {
      throw new IllegalArgumentException("missing field \"" + name + "\"");
    }
    return value;
  }

  private static String text(JsonElement value) {
    if (!value.isJsonPrimitive()) {
      throw new IllegalArgumentException("expected a string or number, found " + value);
    }
    return value.getAsString();
  }

  private static float number(JsonObject o, String name) {
    return parseFloat(field(o, name), "\"" + name + "\"");
  }

  private static float parseFloat(JsonElement value, String what) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException(what + " must be a number, found " + value);
    }
    return Float.parseFloat(value.getAsString());
  }

  private static int integer(JsonObject o, String name) {
    JsonElement value = field(o, name);
    try {
      return new BigDecimal(text(value)).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "\"" + name + "\" must be a whole number, found " + value, e);
    }
  }

  private static int[] ints(JsonElement value) {
    if (!value.isJsonArray()) {
      throw new IllegalArgumentException("expected an array of whole numbers, found " + value);
    }
    JsonArray array = value.getAsJsonArray();
    int[] result = new int[array.size()];
    for (int i = 0; i < result.length; i++) {
      try {
        result[i] = new BigDecimal(text(array.get(i))).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("expected an array of whole numbers, found " + value, e);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EditList other && edits.equals(other.edits);
  }

  @Override
  public int hashCode() {
    return edits.hashCode();
  }

  @Override
  public String toString() {
    return "EditList" + edits;
  }
}
