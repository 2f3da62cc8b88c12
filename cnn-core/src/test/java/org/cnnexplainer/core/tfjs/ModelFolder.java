package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.testing.RandomTensors;

/** A small saved model in a temporary folder whose files tests can break on purpose. */
final class ModelFolder {
  final Path dir;
  final Path modelJson;

  ModelFolder(Path dir) throws IOException {
    this.dir = dir;
    this.modelJson = dir.resolve("model.json");
    Random rng = new Random(1);
    Network network =
        new Network(
            "small",
            Shape.image(2, 4, 4),
            List.of(
                new Conv2D(
                    "conv",
                    RandomTensors.gaussian(Shape.of(3, 2, 2, 2), 1f, rng),
                    RandomTensors.gaussian(Shape.vector(3), 1f, rng),
                    1,
                    1,
                    Padding.VALID,
                    Activation.RELU),
                new Flatten("flatten"),
                new Dense(
                    "dense",
                    RandomTensors.gaussian(Shape.of(27, 2), 1f, rng),
                    RandomTensors.gaussian(Shape.vector(2), 1f, rng),
                    Activation.SOFTMAX)),
            List.of("yes", "no"));
    TfjsModel.save(network, dir);
  }

  JsonObject json() throws IOException {
    return JsonParser.parseString(Files.readString(modelJson)).getAsJsonObject();
  }

  void write(JsonObject json) throws IOException {
    Files.writeString(modelJson, json.toString());
  }

  static JsonArray layers(JsonObject json) {
    return json.getAsJsonObject("modelTopology").getAsJsonObject("config").getAsJsonArray("layers");
  }

  /** The {@code config} of layer {@code i}. */
  static JsonObject config(JsonObject json, int i) {
    return layers(json).get(i).getAsJsonObject().getAsJsonObject("config");
  }

  static JsonObject group(JsonObject json) {
    return json.getAsJsonArray("weightsManifest").get(0).getAsJsonObject();
  }

  /** Asserts that loading fails with a message containing every fragment; returns the message. */
  String assertFails(String... fragments) {
    InvalidModelException e =
        assertThrows(InvalidModelException.class, () -> TfjsModel.load(modelJson));
    for (String fragment : fragments) {
      assertTrue(
          e.getMessage().contains(fragment),
          "message should contain '" + fragment + "': " + e.getMessage());
    }
    return e.getMessage();
  }
}
