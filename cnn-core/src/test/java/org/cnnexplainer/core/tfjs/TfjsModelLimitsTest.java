package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cnnexplainer.core.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loader's limits against hostile folders, beyond the cases of {@link TfjsModelErrorTest}:
 * nesting depth, links and non-files as weight paths, and files whose size makes naive code slow.
 */
class TfjsModelLimitsTest {
  /** No hostile file may keep the loader busy longer than this (a hang check, not a benchmark). */
  private static final Duration PROMPTLY = Duration.ofSeconds(20);

  @TempDir Path tmp;
  private ModelFolder folder;

  @BeforeEach
  void setUp() throws IOException {
    folder = new ModelFolder(tmp.resolve("model"));
  }

  private void writeModel(String json) throws IOException {
    Files.writeString(folder.modelJson, json);
  }

  @Test
  void deeplyNestedArraysAreRefusedWithoutStackOverflow() throws IOException {
    writeModel("[".repeat(200_000) + "]".repeat(200_000));
    folder.assertFails("JSON nested deeper than " + TfjsModel.MAX_JSON_DEPTH + " levels");
  }

  @Test
  void deeplyNestedObjectsAreRefusedWithoutStackOverflow() throws IOException {
    writeModel("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
    folder.assertFails("JSON nested deeper than " + TfjsModel.MAX_JSON_DEPTH + " levels");
  }

  @Test
  void nestingWithinTheLimitIsFine() throws IOException {
    String json = folder.json().toString();
    String deep =
        "[".repeat(TfjsModel.MAX_JSON_DEPTH - 2) + "]".repeat(TfjsModel.MAX_JSON_DEPTH - 2);
    writeModel(json.substring(0, json.length() - 1) + ", \"extra\": " + deep + "}");
    assertEquals(3, TfjsModel.load(folder.modelJson).layers().size());
  }

  @Test
  void deeplyNestedLabelsAreRefused() throws IOException {
    Files.writeString(folder.dir.resolve("labels.json"), "[".repeat(100_000));
    folder.assertFails("labels.json", "nested deeper than");
  }

  @Test
  void symbolicLinkToAFolderOutsideIsRefused() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.move(folder.dir.resolve("group1-shard1of1.bin"), outside.resolve("w.bin"));
    Files.createSymbolicLink(folder.dir.resolve("sub"), outside);
    setPath("sub/w.bin");
    folder.assertFails("'sub/w.bin' resolves to", "outside the model folder");
  }

  @Test
  void symbolicLinkWithinTheFolderIsFollowed() throws IOException {
    Path sub = Files.createDirectories(folder.dir.resolve("weights"));
    Files.move(folder.dir.resolve("group1-shard1of1.bin"), sub.resolve("w.bin"));
    Files.createSymbolicLink(folder.dir.resolve("link.bin"), sub.resolve("w.bin"));
    setPath("link.bin");
    assertEquals(3, TfjsModel.load(folder.modelJson).layers().size());
  }

  @Test
  void symbolicLinkLoopIsRefused() throws IOException {
    Files.createSymbolicLink(folder.dir.resolve("loop.bin"), folder.dir.resolve("loop.bin"));
    setPath("loop.bin");
    folder.assertFails("cannot open 'loop.bin'");
  }

  @Test
  void aFolderAsWeightFileIsRefused() throws IOException {
    Files.createDirectories(folder.dir.resolve("sub"));
    for (String path : new String[] {".", "./", "sub", "sub/."}) {
      setPath(path);
      folder.assertFails("'" + path + "' is not a regular file");
    }
  }

