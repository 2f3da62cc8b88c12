package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edited networks against networks whose weights the test builds by hand: every layer's output of
 * the edited network equals, bit for bit, the output of a network constructed from scratch with the
 * changed weights, and the original network stays as it was.
 */
class NetworkEditTest {
  private final Network tiny = TestNetworks.tinyVgg(3, 20, 4, 5, 7);
  private final Tensor input = TestNetworks.randomInput(tiny, 3);

  @TempDir Path tmp;

  @Test
  void settingOneConvolutionWeightEqualsRecomputationAndLeavesTheOriginal() {
    Conv2D conv = (Conv2D) tiny.layer(tiny.indexOf("conv_1_2").getAsInt());
    List<Tensor> before = outputs(tiny, input);
    float[] kernelBefore = conv.kernel().toArray();

    Network edited =
        NetworkEdit.setWeight("conv_1_2", "kernel", new int[] {2, 1, 0, 2}, 0.75f).applyTo(tiny);

    float[] kernel = conv.kernel().toArray();
    int flat = ((2 * conv.inputChannels() + 1) * 3 + 0) * 3 + 2;
    kernel[flat] = 0.75f;
    Network byHand = replace(tiny, "conv_1_2", l -> conv(conv, kernel, conv.bias().toArray()));
    assertSameOutputs(byHand, edited);
    assertEquals(0.75f, ((Conv2D) edited.layer(2)).weight(2, 1, 0, 2));

    // The original: same weights, same outputs, and every layer before the edit shared.
    assertArrayEquals(kernelBefore, conv.kernel().toArray());
    assertEquals(before, outputs(tiny, input));
    assertSame(tiny.layer(0), edited.layer(0));
    assertSame(tiny.layer(5), edited.layer(5));
    assertNotSame(conv, edited.layer(2));
    assertSame(conv.bias(), ((Conv2D) edited.layer(2)).bias(), "the untouched bias is shared");
    // The first layers' outputs are the same; the ones after the edit differ.
    List<Tensor> after = outputs(edited, input);
    assertEquals(before.get(1), after.get(1));
    assertNotEquals(before.get(2), after.get(2));
    assertEquals(tiny.name(), edited.name());
    assertEquals(tiny.classLabels(), edited.classLabels());
  }

  @Test
  void biasKernelAndScaleEditsOnConvolutionAndDenseEqualRecomputation() {
    Conv2D conv = (Conv2D) tiny.layer(0);
    Dense dense = (Dense) tiny.layer(tiny.indexOf("output").getAsInt());
    float[] channelKernel = new float[3 * 3 * 3];
    for (int i = 0; i < channelKernel.length; i++) {
      channelKernel[i] = (i % 5) * 0.1f - 0.2f;
    }
    float[] unitKernel = new float[dense.inputs()];
    unitKernel[3] = 2.5f;
    EditList edits =
        EditList.of(
            NetworkEdit.setBias("conv_1_1", 1, -0.5f),
            NetworkEdit.setKernel("conv_1_1", 3, Tensor.of(Shape.of(3, 3, 3), channelKernel)),
            NetworkEdit.scaleChannel("conv_1_1", 1, 2f),
            NetworkEdit.setWeight("output", "kernel", new int[] {4, 2}, -1.25f),
            NetworkEdit.setKernel("output", 0, Tensor.of(Shape.vector(dense.inputs()), unitKernel)),
            NetworkEdit.zeroChannel("output", 4),
            NetworkEdit.setBias("output", 2, 0.3f));

    float[] convKernel = conv.kernel().toArray();
    float[] convBias = conv.bias().toArray();
    convBias[1] = -0.5f;
    System.arraycopy(channelKernel, 0, convKernel, 3 * 27, 27);
    for (int i = 27; i < 54; i++) {
      convKernel[i] *= 2f;
    }
    convBias[1] *= 2f;
    float[] denseKernel = dense.kernel().toArray();
    float[] denseBias = dense.bias().toArray();
    int units = dense.units();
    denseKernel[4 * units + 2] = -1.25f;
    for (int i = 0; i < dense.inputs(); i++) {
      denseKernel[i * units] = unitKernel[i];
      denseKernel[i * units + 4] = 0f;
    }
    denseBias[4] = 0f;
    denseBias[2] = 0.3f;
    Network byHand =
        replace(
            replace(tiny, "conv_1_1", l -> conv(conv, convKernel, convBias)),
            "output",
            l ->
                new Dense(
                    "output",
                    kernelOf(dense, denseKernel),
                    bias(denseBias),
                    Dense.class.cast(l).activation()));

    Network edited = edits.applyTo(tiny);
    assertSameOutputs(byHand, edited);
    // Applying the edits one at a time, each on the last result, gives the same network.
    Network stepwise = tiny;
    for (NetworkEdit edit : edits.edits()) {
      stepwise = edit.applyTo(stepwise);
    }
    assertSameOutputs(edited, stepwise);
    // Unit 4 silenced: its logit is exactly zero.
    assertEquals(0f, edited.trace(input).logits().orElseThrow().at(4));
  }

