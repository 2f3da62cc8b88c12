package org.cnnexplainer.core.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnnexplainer.core.internal.Memory;

/**
 * Reads {@code weightsManifest}: for each group the files in {@code paths} order are concatenated
 * and cut into consecutive little-endian blocks, one per listed weight, with no padding. Sizes are
 * checked against the manifest before anything large is allocated.
 */
final class ManifestReader {
  private ManifestReader() {}

  /** Layout of one weight inside its group's bytes. */
  private record Entry(
      String name, int[] shape, int count, String dtype, double scale, double min, long offset) {
    int bytesPerValue() {
      return switch (dtype) {
        case "uint8" -> 1;
        case "uint16", "float16" -> 2;
        default -> 4;
      };
    }
  }

  static Weights read(Json manifest, ModelFiles files) throws IOException {
    Map<String, Weights.Weight> byName = new HashMap<>();
    Set<String> paths = new HashSet<>();
    long totalValues = 0;
    for (int g = 0; g < manifest.size(); g++) {
      Json group = manifest.at(g);
      List<Entry> entries = new ArrayList<>();
      Set<String> groupNames = new HashSet<>(); // a set: a hostile manifest may list a million
      long groupBytes = 0;
      long groupValues = 0;
      Json weights = group.get("weights");
      for (int i = 0; i < weights.size(); i++) {
        Entry e = entry(weights.at(i), groupBytes);
        if (byName.containsKey(e.name()) || !groupNames.add(e.name())) {
          throw weights.at(i).error("the weight '" + e.name() + "' is listed twice");
        }
        totalValues += e.count();
        if (totalValues > TfjsModel.MAX_WEIGHT_VALUES) {
          throw weights
              .at(i)
              .error(
                  "the model has more than "
                      + TfjsModel.MAX_WEIGHT_VALUES
                      + " weight values, the supported maximum");
        }
        groupBytes += (long) e.count() * e.bytesPerValue();
        groupValues += e.count();
        entries.add(e);
      }
      requireMemory(files, groupBytes + 4 * groupValues);
      byte[] data = readGroup(group.get("paths"), files, groupBytes, paths);
      ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      for (Entry e : entries) {
        byName.put(e.name(), new Weights.Weight(e.name(), e.shape(), decode(e, buffer, files)));
      }
    }
    return new Weights(files.modelName(), byName);
  }

  private static Entry entry(Json w, long offset) throws InvalidModelException {
    String name = w.get("name").string();
    Json shapeJson = w.get("shape");
    int[] shape = new int[shapeJson.size()];
    long count = 1;
    for (int d = 0; d < shape.length; d++) {
      shape[d] = shapeJson.at(d).integer(1, TfjsModel.MAX_WEIGHT_VALUES);
      count *= shape[d];
      if (count > TfjsModel.MAX_WEIGHT_VALUES) {
        throw shapeJson.error(
            "weight '"
                + name
                + "' is too large: more than "
                + TfjsModel.MAX_WEIGHT_VALUES
                + " values");
      }
    }
    String dtype = w.has("dtype") ? w.get("dtype").string() : "float32";
    if (!dtype.equals("float32")) {
      throw w.get("dtype")
          .error("weight '" + name + "': expected dtype float32, found '" + dtype + "'");
    }
    double scale = 1;
    double min = 0;
    if (w.has("quantization")) {
      Json q = w.get("quantization");
      dtype = q.get("dtype").string();
      switch (dtype) {
        case "uint8", "uint16" -> {
          scale = q.get("scale").number();
          min = q.get("min").number();
        }
        case "float16" -> {}
        default ->
            throw q.get("dtype")
                .error(
                    "weight '"
                        + name
                        + "': unsupported quantization '"
                        + dtype
                        + "'; supported: uint8, uint16, float16");
      }
    }
    return new Entry(name, shape, (int) count, dtype, scale, min, offset);
  }

