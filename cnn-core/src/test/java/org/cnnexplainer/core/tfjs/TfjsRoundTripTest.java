package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.testing.RandomTensors;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TfjsRoundTripTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void saveThenLoadGivesTheSameNetwork(boolean functional) throws IOException {
    Network original = TestNetworks.everyKind(functional, List.of("cat", "dog", "bird"));
    TfjsModel.save(original, tmp);
    Network loaded = TfjsModel.load(tmp.resolve("model.json"));
    TestNetworks.assertSameNetwork(original, loaded);
    TestNetworks.assertSameTrace(
        original, loaded, RandomTensors.gaussian(original.inputShape(), 1f, new Random(7)));
    assertEquals("every_kind", loaded.name());
  }

  @Test
  void writesModelJsonInTheFormTfjsWrites() throws IOException {
    TfjsModel.save(TestNetworks.everyKind(false, null), tmp);
    JsonObject root =
        JsonParser.parseString(Files.readString(tmp.resolve("model.json"))).getAsJsonObject();
    assertEquals(
        List.of("modelTopology", "format", "generatedBy", "convertedBy", "weightsManifest"),
        List.copyOf(root.keySet()));
    assertEquals("layers-model", root.get("format").getAsString());
    assertTrue(root.get("convertedBy").isJsonNull());
    JsonObject topology = root.getAsJsonObject("modelTopology");
    assertEquals("Sequential", topology.get("class_name").getAsString());
    assertEquals("tensor_flow.js", topology.get("backend").getAsString());
    JsonObject first =
        topology.getAsJsonObject("config").getAsJsonArray("layers").get(0).getAsJsonObject();
    assertEquals(
        "[null,9,11,3]", first.getAsJsonObject("config").get("batch_input_shape").toString());
    var group = root.getAsJsonArray("weightsManifest").get(0).getAsJsonObject();
    assertEquals("[\"group1-shard1of1.bin\"]", group.get("paths").toString());
    var weights = group.getAsJsonArray("weights");
    // HWIO kernel; trainable weights first, moving statistics last, as TF.js lists them.
    assertEquals("[3,3,3,4]", weights.get(0).getAsJsonObject().get("shape").toString());
    assertEquals(
        "bn/moving_variance",
        weights.get(weights.size() - 1).getAsJsonObject().get("name").getAsString());
    assertEquals(
        "[\"class 0\",\"class 1\",\"class 2\"]", Files.readString(tmp.resolve("labels.json")));
    long expectedBytes = 4L * TestNetworks.everyKind(false, null).parameterCount();
    assertEquals(expectedBytes, Files.size(tmp.resolve("group1-shard1of1.bin")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tfjs/tiny-vgg-random",
        "tfjs/varied",
        "tfjs/functional-chain",
        "tfjs/grayscale-28",
        "cnn-explainer"
      })
  void fixturesSurviveSaveAndLoad(String fixture) throws IOException {
    Path model = SharedFixtures.require("fixtures/" + fixture + "/model.json");
    Network first = TfjsModel.load(model);
    TfjsModel.save(first, tmp);
    Network second = TfjsModel.load(tmp.resolve("model.json"));
    TestNetworks.assertSameNetwork(first, second);
    Tensor input = RandomTensors.gaussian(first.inputShape(), 1f, new Random(3));
    TestNetworks.assertSameTrace(first, second, input);
  }

  @Test
  void loadsFromAJarUrlWithWeightsResolvedBesideModelJson() throws IOException {
    Network original = TestNetworks.everyKind(true, List.of("a", "b", "c"));
    Path folder = tmp.resolve("saved");
    TfjsModel.save(original, folder);
    Path jar = tmp.resolve("models.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String name : List.of("model.json", "group1-shard1of1.bin", "labels.json")) {
        out.putNextEntry(new JarEntry("models/every/" + name));
        out.write(Files.readAllBytes(folder.resolve(name)));
        out.closeEntry();
      }
    }
    URL url = new URL("jar:" + jar.toUri() + "!/models/every/model.json");
    Network loaded = TfjsModel.load(url);
    TestNetworks.assertSameNetwork(original, loaded);
    assertEquals(List.of("a", "b", "c"), loaded.classLabels());
  }

  @Test
  void loadsShardedFixtureThroughAFileUrl() throws IOException {
    Path model = SharedFixtures.require("fixtures/tfjs/varied/model.json");
    Network byPath = TfjsModel.load(model);
    Network byUrl = TfjsModel.load(model.toUri().toURL());
    TestNetworks.assertSameNetwork(byPath, byUrl);
    assertFalse(byUrl.classLabels().isEmpty());
    assertEquals("class 4", byUrl.classLabels().get(4));
  }
}
