package org.cnnexplainer.core.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Structural mutations of a parsed {@code model.json}: deletes, type changes, number and string
 * tweaks, array and object reshuffles, grafts of other parts of the same document, and values from
 * the vocabulary a model file uses (class names, activations, paddings, dtypes, paths).
 */
final class JsonMutator {
  /** A place in the tree: member {@code key} of an object, or element {@code index} of an array. */
  private record Slot(JsonElement parent, String key, int index, String path) {
    JsonElement get() {
      return key != null ? parent.getAsJsonObject().get(key) : parent.getAsJsonArray().get(index);
    }

    void set(JsonElement value) {
      if (key != null) {
        parent.getAsJsonObject().add(key, value);
      } else {
        parent.getAsJsonArray().set(index, value);
      }
    }

    void remove() {
      if (key != null) {
        parent.getAsJsonObject().remove(key);
      } else {
        parent.getAsJsonArray().remove(index);
      }
    }
  }

  private static final String[] ODD_VALUES = {
    "null",
    "true",
    "false",
    "\"\"",
    "\"x\"",
    "0",
    "-1",
    "1",
    "3",
    "1.5",
    "65536",
    "2147483648",
    "-2147483649",
    "1e30",
    "1e-30",
    "-0.0",
    "[]",
    "{}",
    "[1]",
    "[null]",
    "[[]]",
    "{\"a\":1}",
    "[null, 100000, 100000, 3]",
    "[65536, 65536, 65536, 3]"
  };

  private static final Map<String, String[]> VOCABULARY =
      Map.of(
          "class_name",
          new String[] {
            "Conv2D",
            "Dense",
            "Flatten",
            "Dropout",
            "Activation",
            "MaxPooling2D",
            "AveragePooling2D",
            "BatchNormalization",
            "InputLayer",
            "Conv1D",
            "Sequential",
            "Model",
            "Functional",
            "Add"
          },
          "activation",
          new String[] {"linear", "relu", "softmax", "sigmoid", "tanh", "elu", "gelu", "RELU"},
          "padding",
          new String[] {"valid", "same", "causal", "SAME"},
          "dtype",
          new String[] {"float32", "int32", "uint8", "uint16", "float16", "string", "bool"},
          "data_format",
          new String[] {"channels_last", "channels_first"},
          "paths",
          new String[] {
            "../model.weights.bin",
            "/etc/passwd",
            ".",
            "./",
            "sub/../x.bin",
            "model.json",
            "labels.json",
            "missing.bin",
            "file:model.json",
            "a\\b.bin",
            "%2e%2e/x"
          });

  private final Random rng;

  JsonMutator(Random rng) {
    this.rng = rng;
  }