  @Test
  void zeroingAConvolutionChannelSilencesItsMapAndTheOrderOfEditsMatters() {
    Network silenced = NetworkEdit.zeroChannel("conv_1_1", 2).applyTo(tiny);
    Tensor map = silenced.trace(input).output("conv_1_1");
    for (float v : map.channel(2)) {
      assertEquals(0f, v);
    }
    assertArrayEquals(
        tiny.trace(input).output("conv_1_1").channel(1), map.channel(1), "other channels stay");

    NetworkEdit set = NetworkEdit.setWeight("conv_1_1", "kernel", new int[] {0, 0, 1, 1}, 4f);
    NetworkEdit half = NetworkEdit.scaleChannel("conv_1_1", 0, 0.5f);
    assertEquals(2f, ((Conv2D) EditList.of(set, half).applyTo(tiny).layer(0)).weight(0, 0, 1, 1));
    assertEquals(4f, ((Conv2D) EditList.of(half, set).applyTo(tiny).layer(0)).weight(0, 0, 1, 1));
  }

  @Test
  void editsOnStridedSamePaddedAndBiasFreeLayersEqualRecomputation() {
    Network varied = TestNetworks.varied(11);
    Tensor x = TestNetworks.randomInput(varied, 5);
    Conv2D noBias = (Conv2D) varied.layer(varied.indexOf("conv_2x3").getAsInt());
    assertTrue(!noBias.useBias());
    Network edited =
        EditList.of(
                NetworkEdit.scaleChannel("conv_2x3", 1, -3f),
                NetworkEdit.setWeight("conv_same_s2", "bias", new int[] {0}, 1.5f))
            .applyTo(varied);

    float[] kernel = noBias.kernel().toArray();
    int size = 4 * 2 * 3;
    for (int i = size; i < 2 * size; i++) {
      kernel[i] *= -3f;
    }
    Conv2D first = (Conv2D) varied.layer(0);
    float[] firstBias = first.bias().toArray();
    firstBias[0] = 1.5f;
    Network byHand =
        replace(
            replace(varied, "conv_2x3", l -> conv(noBias, kernel, null)),
            "conv_same_s2",
            l -> conv(first, first.kernel().toArray(), firstBias));
    assertSameOutputs(byHand, edited);
    assertTrue(!((Conv2D) edited.layer(varied.indexOf("conv_2x3").getAsInt())).useBias());
  }

  @Test
  void anEditListSavedAsJsonReappliesExactly() {
    EditList edits =
        EditList.of(
            NetworkEdit.setWeight("conv_2_1", "kernel", new int[] {3, 2, 2, 0}, 0.1f),
            NetworkEdit.setBias("output", 1, -3.4028235E38f),
            NetworkEdit.setKernel("conv_1_1", 0, Tensor.of(Shape.of(3, 3, 3), ramp(27, 1.0e-8f))),
            NetworkEdit.scaleChannel("conv_2_2", 3, 1f / 3f),
            NetworkEdit.zeroChannel("conv_1_2", 1));

    String json = edits.toJson();
    EditList read = EditList.fromJson(json);
    assertEquals(edits, read);
    assertEquals(json, read.toJson());
    assertTrue(json.contains("\"value\": 0.1"), json);
    assertSameOutputs(edits.applyTo(tiny), read.applyTo(tiny));
    assertEquals(EditList.empty(), EditList.fromJson(EditList.empty().toJson()));
    assertSame(tiny, EditList.empty().applyTo(tiny));
  }

