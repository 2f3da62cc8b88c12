package org.cnnexplainer.demo.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/** Small helpers for the commands' JSON output. */
final class JsonOutput {
  private JsonOutput() {}

  /** Writes an array of floats, each as the shortest decimal that reads back to the same float. */
  static void floats(JsonWriter writer, float[] values) throws IOException {
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

  /** Writes an array of ints. */
  static void ints(JsonWriter writer, int[] values) throws IOException {
    writer.beginArray();
    for (int v : values) {
      writer.value(v);
    }
    writer.endArray();
  }
}
