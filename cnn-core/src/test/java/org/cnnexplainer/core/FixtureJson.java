package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming readers for the shared fixtures' large JSON files (up to 40 MB), so tests parse them
 * once and fast. Floats are parsed with {@link Float#parseFloat} from the literal text, giving
 * TF.js's exact float32 bits.
 */
public final class FixtureJson {
  private FixtureJson() {}

  /** One layer's recorded output: its name, TF.js shape (HWC for images) and values. */
  public record LayerOutput(String name, String className, int[] shape, float[] data) {}

  /** One recorded forward pass of tfjs fixture: the input index, argmax and every layer. */
  public record Case(int input, int argmax, List<LayerOutput> layers) {}

  /** One image of the original model's fixture. */
  public record ImageCase(String file, int predicted, int[] rgb, List<LayerOutput> layers) {}

  /** The original model's fixture. */
  public record Original(List<String> classes, List<ImageCase> images) {}

  /** An input of {@code inputs.json}: TF.js shape and HWC data. */
  public record Input(int[] shape, float[] data) {}

  public static JsonReader open(Path file) throws IOException {
    return new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
  }

  /** The {@code cases} of a tfjs fixture's {@code expected.json}. */
  public static List<Case> cases(Path expected) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (JsonReader r = open(expected)) {
      r.beginObject();
      while (r.hasNext()) {
        if (!r.nextName().equals("cases")) {
          r.skipValue();
          continue;
        }
        r.beginArray();
        while (r.hasNext()) {
          int input = -1;
          int argmax = -1;
          List<LayerOutput> layers = null;
          r.beginObject();
          while (r.hasNext()) {
            switch (r.nextName()) {
              case "input" -> input = r.nextInt();
              case "argmax" -> argmax = r.nextInt();
              case "layers" -> layers = layers(r);
              default -> r.skipValue();
            }
          }
          r.endObject();
          cases.add(new Case(input, argmax, layers));
        }
        r.endArray();
      }
    }
    return cases;
  }

  /** The inputs of a tfjs fixture's {@code inputs.json}. */
  public static List<Input> inputs(Path file) throws IOException {
    List<Input> inputs = new ArrayList<>();
    try (JsonReader r = open(file)) {
      r.beginObject();
      while (r.hasNext()) {
        if (!r.nextName().equals("inputs")) {
          r.skipValue();
          continue;
        }
        r.beginArray();
        while (r.hasNext()) {
          int[] shape = null;
          float[] data = null;
          r.beginObject();
          while (r.hasNext()) {
            switch (r.nextName()) {
              case "shape" -> shape = ints(r);
              case "data" -> data = floats(r);
              default -> r.skipValue();
            }
          }
          r.endObject();
          inputs.add(new Input(shape, data));
        }
        r.endArray();
      }
    }
    return inputs;
  }

  /** The original CNN Explainer fixture's {@code expected.json}. */
  public static Original original(Path expected) throws IOException {
    List<String> classes = new ArrayList<>();
    List<ImageCase> images = new ArrayList<>();
    try (JsonReader r = open(expected)) {
      r.beginObject();
      while (r.hasNext()) {
        switch (r.nextName()) {
          case "classes" -> {
            r.beginArray();
            while (r.hasNext()) {
              classes.add(r.nextString());
            }
            r.endArray();
          }
          case "images" -> {
            r.beginArray();
            while (r.hasNext()) {
              images.add(image(r));
            }
            r.endArray();
          }
          default -> r.skipValue();
        }
      }
    }
    return new Original(classes, images);
  }

  private static ImageCase image(JsonReader r) throws IOException {
    String file = null;
    int predicted = -1;
    int[] rgb = null;
    List<LayerOutput> layers = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "file" -> file = r.nextString();
        case "predicted" -> {
          r.beginObject();
          while (r.hasNext()) {
            if (r.nextName().equals("index")) {
              predicted = r.nextInt();
            } else {
              r.skipValue();
            }
          }
          r.endObject();
        }
        case "rgb" -> rgb = ints(r);
        case "layers" -> layers = layers(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    return new ImageCase(file, predicted, rgb, layers);
  }

  private static List<LayerOutput> layers(JsonReader r) throws IOException {
    List<LayerOutput> layers = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      String name = null;
      String className = null;
      int[] shape = null;
      float[] data = null;
      r.beginObject();
      while (r.hasNext()) {
        switch (r.nextName()) {
          case "name" -> name = r.nextString();
          case "className" -> className = r.nextString();
          case "shape" -> shape = ints(r);
          case "data" -> data = floats(r);
          default -> r.skipValue();
        }
      }
      r.endObject();
      layers.add(new LayerOutput(name, className, shape, data));
    }
    r.endArray();
    return layers;
  }

  private static int[] ints(JsonReader r) throws IOException {
    int[] buffer = new int[64];
    int n = 0;
    r.beginArray();
    while (r.hasNext()) {
      if (n == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, n * 2);
      }
      buffer[n++] = r.nextInt();
    }
    r.endArray();
    return java.util.Arrays.copyOf(buffer, n);
  }

  private static float[] floats(JsonReader r) throws IOException {
    float[] buffer = new float[256];
    int n = 0;
    r.beginArray();
    while (r.hasNext()) {
      if (n == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, n * 2);
      }
      if (r.peek() != JsonToken.NUMBER) {
        fail("expected a number at " + r.getPath() + ", found " + r.peek());
      }
      buffer[n++] = Float.parseFloat(r.nextString());
    }
    r.endArray();
    return java.util.Arrays.copyOf(buffer, n);
  }

  /**
   * Asserts {@code |actual - expected| <= 1e-4 * max(1, |expected|)} element-wise, reporting the
   * layer, the largest difference and the first mismatch.
   */
  public static void assertClose(String what, float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      fail(what + ": expected " + expected.length + " values, got " + actual.length);
    }
    double maxDiff = 0;
    int firstBad = -1;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs((double) actual[i] - expected[i]);
      maxDiff = Math.max(maxDiff, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
      if (firstBad < 0 && !(d <= 1e-4 * Math.max(1, Math.abs(expected[i])))) {
        firstBad = i;
      }
    }
    if (firstBad >= 0) {
      fail(
          what
              + ": max difference "
              + maxDiff
              + ", first mismatch at index "
              + firstBad
              + ": expected "
              + expected[firstBad]
              + ", got "
              + actual[firstBad]);
    }
  }
}