  @Test
  void hugeManifestIsAnsweredPromptly() throws IOException {
    // 32 MiB can list about a million weights; checking names for duplicates must stay linear.
    StringBuilder weights = new StringBuilder();
    for (int i = 0; i < 400_000; i++) {
      weights
          .append(i == 0 ? "" : ",")
          .append("{\"name\":\"w")
          .append(i)
          .append("\",\"shape\":[1]}");
    }
    String json = folder.json().toString();
    json = json.replaceFirst("\"weights\":\\[.*?\\]}\\]", "\"weights\":[" + weights + "]}]");
    writeModel(json);
    assertTimeoutPreemptively(
        PROMPTLY, () -> folder.assertFails("expected 1600000 bytes for the weights listed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"group1-shard1of1.bin", "./group1-shard1of1.bin"})
  void aWeightFileListedTwiceIsRefused(String again) throws IOException {
    // One small file repeated a thousand times would ask for a thousand times its size.
    var json = folder.json();
    var paths = ModelFolder.group(json).getAsJsonArray("paths");
    paths.add(again);
    folder.write(json);
    folder.assertFails("the weight file '" + again + "' is listed twice");
  }

  @Test
  void tinyFileDeclaringMillionsOfClassesIsRefusedPromptly() throws IOException {
    // 2^26 outputs (the activation limit) from 200 bytes: every class would get a name, a score
    // and a probability bar (6.4 GB for predict's top classes).
    writeModel(
        """
        {"modelTopology": {"class_name": "Sequential", "config": {"layers": [
          {"class_name": "Flatten", "config": {"name": "f", "batch_input_shape": [null, 8192, 8192, 1]}}
        ]}}}
        """);
    Files.delete(folder.dir.resolve("labels.json"));
    assertTimeoutPreemptively(
        PROMPTLY,
        () -> folder.assertFails("the network has 67108864 outputs (classes), more than the"));
  }

  @Test
  void theLargestSupportedClassCountLoads() throws IOException {
    writeModel(
        """
        {"modelTopology": {"class_name": "Sequential", "config": {"layers": [
          {"class_name": "Flatten", "config": {"name": "f", "batch_input_shape": [null, 256, 256, 1]}}
        ]}}}
        """);
    Files.delete(folder.dir.resolve("labels.json"));
    Network network = TfjsModel.load(folder.modelJson);
    assertEquals(TfjsModel.MAX_CLASSES, network.classLabels().size());
  }

  @Test
  void aChainOfThousandsOfLayersIsRefusedBeforeAnyIsBuilt() throws IOException {
    // 22,000 ReLUs on a 4x4 input: tiny to trace, but 330,000 pixels wide as an overview.
    StringBuilder layers = new StringBuilder();
    for (int i = 0; i < 22_000; i++) {
      layers
          .append(i == 0 ? "" : ",")
          .append("{\"class_name\": \"Activation\", \"config\": {\"name\": \"a")
          .append(i)
          .append("\", \"activation\": \"relu\"")
          .append(i == 0 ? ", \"batch_input_shape\": [null, 4, 4, 1]" : "")
          .append("}}");
    }
    writeModel(
        "{\"modelTopology\": {\"class_name\": \"Sequential\", \"config\": {\"layers\": ["
            + layers
            + "]}}}");
    Files.delete(folder.dir.resolve("labels.json"));
    assertTimeoutPreemptively(
        PROMPTLY,
        () -> folder.assertFails("the model has 22000 layers, more than the supported 1024"));
  }

  @Test
  void manyLargeLayersThatATraceCouldNotHoldAreRefused() throws IOException {
    // Each layer alone is within the limit, but a trace keeps all ten: 2.5 GB for 600 bytes.
    StringBuilder layers = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      layers
          .append(i == 0 ? "" : ",")
          .append("{\"class_name\": \"Activation\", \"config\": {\"name\": \"a")
          .append(i)
          .append("\", \"activation\": \"relu\"")
          .append(i == 0 ? ", \"batch_input_shape\": [null, 4096, 4096, 4]" : "")
          .append("}}");
    }
    writeModel(
        "{\"modelTopology\": {\"class_name\": \"Sequential\", \"config\": {\"layers\": ["
            + layers
            + "]}}}");
    folder.assertFails(
        "layer 'a1' (Activation) config",
        "the input and the layer outputs up to here hold 201326592 values together",
        "more than 134217728");
  }

  @Test
  void poolingThatWouldRunForHoursIsRefused() throws IOException {
    // No weights needed: 2048x2048 outputs, each the maximum of a window clipped to 2048x2048.
    writeModel(
        """
        {"modelTopology": {"class_name": "Sequential", "config": {"layers": [
          {"class_name": "MaxPooling2D", "config": {"name": "p", "pool_size": [4096, 4096],
           "strides": [1, 1], "padding": "same", "batch_input_shape": [null, 2048, 2048, 1]}}
        ]}}}
        """);
    folder.assertFails(
        "layer 'p' (MaxPooling2D) config",
        "need 70368744177664 multiply-adds per image, more than the supported 34359738368");
  }

  @Test
  void declaredOutputOverTheActivationLimitIsRefused() throws IOException {
    writeModel(
        """
        {"modelTopology": {"class_name": "Sequential", "config": {"layers": [
          {"class_name": "Flatten", "config": {"name": "f", "batch_input_shape": [null, 8192, 8193, 1]}}
        ]}}}
        """);
    folder.assertFails("the input has 67117056 values, more than 67108864");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"[65536, 65536]", "[2, 1073741824]", "[46341, 46341]", "[4, 4, 268435456]"})
  void weightShapesWhoseProductWrapsAroundIntAreRefused(String shape) throws IOException {
    // 2^32 wraps to 0, 2^31 to a negative size, 46341^2 just past Integer.MAX_VALUE.
    var json = folder.json();
    ModelFolder.group(json)
        .getAsJsonArray("weights")
        .get(0)
        .getAsJsonObject()
        .add("shape", JsonParser.parseString(shape));
    folder.write(json);
    // Refused for the product, or already for one dimension above the limit.
    folder.assertFails("weightsManifest[0].weights[0].shape", "268435456");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[null, 65536, 65536, 1]", "[null, 2, 1073741824, 1]"})
  void inputShapesWhoseProductWrapsAroundIntAreRefused(String shape) throws IOException {
    var json = folder.json();
    ModelFolder.config(json, 0).add("batch_input_shape", JsonParser.parseString(shape));
    folder.write(json);
    folder.assertFails("batch_input_shape", "67108864");
  }

  private void setPath(String path) throws IOException {
    var json = folder.json();
    var paths = new com.google.gson.JsonArray();
    paths.add(path);
    ModelFolder.group(json).add("paths", paths);
    folder.write(json);
  }

  @Test
  void modelJsonThatIsAFolderIsRefused() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("odd/model.json"));
    InvalidModelException e = assertThrows(InvalidModelException.class, () -> TfjsModel.load(dir));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }
}