  /** Applies one random mutation to {@code root} in place; returns what was done. */
  String mutate(JsonElement root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, "$", slots);
    if (slots.isEmpty()) {
      return "nothing to mutate";
    }
    Slot slot = slots.get(rng.nextInt(slots.size()));
    JsonElement value = slot.get();
    int op = rng.nextInt(100);
    if (op < 12) {
      slot.remove();
      return "delete " + slot.path();
    } else if (op < 26) {
      String odd = ODD_VALUES[rng.nextInt(ODD_VALUES.length)];
      slot.set(JsonParser.parseString(odd));
      return "set " + slot.path() + " = " + odd;
    } else if (op < 44 && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
      JsonPrimitive tweaked = tweakNumber(value.getAsDouble());
      slot.set(tweaked);
      return "number " + slot.path() + " = " + tweaked;
    } else if (op < 56 && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      String tweaked = tweakString(value.getAsString(), root);
      slot.set(new JsonPrimitive(tweaked));
      return "string " + slot.path() + " = " + Json.describe(new JsonPrimitive(tweaked));
    } else if (op < 66 && value.isJsonArray()) {
      return reshuffle(value.getAsJsonArray(), slot.path());
    } else if (op < 74 && value.isJsonObject()) {
      return reshape(value.getAsJsonObject(), root, slot.path());
    } else if (op < 80) {
      JsonElement wrapped = rng.nextBoolean() ? array(value) : object("value", value);
      slot.set(wrapped);
      return "wrap " + slot.path();
    } else if (op < 88) {
      Slot donor = slots.get(rng.nextInt(slots.size()));
      slot.set(donor.get().deepCopy());
      return "graft " + donor.path() + " onto " + slot.path();
    } else if (op == 99) {
      slot.set(nested(300));
      return "nest 300 deep at " + slot.path();
    }
    // Values a model file uses for this key (or, failing that, for some key of the document).
    String key = VOCABULARY.containsKey(leafKey(slot)) ? leafKey(slot) : randomVocabularyKey();
    String[] words = VOCABULARY.get(key);
    slot.set(new JsonPrimitive(words[rng.nextInt(words.length)]));
    return "word " + slot.path() + " = " + slot.get();
  }

  private String randomVocabularyKey() {
    List<String> keys = new ArrayList<>(VOCABULARY.keySet());
    Collections.sort(keys); // Map.of iterates in no fixed order; the seed must decide
    return keys.get(rng.nextInt(keys.size()));
  }

  private static String leafKey(Slot slot) {
    if (slot.key() != null) {
      return slot.key();
    }
    int dot = slot.path().lastIndexOf('.');
    int bracket = slot.path().lastIndexOf('[');
    return dot >= 0 && bracket > dot ? slot.path().substring(dot + 1, bracket) : "";
  }

  private static void collect(JsonElement e, String path, List<Slot> out) {
    if (e.isJsonObject()) {
      for (String key : new ArrayList<>(e.getAsJsonObject().keySet())) {
        String child = path + "." + key;
        out.add(new Slot(e, key, -1, child));
        collect(e.getAsJsonObject().get(key), child, out);
      }
    } else if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      for (int i = 0; i < a.size(); i++) {
        String child = path + "[" + i + "]";
        out.add(new Slot(e, null, i, child));
        collect(a.get(i), child, out);
      }
    }
  }

  private JsonPrimitive tweakNumber(double v) {
    double[] choices = {
      v + 1, v - 1, v * 2, v * 1000, -v, v + 0.5, 0, Integer.MAX_VALUE, v * 1e20, Math.floor(v / 2)
    };
    double t = choices[rng.nextInt(choices.length)];
    if (!Double.isFinite(t)) {
      t = Double.MAX_VALUE; // JSON has no infinity; the text mutations write NaN and 1e999
    }
    return t == Math.rint(t) && Math.abs(t) < 1e15
        ? new JsonPrimitive((long) t)
        : new JsonPrimitive(t);
  }

  private String tweakString(String s, JsonElement root) {
    return switch (rng.nextInt(10)) {
      case 0 -> "";
      case 1 -> " ";
      case 2 -> s + "\n" + s;
      case 3 -> s + "_x";
      case 4 -> s.substring(0, s.length() / 2);
      case 5 -> "x".repeat(10_000);
      case 6 -> "../" + s;
      case 7 -> s + "\u00e9\u2603\0";
      default -> anotherString(root, s);
    };
  }

  /** Another string of the same document: a layer name where a weight name was, and so on. */
  private String anotherString(JsonElement root, String fallback) {
    List<String> strings = new ArrayList<>();
    List<Slot> slots = new ArrayList<>();
    collect(root, "$", slots);
    for (Slot s : slots) {
      JsonElement v = s.get();
      if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
        strings.add(v.getAsString());
      }
    }
    return strings.isEmpty() ? fallback : strings.get(rng.nextInt(strings.size()));
  }

  private String reshuffle(JsonArray a, String path) {
    List<JsonElement> items = new ArrayList<>(a.asList());
    String what;
    switch (rng.nextInt(5)) {
      case 0 -> {
        Collections.shuffle(items, rng);
        what = "shuffle ";
      }
      case 1 -> {
        if (!items.isEmpty()) {
          items.add(rng.nextInt(items.size() + 1), items.get(rng.nextInt(items.size())).deepCopy());
        }
        what = "duplicate an element of ";
      }
      case 2 -> {
        Collections.reverse(items);
        what = "reverse ";
      }
      case 3 -> {
        items.clear();
        what = "empty ";
      }
      default -> {
        if (items.size() > 1) {
          Collections.swap(items, rng.nextInt(items.size()), rng.nextInt(items.size()));
        }
        what = "swap two elements of ";
      }
    }
    a.asList().clear();
    a.asList().addAll(items);
    return what + path;
  }

  private String reshape(JsonObject o, JsonElement root, String path) {
    List<String> keys = new ArrayList<>(o.keySet());
    if (keys.isEmpty() || rng.nextInt(4) == 0) {
      o.add("extra_" + rng.nextInt(3), JsonParser.parseString(ODD_VALUES[rng.nextInt(10)]));
      return "add a key to " + path;
    }
    String key = keys.get(rng.nextInt(keys.size()));
    if (rng.nextBoolean()) {
      o.add(anotherKey(root, key), o.remove(key));
      return "rename key " + path + "." + key;
    }
    o.asMap().clear();
    return "empty object " + path;
  }

  private String anotherKey(JsonElement root, String fallback) {
    List<Slot> slots = new ArrayList<>();
    collect(root, "$", slots);
    List<String> keys = slots.stream().map(Slot::key).filter(k -> k != null).toList();
    return keys.isEmpty() ? fallback : keys.get(rng.nextInt(keys.size()));
  }

  private static JsonArray array(JsonElement e) {
    JsonArray a = new JsonArray();
    a.add(e);
    return a;
  }

  private static JsonObject object(String key, JsonElement e) {
    JsonObject o = new JsonObject();
    o.add(key, e);
    return o;
  }

  private static JsonElement nested(int depth) {
    JsonElement e = JsonNull.INSTANCE;
    for (int i = 0; i < depth; i++) {
      e = array(e);
    }
    return e;
  }
}