  @Test
  void anEditedNetworkWrittenAsTfjsLoadsBackWithTheSameOutputs() throws IOException {
    Network edited =
        EditList.of(
                NetworkEdit.zeroChannel("conv_1_1", 0),
                NetworkEdit.setWeight("output", "kernel", new int[] {7, 3}, 9f))
            .applyTo(tiny);
    TfjsModel.save(edited, tmp.resolve("edited"));
    Network loaded = TfjsModel.load(tmp.resolve("edited"));
    assertSameOutputs(edited, loaded);
    assertEquals(9f, ((Dense) loaded.layer(loaded.indexOf("output").getAsInt())).weight(7, 3));
  }

  @Test
  void undoKeepsTheFirstEdits() {
    EditList three =
        EditList.empty()
            .plus(NetworkEdit.zeroChannel("conv_1_1", 0))
            .plus(NetworkEdit.zeroChannel("conv_1_1", 1))
            .plus(NetworkEdit.zeroChannel("conv_1_1", 2));
    assertEquals(3, three.size());
    assertEquals(three.edits().subList(0, 2), three.first(2).edits());
    assertSame(three, three.first(3));
    assertTrue(three.first(0).isEmpty());
    assertThrows(IndexOutOfBoundsException.class, () -> three.first(4));
  }

