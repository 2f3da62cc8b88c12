package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The trace JSON format: written, read back exactly, and refused when it does not fit. */
class TraceJsonTest {
  private static String write(ActivationTrace trace, String name) throws IOException {
    StringWriter out = new StringWriter();
    TraceJson.write(trace, name, out);
    return out.toString();
  }

  @Test
  void aTraceReadBackHoldsTheSameValues() throws IOException {
    // Both kinds of softmax: fused into the last Dense (tinyVgg) and a separate layer (varied).
    for (Network network :
        new Network[] {TestNetworks.tinyVgg(3, 16, 2, 4, 5), TestNetworks.varied(6)}) {
      ActivationTrace trace = network.trace(TestNetworks.randomInput(network, 7));
      String json = write(trace, "cat.png");

      SavedTrace saved = TraceJson.read(new StringReader(json), network);

      assertEquals("cat.png", saved.inputName());
      ActivationTrace read = saved.trace();
      assertEquals(network, read.network());
      assertEquals(trace.input().shape(), read.input().shape());
      assertArrayEquals(trace.input().toArray(), read.input().toArray());
      assertEquals(trace.size(), read.size());
      for (int i = 0; i < trace.size(); i++) {
        assertEquals(trace.output(i).shape(), read.output(i).shape(), "layer " + i);
        assertArrayEquals(trace.output(i).toArray(), read.output(i).toArray(), "layer " + i);
      }
      assertArrayEquals(
          trace.logits().orElseThrow().toArray(), read.logits().orElseThrow().toArray());
      assertEquals(trace.topK(3), read.topK(3));
      assertEquals(json, write(read, "cat.png"), "written again, byte for byte the same");
    }
  }

  @Test
  void theFileIsInTfjsOrderWithTheDocumentedFields() throws IOException {
    Network network = TestNetworks.tinyVgg(3, 16, 2, 4, 5);
    ActivationTrace trace = network.trace(TestNetworks.randomInput(network, 7));
    JsonObject root = JsonParser.parseString(write(trace, "x.png")).getAsJsonObject();
    assertEquals(TraceJson.FORMAT, root.get("format").getAsInt());
    assertEquals(network.name(), root.get("model").getAsString());
    JsonObject conv = root.getAsJsonArray("layers").get(0).getAsJsonObject();
    assertEquals("conv_1_1", conv.get("name").getAsString());
    assertEquals("[14,14,2]", conv.get("shape").toString());
    // value (channel 1, y 0, x 0) is the second in HWC order
    assertEquals(trace.output(0).get(1, 0, 0), conv.getAsJsonArray("data").get(1).getAsFloat());
    assertEquals(
        trace.predicted().label(), root.getAsJsonObject("predicted").get("label").getAsString());
  }

  @Test
  void aTraceOfAnotherNetworkOrABrokenFileIsRefusedWithWhere() throws IOException {
    Network network = TestNetworks.tinyVgg(3, 16, 2, 4, 5);
    String json = write(network.trace(TestNetworks.randomInput(network, 7)), "x.png");

    IOException other =
        assertThrows(
            IOException.class,
            () -> TraceJson.read(new StringReader(json), TestNetworks.varied(6)));
    assertTrue(other.getMessage().contains("input has shape"), other.getMessage());

    String renamed = json.replace("\"conv_1_2\"", "\"conv_x\"");
    IOException name =
        assertThrows(IOException.class, () -> TraceJson.read(new StringReader(renamed), network));
    assertEquals(
        "trace JSON: layer 2 is 'conv_x' in the file but 'conv_1_2' in network '"
            + network.name()
            + "'",
        name.getMessage());

    String truncated = json.substring(0, json.length() / 2);
    IOException broken =
        assertThrows(IOException.class, () -> TraceJson.read(new StringReader(truncated), network));
    assertTrue(broken.getMessage().startsWith("trace JSON: not valid JSON"), broken.getMessage());

    String shortData = json.replaceFirst("\"data\":\\[[-0-9.E]+,", "\"data\":[");
    IOException count =
        assertThrows(IOException.class, () -> TraceJson.read(new StringReader(shortData), network));
    assertTrue(count.getMessage().contains("values for shape [16, 16, 3]"), count.getMessage());

    IOException future =
        assertThrows(
            IOException.class,
            () ->
                TraceJson.read(
                    new StringReader(json.replace("\"format\":1", "\"format\":2")), network));
    assertTrue(future.getMessage().contains("format 2 is not supported"), future.getMessage());

    IOException array =
        assertThrows(IOException.class, () -> TraceJson.read(new StringReader("[1]"), network));
    assertEquals("trace JSON: expected an object, found an array", array.getMessage());
  }

  @Test
  void nonFiniteValuesAreWrittenAsNullAndReadAsNaN() throws IOException {
    Network network = TestNetworks.tinyVgg(3, 16, 2, 4, 5);
    ActivationTrace trace = network.trace(TestNetworks.randomInput(network, 7));
    float[] input = trace.input().toArray();
    input[0] = Float.POSITIVE_INFINITY;
    Tensor[] outputs = new Tensor[trace.size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = trace.output(i);
    }
    ActivationTrace odd =
        new ActivationTrace(network, Tensor.of(trace.input().shape(), input), outputs, null);
    String json = write(odd, "odd");
    assertTrue(json.contains("\"data\":[null,"), "infinity as null");
    assertTrue(
        Float.isNaN(TraceJson.read(new StringReader(json), network).trace().input().get(0, 0, 0)));
  }
}
