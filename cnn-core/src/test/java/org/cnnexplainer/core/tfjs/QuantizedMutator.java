package org.cnnexplainer.core.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Rewrites a fixture with its weights quantized as the TF.js converter does ({@code uint8} or
 * {@code uint16} as {@code q * scale + min}, or {@code float16}), a random choice per weight, into
 * one file {@code q.bin}; then sometimes changes a few of the quantized bytes, so that the
 * dequantizing paths of the reader meet odd values too.
 */
final class QuantizedMutator {
  private static final String[] DTYPES = {"float32", "uint8", "uint16", "float16"};

  private final Random rng;

  QuantizedMutator(Random rng) {
    this.rng = rng;
  }

  FuzzFixture.Mutant quantized(FuzzFixture fixture) {
    JsonObject json = fixture.model.deepCopy();
    JsonObject group = json.getAsJsonArray("weightsManifest").get(0).getAsJsonObject();
    ByteBuffer source = concatenated(fixture);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder what = new StringBuilder("quantize");
    for (JsonElement w : group.getAsJsonArray("weights")) {
      JsonObject weight = w.getAsJsonObject();
      int count = 1;
      for (JsonElement d : weight.getAsJsonArray("shape")) {
        count *= d.getAsInt();
      }
      float[] values = new float[count];
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (int i = 0; i < count; i++) {
        values[i] = source.getFloat();
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      String dtype = DTYPES[rng.nextInt(DTYPES.length)];
      what.append(' ').append(dtype);
      write(out, values, dtype, min, max, weight);
    }
    byte[] bytes = out.toByteArray();
    if (rng.nextBoolean() && bytes.length > 0) {
      int n = 1 + rng.nextInt(8);
      for (int i = 0; i < n; i++) {
        bytes[rng.nextInt(bytes.length)] = (byte) rng.nextInt(256);
      }
      what.append("; change ").append(n).append(" bytes");
    }
    JsonArray paths = new JsonArray();
    paths.add("q.bin");
    group.add("paths", paths);
    Map<String, byte[]> files = new LinkedHashMap<>(fixture.shards);
    files.put("q.bin", bytes);
    return new FuzzFixture.Mutant(ByteMutator.utf8(json.toString()), files, what.toString());
  }

  private static void write(
      ByteArrayOutputStream out,
      float[] values,
      String dtype,
      float min,
      float max,
      JsonObject weight) {
    int bytesPer = dtype.equals("uint8") ? 1 : dtype.equals("float32") ? 4 : 2;
    ByteBuffer b = ByteBuffer.allocate(values.length * bytesPer).order(ByteOrder.LITTLE_ENDIAN);
    int levels = dtype.equals("uint8") ? 255 : 65535;
    double scale = max > min ? (max - (double) min) / levels : 1;
    for (float v : values) {
      switch (dtype) {
        case "float32" -> b.putFloat(v);
        case "uint8" -> b.put((byte) Math.round((v - min) / scale));
        case "uint16" -> b.putShort((short) Math.round((v - min) / scale));
        default -> b.putShort(toHalf(v));
      }
    }
    out.writeBytes(b.array());
    if (!dtype.equals("float32")) {
      JsonObject q = new JsonObject();
      q.addProperty("dtype", dtype);
      if (!dtype.equals("float16")) {
        q.addProperty("scale", scale);
        q.addProperty("min", min);
      }
      weight.add("quantization", q);
    }
  }

  /** Float to IEEE binary16, mantissa truncated; small values flush to zero, large saturate. */
  static short toHalf(float v) {
    int bits = Float.floatToIntBits(v);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
    if (exponent <= 0) {
      return (short) sign;
    }
    if (exponent >= 0x1f) {
      return (short) (sign | 0x7bff); // the largest finite half
    }
    return (short) (sign | (exponent << 10) | ((bits >>> 13) & 0x3ff));
  }

  private static ByteBuffer concatenated(FuzzFixture fixture) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    fixture.shards.values().forEach(all::writeBytes);
    return ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
  }
}
