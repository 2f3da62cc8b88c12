package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of broken model folder gives an InvalidModelException saying where and what. */
class TfjsModelErrorTest {
  @TempDir Path tmp;
  private ModelFolder folder;
  private JsonObject json;

  @BeforeEach
  void setUp() throws IOException {
    folder = new ModelFolder(tmp.resolve("model"));
    json = folder.json();
  }

  @Test
  void theUnbrokenFolderLoads() throws IOException {
    assertEquals(3, TfjsModel.load(folder.modelJson).layers().size());
  }

  @Test
  void aFolderMeansItsModelJson() throws IOException {
    assertEquals("small", TfjsModel.load(folder.dir).name());
  }

  @Test
  void missingModelJson() throws IOException {
    Files.delete(folder.modelJson);
    folder.assertFails(folder.modelJson + ": no such file");
  }

  @Test
  void malformedJson() throws IOException {
    Files.writeString(folder.modelJson, "{\"modelTopology\": {\"class_name\": ");
    folder.assertFails(folder.modelJson.toString(), "not valid JSON");
  }

  @Test
  void emptyModelJson() throws IOException {
    Files.writeString(folder.modelJson, " \n");
    folder.assertFails(folder.modelJson + ": the file is empty (expected JSON)");
  }

  @Test
  void textAfterTheJson() throws IOException {
    Files.writeString(folder.modelJson, json + " {}");
    folder.assertFails("not valid JSON");
  }

  @Test
  void missingKey() throws IOException {
    json.remove("modelTopology");
    folder.write(json);
    folder.assertFails(folder.modelJson.toString(), "missing key 'modelTopology'");
  }

  @Test
  void wrongType() throws IOException {
    ModelFolder.config(json, 0).addProperty("filters", "three");
    folder.write(json);
    folder.assertFails("layer 'conv' (Conv2D) config.filters", "expected an integer", "\"three\"");
  }

  @Test
  void missingFirstLayerInputShape() throws IOException {
    ModelFolder.config(json, 0).remove("batch_input_shape");
    folder.write(json);
    folder.assertFails("'conv' has no batch_input_shape");
  }

  @Test
  void shardTooShort() throws IOException {
    Path shard = folder.dir.resolve("group1-shard1of1.bin");
    byte[] bytes = Files.readAllBytes(shard);
    Files.write(shard, java.util.Arrays.copyOf(bytes, bytes.length - 4));
    // conv 3*2*2*2 + 3, dense 27*2 + 2 = 83 floats
    folder.assertFails("expected 332 bytes", "found 328 bytes");
  }

  @Test
  void shardTooLong() throws IOException {
    Path shard = folder.dir.resolve("group1-shard1of1.bin");
    Files.write(shard, java.util.Arrays.copyOf(Files.readAllBytes(shard), 400));
    folder.assertFails("expected 332 bytes", "found more than 332");
  }

  @Test
  void missingShard() throws IOException {
    Files.delete(folder.dir.resolve("group1-shard1of1.bin"));
    folder.assertFails("missing weight file 'group1-shard1of1.bin'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../secret.bin",
        "sub/../../secret.bin",
        "/etc/passwd",
        "file:/etc/passwd",
        "http://example.com/w.bin",
        "C:\\w.bin",
        "%2e%2e/secret.bin"
      })
  void weightPathsOutsideTheFolderAreRefused(String path) throws IOException {
    Files.write(tmp.resolve("secret.bin"), new byte[332]);
    JsonArray paths = new JsonArray();
    paths.add(path);
    ModelFolder.group(json).add("paths", paths);
    folder.write(json);
    folder.assertFails("'" + path + "' is not a plain path inside the model folder");
  }

  @Test
  void symbolicLinkOutOfTheFolderIsRefused() throws IOException {
    Path outside = tmp.resolve("outside.bin");
    Files.move(folder.dir.resolve("group1-shard1of1.bin"), outside);
    Files.createSymbolicLink(folder.dir.resolve("group1-shard1of1.bin"), outside);
    folder.assertFails("outside the model folder", "symbolic links");
  }

  @Test
  void absurdWeightShapeIsRefusedBeforeAllocating() throws IOException {
    JsonObject weight = ModelFolder.group(json).getAsJsonArray("weights").get(0).getAsJsonObject();
    weight.add("shape", JsonParser.parseString("[65536, 65536, 65536, 3]"));
    folder.write(json);
    folder.assertFails("weight 'conv/kernel' is too large");
  }

  @Test
  void absurdInputShapeIsRefused() throws IOException {
    ModelFolder.config(json, 0)
        .add("batch_input_shape", JsonParser.parseString("[null, 100000, 100000, 3]"));
    folder.write(json);
    folder.assertFails("batch_input_shape", "more than");
  }

  @Test
  void modelJsonOverTheSizeLimit() throws IOException {
    byte[] big = new byte[TfjsModel.MAX_MODEL_JSON_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    Files.write(folder.modelJson, big);
    folder.assertFails("larger than the limit of 33554432 bytes");
  }

  @Test
  void nanWeightIsRefusedWithItsName() throws IOException {
    Path shard = folder.dir.resolve("group1-shard1of1.bin");
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(shard)).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putFloat(4 * 25, Float.NaN); // conv kernel has 24 values, bias 3: index 1 of the bias
    Files.write(shard, bytes.array());
    folder.assertFails("weight 'conv/bias' holds NaN at flat index 1");
  }

