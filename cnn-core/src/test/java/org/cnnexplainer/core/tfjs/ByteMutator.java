package org.cnnexplainer.core.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level mutants: {@code model.json} as text (truncation, stray characters, numbers JSON does
 * not allow, invalid UTF-8), the weight files (truncate, extend, flip bytes, special floats,
 * reorder or drop shards) and {@code labels.json}.
 */
final class ByteMutator {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final String[] BAD_NUMBERS = {
    "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x10", "01", "1.", "-", ".5", "1e"
  };
  private static final float[] SPECIAL_FLOATS = {
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.MIN_VALUE,
    -0f,
    1e30f
  };

  private final Random rng;

  ByteMutator(Random rng) {
    this.rng = rng;
  }

  /** {@code model.json} damaged as text. */
  FuzzFixture.Mutant text(FuzzFixture fixture) {
    String s = new String(fixture.modelBytes, StandardCharsets.UTF_8);
    int at = rng.nextInt(s.length() + 1);
    String what;
    byte[] bytes = null;
    switch (rng.nextInt(9)) {
      case 0 -> {
        s = s.substring(0, at);
        what = "truncate model.json at " + at;
      }
      case 1 -> {
        int end = Math.min(s.length(), at + 1 + rng.nextInt(20));
        s = s.substring(0, at) + s.substring(end);
        what = "delete characters " + at + ".." + end;
      }
      case 2 -> {
        String c = String.valueOf("{}[]\",:\\\0a\u00e9 ".charAt(rng.nextInt(12)));
        s = s.substring(0, at) + c + s.substring(at);
        what = "insert " + Json.describe(new com.google.gson.JsonPrimitive(c)) + " at " + at;
      }
      case 3, 4 -> {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
          spans.add(new int[] {m.start(), m.end()});
        }
        int[] span = spans.get(rng.nextInt(spans.size()));
        String bad = BAD_NUMBERS[rng.nextInt(BAD_NUMBERS.length)];
        s = s.substring(0, span[0]) + bad + s.substring(span[1]);
        what = "number at " + span[0] + " = " + bad;
      }
      case 5 -> {
        s = "\uFEFF" + s;
        what = "byte order mark";
      }
      case 6 -> {
        s = s + (rng.nextBoolean() ? " x" : "}");
        what = "text after the JSON";
      }
      case 7 -> {
        int end = Math.min(s.length(), at + rng.nextInt(200));
        int to = rng.nextInt(s.length() + 1);
        s = s.substring(0, to) + s.substring(at, end) + s.substring(to);
        what = "copy characters " + at + ".." + end + " to " + to;
      }
      default -> {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int pos = rng.nextInt(utf8.length);
        bytes = Arrays.copyOf(utf8, utf8.length);
        bytes[pos] = (byte) (0x80 + rng.nextInt(0x80));
        what = "invalid UTF-8 byte at " + pos;
      }
    }
    return fixture.withModel(bytes != null ? bytes : s.getBytes(StandardCharsets.UTF_8), what);
  }

  /** The weight files (or their order in the manifest) damaged. */
  FuzzFixture.Mutant weights(FuzzFixture fixture) {
    FuzzFixture.Mutant m = fixture.original("");
    Map<String, byte[]> files = m.files();
    List<String> names = new ArrayList<>(files.keySet());
    String file = names.get(rng.nextInt(names.size()));
    byte[] b = files.get(file);
    String what;
    switch (rng.nextInt(9)) {
      case 0 -> {
        int length = rng.nextInt(b.length);
        files.put(file, Arrays.copyOf(b, length));
        what = "truncate " + file + " to " + length;
      }
      case 1 -> {
        int extra = 1 + rng.nextInt(64);
        byte[] longer = Arrays.copyOf(b, b.length + extra);
        files.put(file, longer);
        what = "extend " + file + " by " + extra;
      }
      case 2, 3 -> {
        byte[] flipped = b.clone();
        int n = 1 + rng.nextInt(16);
        for (int i = 0; i < n && flipped.length > 0; i++) {
          flipped[rng.nextInt(flipped.length)] = (byte) rng.nextInt(256);
        }
        files.put(file, flipped);
        what = "change " + n + " bytes of " + file;
      }
      case 4 -> {
        byte[] special = b.clone();
        float v = SPECIAL_FLOATS[rng.nextInt(SPECIAL_FLOATS.length)];
        int at = 4 * rng.nextInt(Math.max(1, special.length / 4));
        if (at + 4 <= special.length) {
          ByteBuffer.wrap(special).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, v);
        }
        files.put(file, special);
        what = "float " + v + " at byte " + at + " of " + file;
      }
      case 5 -> {
        files.put(file, new byte[0]);
        what = "empty " + file;
      }
      case 6 -> {
        files.remove(file);
        what = "delete " + file;
      }
      case 7 -> {
        String other = names.get(rng.nextInt(names.size()));
        files.put(file, files.get(other));
        files.put(other, b);
        what = "swap the contents of " + file + " and " + other;
      }
      default -> {
        JsonObject json = fixture.model.deepCopy();
        JsonArray paths =
            json.getAsJsonArray("weightsManifest").get(0).getAsJsonObject().getAsJsonArray("paths");
        List<JsonElement> list = new ArrayList<>(paths.asList());
        if (list.size() > 1 && rng.nextBoolean()) {
          Collections.shuffle(list, rng);
          what = "reorder the shards in paths";
        } else {
          list.add(rng.nextInt(list.size() + 1), list.get(rng.nextInt(list.size())));
          what = "list a shard twice in paths";
        }
        paths.asList().clear();
        paths.asList().addAll(list);
        return new FuzzFixture.Mutant(utf8(json.toString()), files, what);
      }
    }
    return new FuzzFixture.Mutant(fixture.modelBytes, files, what);
  }

  /** The original model with a {@code labels.json} beside it, right or wrong. */
  FuzzFixture.Mutant labels(FuzzFixture fixture) {
    String text =
        switch (rng.nextInt(8)) {
          case 0 -> "{}";
          case 1 -> "[1, 2]";
          case 2 -> "[";
          case 3 -> "null";
          case 4 -> "[[\"a\"]]";
          case 5 -> "[\"" + "x".repeat(2 << 20) + "\"]";
          default -> names(new int[] {0, 1, 2, 5, 10, 10, 10, 100}[rng.nextInt(8)]);
        };
    FuzzFixture.Mutant m = fixture.original("");
    m.files().put(Labels.FILE, utf8(text));
    String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return new FuzzFixture.Mutant(m.modelJson(), m.files(), "labels.json = " + shown);
  }

  private String names(int n) {
    List<String> quoted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      quoted.add("\"class " + rng.nextInt(1000) + "\"");
    }
    return "[" + String.join(", ", quoted) + "]";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
