package org.cnnexplainer.core.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A JSON value together with where it came from ({@code file}, and a path such as {@code layer
 * 'conv_1_1' config.filters}), so that every type error names its location, the expected type and
 * the value found.
 */
final class Json {
  private final String file;
  private final String path;
  private final JsonElement value;

  Json(String file, String path, JsonElement value) {
    this.file = file;
    this.path = path;
    this.value = value;
  }

  /** The same value, named {@code newPath} in messages. */
  Json named(String newPath) {
    return new Json(file, newPath, value);
  }

  String file() {
    return file;
  }

  String path() {
    return path;
  }

  boolean isNull() {
    return value == null || value.isJsonNull();
  }

  boolean isArray() {
    return value != null && value.isJsonArray();
  }

  boolean isObject() {
    return value != null && value.isJsonObject();
  }

  /** An error located at this value. */
  InvalidModelException error(String what) {
    return new InvalidModelException(file + ": " + (path.isEmpty() ? "" : path + ": ") + what);
  }

  private InvalidModelException expected(String what) {
    return error("expected " + what + ", found " + describe(value));
  }

  /** This value as short JSON text, for messages. */
  String text() {
    return describe(value);
  }

  static String describe(JsonElement e) {
    if (e == null) {
      return "nothing (key missing)";
    }
    String text = e.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private JsonObject object() throws InvalidModelException {
    if (!isObject()) {
      throw expected("an object");
    }
    return value.getAsJsonObject();
  }

  boolean has(String key) throws InvalidModelException {
    JsonElement e = object().get(key);
    return e != null && !e.isJsonNull();
  }

  /** The member {@code key}, which must be present and not null. */
  Json get(String key) throws InvalidModelException {
    Json child = optional(key);
    if (child.isNull()) {
      throw error("missing key '" + key + "'");
    }
    return child;
  }

  /** The member {@code key}, possibly absent or null (check with {@link #isNull()}). */
  Json optional(String key) throws InvalidModelException {
    return new Json(file, path.isEmpty() ? key : path + "." + key, object().get(key));
  }

  int size() throws InvalidModelException {
    return array().size();
  }

  Json at(int index) throws InvalidModelException {
    JsonArray array = array();
    if (index >= array.size()) {
      throw expected("an array of at least " + (index + 1) + " element" + (index > 0 ? "s" : ""));
    }
    return new Json(file, path + "[" + index + "]", array.get(index));
  }

  private JsonArray array() throws InvalidModelException {
    if (!isArray()) {
      throw expected("an array");
    }
    return value.getAsJsonArray();
  }

  String string() throws InvalidModelException {
    if (value instanceof JsonPrimitive p && p.isString()) {
      return p.getAsString();
    }
    throw expected("a string");
  }

  boolean bool() throws InvalidModelException {
    if (value instanceof JsonPrimitive p && p.isBoolean()) {
      return p.getAsBoolean();
    }
    throw expected("true or false");
  }

  double number() throws InvalidModelException {
    if (value instanceof JsonPrimitive p && p.isNumber()) {
      double d = p.getAsDouble();
      if (Double.isFinite(d)) {
        return d;
      }
    }
    throw expected("a finite number");
  }

  /** An integer in {@code [min, max]}. */
  int integer(int min, int max) throws InvalidModelException {
    if (value instanceof JsonPrimitive p && p.isNumber()) {
      double d = p.getAsDouble();
      if (d == Math.rint(d) && d >= min && d <= max) {
        return (int) d;
      }
    }
    throw expected("an integer in [" + min + ", " + max + "]");
  }

  /** An array of exactly {@code length} integers in {@code [min, max]}. */
  int[] integers(int length, int min, int max) throws InvalidModelException {
    if (size() != length) {
      throw expected("an array of " + length + " integers");
    }
    int[] result = new int[length];
    for (int i = 0; i < length; i++) {
      result[i] = at(i).integer(min, max);
    }
    return result;
  }

  /** A Keras size: a single integer {@code n} means {@code [n, n]}; otherwise two integers. */
  int[] pair(int min, int max) throws InvalidModelException {
    if (value instanceof JsonPrimitive) {
      int n = integer(min, max);
      return new int[] {n, n};
    }
    return integers(2, min, max);
  }
}
