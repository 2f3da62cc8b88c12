package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variants of model.json the reader accepts (and a few it refuses) beyond the fixtures. */
class TfjsFormatTest {
  @TempDir Path dir;

  private Network load(String topology, String weights, byte[] shard) throws IOException {
    String json =
        "{\"modelTopology\": "
            + topology
            + ", \"format\": \"layers-model\", \"weightsManifest\": [{\"paths\": [\"./w.bin\"],"
            + " \"weights\": "
            + weights
            + "}]}";
    Files.writeString(dir.resolve("model.json"), json);
    Files.write(dir.resolve("w.bin"), shard);
    return TfjsModel.load(dir.resolve("model.json"));
  }

  private InvalidModelException fails(String topology, String weights, byte[] shard) {
    return assertThrows(InvalidModelException.class, () -> load(topology, weights, shard));
  }

  private static final String DENSE_5_3 =
      "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"q\", \"layers\": [{\"class_name\":"
          + " \"Dense\", \"config\": {\"name\": \"d\", \"units\": 3, \"batch_input_shape\": [null,"
          + " 5]}}]}}";

  private static ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void uint8QuantizedKernelBeforeAnUnalignedFloatBias() throws IOException {
    ByteBuffer b = buffer(15 + 12);
    for (int i = 0; i < 15; i++) {
      b.put((byte) (i * 17));
    }
    b.putFloat(0.5f).putFloat(-1.5f).putFloat(2.25f);
    Network n =
        load(
            DENSE_5_3,
            "[{\"name\": \"d/kernel\", \"shape\": [5, 3], \"dtype\": \"float32\", \"quantization\":"
                + " {\"dtype\": \"uint8\", \"scale\": 0.01, \"min\": -1.2}}, {\"name\": \"d/bias\","
                + " \"shape\": [3], \"dtype\": \"float32\"}]",
            b.array());
    Dense d = (Dense) n.layer(0);
    for (int i = 0; i < 15; i++) {
      assertEquals((float) (i * 17 * 0.01 + -1.2), d.kernel().at(i), "kernel " + i);
    }
    assertEquals(
        List.of(0.5f, -1.5f, 2.25f), List.of(d.bias().at(0), d.bias().at(1), d.bias().at(2)));
  }

