package org.cnnexplainer.demo.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.viz.training.CurvePoint;

/**
 * {@code training.json} beside a trained model: how it was made (command or program, settings,
 * data, machine) and what happened (every epoch's figures, the smoothed per-batch curve, the final
 * evaluation). Written by {@code train} and the Learning Lab, read back to draw a model's curves.
 * Every part but {@code history} is optional when reading.
 */
public final class TrainingRecord {
  /** The file name in a model folder. */
  public static final String FILE = "training.json";

  /** How the Learning Lab signs its records (the {@code command} field). */
  public static final String LAB = "cnn-explainer Learning Lab";

  /** How the {@code train} command's records begin (its command line follows). */
  static final String TRAIN = "cnn-explainer train";

  /** Largest record read (a record of 100 epochs with its batch curve is about 1 MB). */
  static final long MAX_BYTES = 16L << 20;

  private static final Gson GSON =
      new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();
  private final JsonObject json;

  private TrainingRecord(JsonObject json) {
    this.json = json;
  }

  /**
   * A new record made by {@code how} (the command line, or "Learning Lab"), with the time and the
   * machine's facts.
   */
  public static TrainingRecord of(String how) {
    JsonObject json = new JsonObject();
    json.addProperty("command", how);
    json.addProperty("programVersion", programVersion());
    json.addProperty("savedAt", Instant.now().toString());
    json.addProperty("java", System.getProperty("java.version"));
    json.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    json.addProperty("cores", Runtime.getRuntime().availableProcessors());
    return new TrainingRecord(json);
  }

  /** This program's version from the jar manifest, or "development". */
  public static String programVersion() {
    String version = TrainingRecord.class.getPackage().getImplementationVersion();
    return version != null ? version : "development";
  }

  /** Sets {@code key} to {@code value} (a number, string, list, map or record). */
  public TrainingRecord put(String key, Object value) {
    json.add(key, GSON.toJsonTree(value));
    return this;
  }

  /** Every finished epoch's figures. */
  public TrainingRecord history(List<EpochResult> epochs) {
    return put("history", epochs);
  }