  /**
   * Refuses weights that would not fit in this JVM's heap (the group's bytes and the weights read
   * so far as floats), so that a large model fails with a message instead of an OutOfMemoryError.
   */
  private static void requireMemory(ModelFiles files, long bytes) throws InvalidModelException {
    long available = Memory.available();
    if (bytes > available) {
      throw new InvalidModelException(
          files.modelName()
              + ": reading the weights needs "
              + Memory.mebibytes(bytes)
              + " MiB of memory, more than the "
              + Memory.mebibytes(available)
              + " MiB this Java can still use (start java with a larger -Xmx)");
    }
  }

  /**
   * Concatenates the group's files, which together must hold exactly {@code expected} bytes. A file
   * listed twice (in this group or another) is refused: TF.js never repeats one, and a small file
   * repeated a thousand times would ask for a thousand times its size.
   */
  private static byte[] readGroup(Json paths, ModelFiles files, long expected, Set<String> seen)
      throws IOException {
    if (expected > Integer.MAX_VALUE - 8) {
      throw paths.error("a weight group of " + expected + " bytes is too large");
    }
    byte[] data = new byte[(int) expected];
    long filled = 0;
    List<String> names = new ArrayList<>();
    for (int p = 0; p < paths.size(); p++) {
      String relative = paths.at(p).string();
      files.checkRelative(relative, "weight file");
      if (!seen.add(relative.replaceAll("(^|/)(\\./)+", "$1").replaceAll("/+", "/"))) {
        throw paths.at(p).error("the weight file '" + relative + "' is listed twice");
      }
      names.add(relative);
      byte[] chunk;
      try {
        // One byte more than still missing, to detect files that are too long.
        chunk = files.readUpTo(relative, expected - filled + 1);
      } catch (IOException e) {
        if (ModelFiles.isMissing(e)) {
          throw new InvalidModelException(
              files.modelName()
                  + ": missing weight file '"
                  + relative
                  + "' ("
                  + files.describe(relative)
                  + " does not exist)",
              e);
        }
        throw e;
      }
      if (filled + chunk.length > expected) {
        throw sizeError(files, names, expected, "more than " + expected);
      }
      System.arraycopy(chunk, 0, data, (int) filled, chunk.length);
      filled += chunk.length;
    }
    if (filled != expected) {
      throw sizeError(files, names, expected, String.valueOf(filled));
    }
    return data;
  }

  private static InvalidModelException sizeError(
      ModelFiles files, List<String> names, long expected, String found) {
    return new InvalidModelException(
        files.modelName()
            + ": weight files "
            + names
            + ": expected "
            + expected
            + " bytes for the weights listed in weightsManifest (their shapes and dtypes), found "
            + found
            + " bytes");
  }

  private static float[] decode(Entry e, ByteBuffer buffer, ModelFiles files)
      throws InvalidModelException {
    float[] values = new float[e.count()];
    int at = (int) e.offset();
    for (int i = 0; i < values.length; i++) {
      float v =
          switch (e.dtype()) {
            case "uint8" -> (float) ((buffer.get(at + i) & 0xff) * e.scale() + e.min());
            case "uint16" -> (float) ((buffer.getShort(at + 2 * i) & 0xffff) * e.scale() + e.min());
            case "float16" -> halfToFloat(buffer.getShort(at + 2 * i));
            default -> buffer.getFloat(at + 4 * i);
          };
      if (!Float.isFinite(v)) {
        throw new InvalidModelException(
            files.modelName()
                + ": weight '"
                + e.name()
                + "' holds "
                + v
                + " at flat index "
                + i
                + " of shape "
                + Arrays.toString(e.shape())
                + "; weights must be finite numbers");
      }
      values[i] = v;
    }
    return values;
  }

  /** IEEE 754 binary16 to float (exact: every half value is a float). */
  static float halfToFloat(short half) {
    int sign = (half & 0x8000) << 16;
    int exponent = (half >>> 10) & 0x1f;
    int mantissa = half & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