  @Test
  void uint16AndFloat16Quantization() throws IOException {
    ByteBuffer b = buffer(30 + 6);
    for (int i = 0; i < 15; i++) {
      b.putShort((short) (i * 4000));
    }
    b.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3555);
    Network n =
        load(
            DENSE_5_3,
            "[{\"name\": \"d/kernel\", \"shape\": [5, 3], \"dtype\": \"float32\", \"quantization\":"
                + " {\"dtype\": \"uint16\", \"scale\": 0.0001, \"min\": -3}}, {\"name\": \"d/bias\","
                + " \"shape\": [3], \"dtype\": \"float32\", \"quantization\": {\"dtype\":"
                + " \"float16\"}}]",
            b.array());
    Dense d = (Dense) n.layer(0);
    assertEquals((float) (14 * 4000 * 0.0001 - 3), d.kernel().at(14));
    assertEquals(1f, d.bias().at(0));
    assertEquals(-2f, d.bias().at(1));
    assertEquals(0.33325195f, d.bias().at(2)); // 0x3555 = 1365/4096
  }

  @Test
  void halfPrecisionDecodingCoversSpecialValues() {
    assertEquals(65504f, ManifestReader.halfToFloat((short) 0x7bff));
    assertEquals(0x1p-24f, ManifestReader.halfToFloat((short) 0x0001));
    assertEquals(-0f, ManifestReader.halfToFloat((short) 0x8000));
    assertEquals(Float.POSITIVE_INFINITY, ManifestReader.halfToFloat((short) 0x7c00));
    assertTrue(Float.isNaN(ManifestReader.halfToFloat((short) 0x7e00)));
  }

  @Test
  void unsupportedQuantizationIsNamed() {
    InvalidModelException e =
        fails(
            DENSE_5_3,
            "[{\"name\": \"d/kernel\", \"shape\": [5, 3], \"quantization\": {\"dtype\": \"int4\"}},"
                + " {\"name\": \"d/bias\", \"shape\": [3]}]",
            new byte[72]);
    assertTrue(e.getMessage().contains("unsupported quantization 'int4'"), e.getMessage());
  }

  private static final String WEIGHTS_5_3 =
      "[{\"name\": \"d/kernel\", \"shape\": [5, 3]}, {\"name\": \"d/bias\", \"shape\": [3]}]";

  @Test
  void veryOldSequentialWithABareLayerList() throws IOException {
    Network n =
        load(
            "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": \"Dense\", \"config\":"
                + " {\"name\": \"d\", \"units\": 3, \"batch_input_shape\": [null, 5]}}]}",
            WEIGHTS_5_3,
            new byte[72]);
    assertEquals(dir.getFileName().toString(), n.name()); // no name in the file: the folder's
    assertEquals(Shape.vector(5), n.inputShape());
  }

  @Test
  void sequentialWithALeadingInputLayerDropsIt() throws IOException {
    Network n =
        load(
            "{\"keras_version\": \"2.13\", \"model_config\": {\"class_name\": \"Sequential\","
                + " \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": \"InputLayer\","
                + " \"config\": {\"name\": \"in\", \"batch_input_shape\": [null, 5]}},"
                + " {\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 3}}]}}}",
            WEIGHTS_5_3,
            new byte[72]);
    assertEquals(1, n.layers().size());
    assertEquals("d", n.layer(0).name());
  }

  private static String functional(String className, String layers, String outputs) {
    return "{\"class_name\": \""
        + className
        + "\", \"config\": {\"name\": \"f\", \"layers\": ["
        + layers
        + "], \"input_layers\": [[\"in\", 0, 0]], \"output_layers\": "
        + outputs
        + "}}";
  }

  private static final String INPUT =
      "{\"name\": \"in\", \"class_name\": \"InputLayer\", \"config\": {\"name\": \"in\","
          + " \"batch_input_shape\": [null, 4, 4, 2]}, \"inbound_nodes\": []}";

  private static String pool(String name, String from) {
    return "{\"name\": \""
        + name
        + "\", \"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \""
        + name
        + "\", \"pool_size\": [2, 2]}, \"inbound_nodes\": [[[\""
        + from
        + "\", 0, 0, {}]]]}";
  }

  @Test
  void functionalChainKeepsItsInputLayerAndDefaultsPoolStrides() throws IOException {
    Network n =
        load(
            functional("Functional", INPUT + ", " + pool("p", "in"), "[[\"p\", 0, 0]]"),
            "[]",
            new byte[0]);
    assertTrue(n.layer(0) instanceof InputLayer);
    Pooling2D p = (Pooling2D) n.layer(1);
    assertEquals(2, p.strideY());
    assertEquals(Shape.image(2, 2, 2), n.outputShape());
  }

  @Test
  void branchingGraphsAreRefused() {
    String merge =
        "{\"name\": \"add\", \"class_name\": \"Add\", \"config\": {\"name\": \"add\"},"
            + " \"inbound_nodes\": [[[\"a\", 0, 0, {}], [\"b\", 0, 0, {}]]]}";
    String layers = String.join(", ", INPUT, pool("a", "in"), pool("b", "in"), merge);
    InvalidModelException e =
        fails(functional("Model", layers, "[[\"add\", 0, 0]]"), "[]", new byte[0]);
    assertTrue(
        e.getMessage().contains("'b' takes its input from 'in', expected the previous layer 'a'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("only linear chains are supported"), e.getMessage());

    String twoInputs = String.join(", ", INPUT, pool("a", "in"), merge.replace("\"b\"", "\"in\""));
    e = fails(functional("Model", twoInputs, "[[\"add\", 0, 0]]"), "[]", new byte[0]);
    assertTrue(e.getMessage().contains("layer 'add' has 2 inputs, expected 1"), e.getMessage());

    String chain = String.join(", ", INPUT, pool("a", "in"), pool("b", "a"));
    e = fails(functional("Model", chain, "[[\"a\", 0, 0], [\"b\", 0, 0]]"), "[]", new byte[0]);
    assertTrue(e.getMessage().contains("expected exactly one output layer"), e.getMessage());
  }

  private static String batchNorm(String extra) {
    return functional(
        "Model",
        INPUT
            + ", {\"name\": \"bn\", \"class_name\": \"BatchNormalization\", \"config\": {\"name\":"
            + " \"bn\", \"epsilon\": 0.5"
            + extra
            + "}, \"inbound_nodes\": [[[\"in\", 0, 0, {}]]]}",
        "[[\"bn\", 0, 0]]");
  }

  private static byte[] floats(float... values) {
    ByteBuffer b = buffer(values.length * 4);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  @Test
  void batchNormWithoutCenterAndScaleUsesOnesAndZeros() throws IOException {
    Network n =
        load(
            batchNorm(", \"axis\": [3], \"center\": false, \"scale\": false"),
            "[{\"name\": \"bn/moving_mean\", \"shape\": [2]}, {\"name\": \"bn/moving_variance\","
                + " \"shape\": [2]}]",
            floats(1, 2, 3, 4));
    BatchNormalization bn = (BatchNormalization) n.layer(1);
    assertEquals(1f, bn.gamma().at(1));
    assertEquals(0f, bn.beta().at(1));
    assertEquals(4f, bn.movingVariance().at(1));
    assertEquals(0.5f, bn.epsilon());
  }

  @Test
  void batchNormOnAnotherAxisIsRefused() {
    InvalidModelException e = fails(batchNorm(", \"axis\": 1"), "[]", new byte[0]);
    assertTrue(e.getMessage().contains("normalises axis 1; only the channel axis"), e.getMessage());
    assertTrue(e.getMessage().contains("(-1 or 3"), e.getMessage());
  }

  @Test
  void weightsAreFoundByNameAcrossGroups() throws IOException {
    JsonObject root =
        JsonParser.parseString(
                "{\"modelTopology\": "
                    + DENSE_5_3
                    + ", \"weightsManifest\": [{\"paths\": [\"b.bin\"], \"weights\": [{\"name\":"
                    + " \"d/bias\", \"shape\": [3]}]}, {\"paths\": [\"k1.bin\", \"k2.bin\"],"
                    + " \"weights\": [{\"name\": \"d/kernel\", \"shape\": [5, 3]}]}]}")
            .getAsJsonObject();
    Files.writeString(dir.resolve("model.json"), root.toString());
    Files.write(dir.resolve("b.bin"), floats(7, 8, 9));
    float[] kernel = new float[15];
    for (int i = 0; i < 15; i++) {
      kernel[i] = i;
    }
    byte[] k = floats(kernel);
    Files.write(dir.resolve("k1.bin"), java.util.Arrays.copyOfRange(k, 0, 23)); // splits a float
    Files.write(dir.resolve("k2.bin"), java.util.Arrays.copyOfRange(k, 23, k.length));
    Dense d = (Dense) TfjsModel.load(dir.resolve("model.json")).layer(0);
    assertEquals(5f, d.kernel().at(5));
    assertEquals(14f, d.kernel().at(14));
    assertEquals(9f, d.bias().at(2));
  }
}