  /** The smoothed per-batch curve, as {@code [epoch, loss, accuracy]} triples. */
  public TrainingRecord batchCurve(List<CurvePoint> points) {
    JsonArray array = new JsonArray();
    for (CurvePoint p : points) {
      JsonArray triple = new JsonArray();
      triple.add(round(p.epoch()));
      triple.add(round(p.loss()));
      triple.add(round(p.accuracy()));
      array.add(triple);
    }
    json.add("batchCurve", array);
    return this;
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /**
   * The evaluation of the saved model on {@code on} ("the Fashion-MNIST test set"), in the format
   * of {@code evaluate --json} plus the class names and what was evaluated.
   */
  public TrainingRecord evaluation(String on, Evaluation e) {
    JsonObject out = new JsonObject();
    out.addProperty("on", on);
    out.add("classes", GSON.toJsonTree(e.classLabels()));
    out.addProperty("accuracy", e.accuracy());
    out.add("perClassAccuracy", GSON.toJsonTree(e.perClassAccuracy()));
    out.add("confusion", GSON.toJsonTree(e.confusion()));
    out.addProperty("count", e.count());
    json.add("evaluation", out);
    return this;
  }

  /**
   * The files beyond the model's own that were written with it ({@code /}-separated, relative to
   * the model folder): a later save may replace these, and nothing else (see {@link
   * CheckpointWriter}).
   */
  public TrainingRecord files(List<String> names) {
    return put("files", names);
  }

  /** The files recorded by {@link #files(List)}; empty when none were. */
  public List<String> files() {
    List<String> out = new ArrayList<>();
    JsonElement files = json.get("files");
    if (files != null && files.isJsonArray()) {
      for (JsonElement e : files.getAsJsonArray()) {
        if (e.isJsonPrimitive()) {
          out.add(e.getAsString());
        }
      }
    }
    return out;
  }

  /**
   * {@code file}'s path below {@code folder} with {@code /} between names, as in {@link #files}.
   */
  static String relativeName(Path folder, Path file) {
    return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  /** True for a record that {@code train} or the Learning Lab wrote (by its {@code command}). */
  public boolean isOurs() {
    String command = text("command").orElse("");
    return command.equals(LAB) || command.equals(TRAIN) || command.startsWith(TRAIN + " ");
  }

  /** The record as pretty-printed JSON. */
  public String toJson() {
    return GSON.toJson(json);
  }

  /** The record as a file for {@link CheckpointWriter}. */
  public CheckpointWriter.Extra extra() {
    return new CheckpointWriter.Extra(FILE, toJson());
  }

  /**
   * The record of the model at {@code model} (its folder or {@code model.json}), if it has one.
   *
   * @throws IOException naming the file when it exists but is not a readable record
   */
  public static Optional<TrainingRecord> read(Path model) throws IOException {
    Path folder = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
    Path file = folder == null ? Path.of(FILE) : folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a record");
    }
    try {
      JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("history")) {
        throw new IOException(file + ": not a training record (no \"history\")");
      }
      TrainingRecord record = new TrainingRecord(parsed.getAsJsonObject());
      // Every part a reader uses is checked here, so that a damaged record is one clear error.
      record.history();
      record.batchCurve();
      record.evaluation();
      return Optional.of(record);
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      throw new IOException(file + ": not a readable training record: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // A field of the wrong type or a number that is not one (NumberFormatException, ...).
      throw new IOException(file + ": not a readable training record: " + e, e);
    }
  }

  /** A text field, or empty. */
  public Optional<String> text(String key) {
    JsonElement e = json.get(key);
    return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
  }

  /** A field as JSON, or empty. */
  public Optional<JsonElement> get(String key) {
    return Optional.ofNullable(json.get(key));
  }

  /** Every epoch's figures, as recorded. */
  public List<EpochResult> history() {
    List<EpochResult> out = new ArrayList<>();
    for (JsonElement e : json.getAsJsonArray("history")) {
      JsonObject o = e.getAsJsonObject();
      out.add(
          new EpochResult(
              o.get("epoch").getAsInt(),
              number(o, "trainingLoss"),
              number(o, "trainingAccuracy"),
              number(o, "validationLoss"),
              number(o, "validationAccuracy"),
              number(o, "seconds"),
              number(o, "imagesPerSecond"),
              number(o, "learningRate"),
              o.has("improved") && o.get("improved").getAsBoolean()));
    }
    return out;
  }

  /** The smoothed per-batch curve (empty in records of the {@code train} command). */
  public List<CurvePoint> batchCurve() {
    List<CurvePoint> out = new ArrayList<>();
    JsonElement curve = json.get("batchCurve");
    if (curve != null && curve.isJsonArray()) {
      for (JsonElement e : curve.getAsJsonArray()) {
        JsonArray t = e.getAsJsonArray();
        out.add(
            new CurvePoint(t.get(0).getAsDouble(), t.get(1).getAsDouble(), t.get(2).getAsDouble()));
      }
    }
    return out;
  }

  /** The evaluation recorded with the model, if any. */
  public Optional<Recorded> evaluation() {
    JsonElement e = json.get("evaluation");
    if (e == null || !e.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject o = e.getAsJsonObject();
    List<String> classes = new ArrayList<>();
    o.getAsJsonArray("classes").forEach(c -> classes.add(c.getAsString()));
    JsonArray rows = o.getAsJsonArray("confusion");
    int[][] confusion = new int[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      JsonArray row = rows.get(r).getAsJsonArray();
      if (row.size() != classes.size()) {
        throw new IllegalStateException("confusion row " + r + " has " + row.size() + " cells");
      }
      confusion[r] = new int[row.size()];
      for (int c = 0; c < row.size(); c++) {
        confusion[r][c] = row.get(c).getAsInt();
      }
    }
    JsonArray perClass = o.getAsJsonArray("perClassAccuracy");
    if (rows.size() != classes.size() || perClass.size() != classes.size()) {
      throw new IllegalStateException(
          classes.size()
              + " classes, but "
              + rows.size()
              + " confusion rows and "
              + perClass.size()
              + " per-class accuracies");
    }
    double[] accuracies = new double[perClass.size()];
    for (int c = 0; c < accuracies.length; c++) {
      accuracies[c] = perClass.get(c).getAsDouble();
    }
    return Optional.of(
        new Recorded(
            o.has("on") ? o.get("on").getAsString() : "",
            classes,
            o.get("accuracy").getAsDouble(),
            accuracies,
            confusion,
            o.get("count").getAsInt()));
  }

  /** An evaluation as recorded: what it ran on and its figures. */
  public record Recorded(
      String on,
      List<String> classes,
      double accuracy,
      double[] perClassAccuracy,
      int[][] confusion,
      int count) {}

  private static double number(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
  }
}