  @Test
  void editsThatDoNotFitTheNetworkSayWhatIsWrong() {
    assertMessage(
        NetworkEdit.zeroChannel("conv_9", 0),
        "edit 1 (conv_9 channel 0 silenced): the network has no layer named 'conv_9'; layers with"
            + " weights to edit: conv_1_1, conv_1_2, conv_2_1, conv_2_2, output");
    assertMessage(NetworkEdit.zeroChannel("relu_1_1", 0), "Activation 'relu_1_1' has no kernel");
    assertMessage(
        NetworkEdit.setWeight("conv_1_1", "kernel", new int[] {4, 0, 0, 0}, 1f),
        "coordinate 0 (filter) is 4, but conv_1_1/kernel has shape [4, 3, 3, 3]: it must be in"
            + " 0..3");
    assertMessage(
        NetworkEdit.setWeight("output", "kernel", new int[] {1}, 1f),
        "output/kernel has shape [16, 5] (input, unit), so an index needs 2 coordinates, got 1");
    assertMessage(
        NetworkEdit.setBias("output", 5, 1f),
        "coordinate 0 (unit) is 5, but output/bias has shape [5]: it must be in 0..4");
    assertMessage(
        NetworkEdit.scaleChannel("conv_2_2", 4, 2f),
        "Conv2D 'conv_2_2' has 4 output channels, so a channel must be in 0..3, got 4");
    assertMessage(
        NetworkEdit.setKernel("conv_1_1", 0, Tensor.zeros(Shape.of(3, 3))),
        "the kernel of one output channel of Conv2D 'conv_1_1' has shape [3, 3, 3], got [3, 3]");
    IllegalArgumentException overflow =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EditList.of(
                        NetworkEdit.setWeight("conv_1_1", "kernel", new int[] {0, 0, 0, 0}, 2f),
                        NetworkEdit.scaleChannel("conv_1_1", 0, 3e38f))
                    .applyTo(tiny));
    assertTrue(
        overflow.getMessage().endsWith("scaling weight 2.0 by 3.0E38 overflows the float range"),
        overflow.getMessage());
    Network varied = TestNetworks.varied(1);
    IllegalArgumentException noBias =
        assertThrows(
            IllegalArgumentException.class,
            () -> NetworkEdit.setBias("conv_2x3", 0, 1f).applyTo(varied));
    assertTrue(
        noBias
            .getMessage()
            .endsWith("Conv2D 'conv_2x3' has no bias (use_bias is false" + " in its model)"),
        noBias.getMessage());
    // The second edit is named when it is the one that fails, and nothing is half-applied.
    IllegalArgumentException second =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EditList.of(NetworkEdit.zeroChannel("conv_1_1", 0), NetworkEdit.setBias("x", 0, 1))
                    .applyTo(tiny));
    assertTrue(second.getMessage().startsWith("edit 2 (x bias[0] = 1.0)"), second.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> NetworkEdit.setWeight("conv_1_1", "gamma", new int[] {0}, 1f));
    assertThrows(
        IllegalArgumentException.class, () -> NetworkEdit.setBias("conv_1_1", 0, Float.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> NetworkEdit.scaleChannel("conv_1_1", 0, Float.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> NetworkEdit.zeroChannel("conv_1_1", -1));
    assertThrows(IllegalArgumentException.class, () -> NetworkEdit.zeroChannel(" ", 0));
  }

  @Test
  void malformedEditListsNameTheEditAndField() {
    assertJsonMessage("[1, 2]", "not an edit list");
    assertJsonMessage("{", "an edit list must be JSON");
    assertJsonMessage(
        "{\"format\":\"cnn-explainer-edits\",\"version\":2,\"edits\":[]}",
        "unsupported edit list version 2");
    String head = "{\"format\":\"cnn-explainer-edits\",\"version\":1,\"edits\":[";
    assertJsonMessage(
        head + "{\"edit\":\"scaleChannel\",\"layer\":\"c\",\"channel\":1}]}",
        "edit 1: missing field \"factor\"");
    assertJsonMessage(
        head
            + "{\"edit\":\"scaleChannel\",\"layer\":\"c\",\"channel\":1,\"factor\":0},"
            + "{\"edit\":\"flip\",\"layer\":\"c\"}]}",
        "edit 2: unknown edit 'flip'; expected setWeight, setKernel or scaleChannel");
    assertJsonMessage(
        head + "{\"edit\":\"scaleChannel\",\"layer\":\"c\",\"channel\":1.5,\"factor\":0}]}",
        "edit 1: \"channel\" must be a whole number, found 1.5");
    assertJsonMessage(
        head + "{\"edit\":\"scaleChannel\",\"layer\":\"c\",\"channel\":1,\"factor\":\"x\"}]}",
        "edit 1: \"factor\" must be a number, found \"x\"");
    assertJsonMessage(
        head
            + "{\"edit\":\"setKernel\",\"layer\":\"c\",\"channel\":0,\"shape\":[2],"
            + "\"values\":[1]}]}",
        "edit 1: ");
    assertJsonMessage(
        head
            + "{\"edit\":\"setWeight\",\"layer\":\"c\",\"parameter\":\"kernel\","
            + "\"index\":[0],\"value\":1e39}]}",
        "edit 1: value must be a finite number, got Infinity");
  }

  private static void assertJsonMessage(String json, String expectedStart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EditList.fromJson(json));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }

  private void assertMessage(NetworkEdit edit, String expectedPart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> edit.applyTo(tiny));
    assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
  }

  private void assertSameOutputs(Network expected, Network actual) {
    Tensor x = TestNetworks.randomInput(expected, 9);
    assertEquals(outputs(expected, x), outputs(actual, x));
    assertEquals(expected.trace(x).logits(), actual.trace(x).logits());
    for (int i = 0; i < expected.layers().size(); i++) {
      assertEquals(expected.layer(i).parameters(), actual.layer(i).parameters(), "layer " + i);
    }
  }

  private static List<Tensor> outputs(Network network, Tensor x) {
    ActivationTrace trace = network.trace(x);
    List<Tensor> outputs = new ArrayList<>();
    for (int i = 0; i < trace.size(); i++) {
      outputs.add(trace.output(i));
    }
    return outputs;
  }

  private static Network replace(Network network, String name, UnaryOperator<Layer> change) {
    List<Layer> layers = new ArrayList<>(network.layers());
    int i = network.indexOf(name).getAsInt();
    layers.set(i, change.apply(layers.get(i)));
    return new Network(network.name(), network.inputShape(), layers, network.classLabels());
  }

  private static Conv2D conv(Conv2D like, float[] kernel, float[] bias) {
    return new Conv2D(
        like.name(),
        Tensor.of(like.kernel().shape(), kernel),
        bias == null ? null : bias(bias),
        like.strideY(),
        like.strideX(),
        like.padding(),
        like.activation());
  }

  private static Tensor kernelOf(Dense like, float[] kernel) {
    return Tensor.of(like.kernel().shape(), kernel);
  }

  private static Tensor bias(float[] values) {
    return Tensor.of(Shape.vector(values.length), values);
  }

  private static float[] ramp(int n, float step) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (i - n / 2) * step;
    }
    return values;
  }
}