  @Test
  void infiniteWeightIsRefused() throws IOException {
    Path shard = folder.dir.resolve("group1-shard1of1.bin");
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(shard)).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putFloat(4 * 30, Float.NEGATIVE_INFINITY);
    Files.write(shard, bytes.array());
    folder.assertFails("weight 'dense/kernel' holds -Infinity at flat index 3");
  }

  @Test
  void unsupportedLayerClassIsNamed() throws IOException {
    ModelFolder.layers(json).get(1).getAsJsonObject().addProperty("class_name", "GlobalPooling2D");
    folder.write(json);
    folder.assertFails(
        "layer 'flatten' has the unsupported class 'GlobalPooling2D'",
        "supported: InputLayer, Conv2D, Activation");
  }

  @Test
  void channelsFirstIsRefused() throws IOException {
    ModelFolder.config(json, 0).addProperty("data_format", "channels_first");
    folder.write(json);
    folder.assertFails("layer 'conv' (Conv2D)", "only data_format 'channels_last'");
  }

  @Test
  void dilationIsRefused() throws IOException {
    ModelFolder.config(json, 0).add("dilation_rate", JsonParser.parseString("[2, 2]"));
    folder.write(json);
    folder.assertFails("dilation_rate", "only dilation 1");
  }

  @Test
  void groupedConvolutionIsRefused() throws IOException {
    ModelFolder.config(json, 0).addProperty("groups", 2);
    folder.write(json);
    folder.assertFails("only groups = 1");
  }

  @Test
  void unknownActivationIsRefused() throws IOException {
    ModelFolder.config(json, 2).addProperty("activation", "gelu");
    folder.write(json);
    folder.assertFails("layer 'dense' (Dense) config.activation", "unsupported activation 'gelu'");
  }

  @Test
  void missingWeight() throws IOException {
    ModelFolder.group(json)
        .getAsJsonArray("weights")
        .get(1)
        .getAsJsonObject()
        .addProperty("name", "conv/biases");
    folder.write(json);
    folder.assertFails("layer 'conv' needs the weight 'conv/bias' of shape [3]");
  }

  @Test
  void weightShapeDisagreeingWithTheConfig() throws IOException {
    ModelFolder.config(json, 0).addProperty("filters", 4);
    folder.write(json);
    folder.assertFails("weight 'conv/kernel'", "expected shape [2, 2, 2, 4]", "found [2, 2, 2, 3]");
  }

  @Test
  void duplicateWeightName() throws IOException {
    ModelFolder.group(json)
        .getAsJsonArray("weights")
        .get(1)
        .getAsJsonObject()
        .addProperty("name", "conv/kernel");
    folder.write(json);
    folder.assertFails("the weight 'conv/kernel' is listed twice");
  }

  @Test
  void unsupportedWeightDtype() throws IOException {
    ModelFolder.group(json)
        .getAsJsonArray("weights")
        .get(1)
        .getAsJsonObject()
        .addProperty("dtype", "int32");
    folder.write(json);
    folder.assertFails("weight 'conv/bias': expected dtype float32, found 'int32'");
  }

  @Test
  void graphModelIsRefused() throws IOException {
    json.addProperty("format", "graph-model");
    folder.write(json);
    folder.assertFails("expected format 'layers-model', found 'graph-model'");
  }

  @Test
  void unknownModelClass() throws IOException {
    json.getAsJsonObject("modelTopology").addProperty("class_name", "Graph");
    folder.write(json);
    folder.assertFails("expected a 'Sequential', 'Model' or 'Functional' model, found 'Graph'");
  }

  @Test
  void labelsWithTheWrongCount() throws IOException {
    Files.writeString(folder.dir.resolve("labels.json"), "[\"a\", \"b\", \"c\"]");
    folder.assertFails("labels.json", "expected 2 class names, one per network output, found 3");
  }

  @Test
  void labelsThatAreNotAnArray() throws IOException {
    Files.writeString(folder.dir.resolve("labels.json"), "{\"0\": \"a\"}");
    folder.assertFails("labels.json", "expected a JSON array of class names");
  }

  @Test
  void labelsThatAreNotStrings() throws IOException {
    Files.writeString(folder.dir.resolve("labels.json"), "[\"a\", 2]");
    folder.assertFails("labels[1]: expected a string, found 2");
  }

  @Test
  void withoutLabelsClassesAreNumbered() throws IOException {
    Files.delete(folder.dir.resolve("labels.json"));
    assertEquals(
        java.util.List.of("class 0", "class 1"), TfjsModel.load(folder.modelJson).classLabels());
  }

  @Test
  void layerThatDoesNotFitItsInput() throws IOException {
    ModelFolder.config(json, 0).add("batch_input_shape", JsonParser.parseString("[null, 1, 1, 2]"));
    folder.write(json);
    folder.assertFails("layer 'conv' (Conv2D) config", "does not fit its input");
  }
}
