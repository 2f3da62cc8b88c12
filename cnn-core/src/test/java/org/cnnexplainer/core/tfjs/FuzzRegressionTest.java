package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files that escaped with another exception than {@link InvalidModelException}, each reduced
 * to a small inline model: found by {@link TfjsModelFuzzTest}, or (the dropout rate) while fixing
 * what it found. The last one loaded, but predicted NaN for every input.
 */
class FuzzRegressionTest {
  /** A functional model: InputLayer 2x2x1, then Flatten; {@code %s} are its inbound and ends. */
  private static final String FUNCTIONAL =
      """
      {"modelTopology": {"class_name": "Model", "config": {"layers": [
        {"name": "in", "class_name": "InputLayer",
         "config": {"name": "in", "batch_input_shape": [null, 2, 2, 1]}, "inbound_nodes": []},
        {"name": "flat", "class_name": "Flatten", "config": {"name": "flat"},
         "inbound_nodes": %s}],
       "input_layers": %s, "output_layers": %s}}}
      """;

  @TempDir Path tmp;

  private String assertRefused(String modelJson, String... fragments) throws IOException {
    Path file = tmp.resolve("model.json");
    Files.writeString(file, modelJson);
    InvalidModelException e = assertThrows(InvalidModelException.class, () -> TfjsModel.load(file));
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in " + e.getMessage());
    }
    return e.getMessage();
  }

  private static String sequential(String layerConfig) {
    return """
        {"modelTopology": {"class_name": "Sequential", "config": {"layers": [
          {"class_name": "Flatten", "config": {"name": "flat", "batch_input_shape": [null, 2, 2, 1]}},
          %s]}}}
        """
        .formatted(layerConfig);
  }

  @Test
  void blankLayerNameWasAnIllegalArgumentException() throws IOException {
    assertRefused(
        sequential("{\"class_name\": \"Activation\", \"config\": {\"name\": \" \"}}"),
        "layer ' ' (Activation) config",
        "a layer needs a non-blank name");
  }

  @Test
  void dropoutRateRoundingToOneWasAnIllegalArgumentException() throws IOException {
    // 0.99999999999 passes the double check but is 1.0f for the layer.
    assertRefused(
        sequential(
            "{\"class_name\": \"Dropout\", \"config\": {\"name\": \"d\", \"rate\": 0.99999999999}}"),
        "layer 'd' (Dropout) config",
        "dropout rate must be in [0, 1)");
  }

  @Test
  void emptyInboundNodeWasAnIndexOutOfBoundsException() throws IOException {
    assertRefused(
        FUNCTIONAL.formatted("[[[]]]", "[[\"in\", 0, 0]]", "[[\"flat\", 0, 0]]"),
        "layers[1].inbound_nodes[0][0]: expected an array of at least 1 element, found []");
  }

  @Test
  void emptyInputLayerEntryWasAnIndexOutOfBoundsException() throws IOException {
    assertRefused(
        FUNCTIONAL.formatted("[[[\"in\", 0, 0, {}]]]", "[[]]", "[[\"flat\", 0, 0]]"),
        "input_layers[0]: expected an array of at least 1 element, found []");
  }

  @Test
  void emptyOutputLayerEntryWasAnIndexOutOfBoundsException() throws IOException {
    assertRefused(
        FUNCTIONAL.formatted("[[[\"in\", 0, 0, {}]]]", "[[\"in\", 0, 0]]", "[[]]"),
        "output_layers[0]: expected an array of at least 1 element");
  }

  @Test
  void negativeMovingVarianceMadeEveryOutputNaN() throws IOException {
    // Found as the varied fixture with its shards listed in another order.
    ByteBuffer weights = ByteBuffer.allocate(4 * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : new float[] {1, 1, 0, 0, 0, 0, 0.5f, -0.25f}) { // gamma, beta, mean, variance
      weights.putFloat(v);
    }
    Files.write(tmp.resolve("w.bin"), weights.array());
    String model =
        """
        {"modelTopology": {"class_name": "Sequential", "config": {"layers": [
          {"class_name": "BatchNormalization",
           "config": {"name": "bn", "batch_input_shape": [null, 1, 1, 2]}}]}},
         "weightsManifest": [{"paths": ["w.bin"], "weights": [
           {"name": "bn/gamma", "shape": [2], "dtype": "float32"},
           {"name": "bn/beta", "shape": [2], "dtype": "float32"},
           {"name": "bn/moving_mean", "shape": [2], "dtype": "float32"},
           {"name": "bn/moving_variance", "shape": [2], "dtype": "float32"}]}]}
        """;
    assertRefused(
        model,
        "layer 'bn' (BatchNormalization) config",
        "'bn/moving_variance' holds -0.25 for channel 1; a variance cannot be negative");
    weights.putFloat(28, 0.25f); // the same model with a positive variance loads
    Files.write(tmp.resolve("w.bin"), weights.array());
    assertEquals(1, TfjsModel.load(tmp.resolve("model.json")).layers().size());
  }

  @Test
  void overlongWeightFileNameWasAFileSystemException() throws IOException {
    String name = "x".repeat(10_000);
    assertRefused(
        sequential("{\"class_name\": \"Dropout\", \"config\": {\"name\": \"d\", \"rate\": 0}}")
            .replaceFirst(
                "}\\s*$",
                ", \"weightsManifest\": [{\"paths\": [\"" + name + "\"], \"weights\": []}]}"),
        "cannot open",
        "File name too long");
  }
}
