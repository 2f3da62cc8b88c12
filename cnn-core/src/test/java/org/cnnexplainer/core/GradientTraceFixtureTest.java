package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backward pass against TensorFlow.js's {@code tf.grad} on the original CNN Explainer model
 * ({@code shared/fixtures/attribution}, whose README gives the definitions and the tolerance): for
 * three images and two classes each, the class logit, its gradient with respect to the input
 * ({@code saliency}) and with respect to the outputs of {@code relu_2_2} and {@code relu_1_2}
 * ({@code gradCam[L].gradients}).
 */
class GradientTraceFixtureTest {
  private static Path model;
  private static Path attribution;

  @BeforeAll
  static void locate() {
    model = SharedFixtures.require("fixtures/cnn-explainer/model.json");
    attribution = SharedFixtures.require("fixtures/attribution/expected.json");
  }

  /** One image and class of the fixture. */
  private record Case(String image, int classIndex, JsonObject expected) {}

  private static List<Case> cases() throws IOException {
    JsonObject root;
    try (Reader in = Files.newBufferedReader(attribution, StandardCharsets.UTF_8)) {
      root = JsonParser.parseReader(in).getAsJsonObject();
    }
    List<Case> cases = new ArrayList<>();
    for (JsonElement image : root.getAsJsonArray("images")) {
      JsonObject i = image.getAsJsonObject();
      for (JsonElement c : i.getAsJsonArray("classes")) {
        JsonObject k = c.getAsJsonObject();
        cases.add(new Case(i.get("file").getAsString(), k.get("classIndex").getAsInt(), k));
      }
    }
    return cases;
  }

  @Test
  void logitsSaliencyAndLayerGradientsMatchTensorFlowJs() throws IOException {
    Network network = TfjsModel.load(model);
    List<Case> cases = cases();
    assertEquals(6, cases.size(), "three images, two classes each");
    for (Case c : cases) {
      Tensor input = ImageInput.fromFile(model.resolveSibling(c.image()), network.inputShape());
      GradientTrace gradients = network.gradients(input, GradientTarget.logit(c.classIndex()));
      String at = c.image() + " class " + c.classIndex();

      float logit = c.expected().get("logit").getAsFloat();
      assertEquals(logit, gradients.value(), 1e-4 * Math.max(1, Math.abs(logit)), at + " logit");
      assertScaledClose(
          at + " saliency", floats(c.expected().getAsJsonArray("saliency")), gradients.input());
      JsonObject gradCam = c.expected().getAsJsonObject("gradCam");
      for (String layer : List.of("relu_2_2", "relu_1_2")) {
        JsonObject expected = gradCam.getAsJsonObject(layer);
        Tensor actual = gradients.output(layer);
        int[] shape = ints(expected.getAsJsonArray("gradientsShape"));
        assertEquals(
            List.of(shape[0], shape[1], shape[2]),
            List.of(actual.shape().height(), actual.shape().width(), actual.shape().channels()),
            at + " " + layer + " shape [H, W, K]");
        assertScaledClose(
            at + " " + layer + " gradients", floats(expected.getAsJsonArray("gradients")), actual);
      }
    }
  }

  /** The README's tolerance, in HWC. */
  private static void assertScaledClose(String what, float[] expected, Tensor actual) {
    FixtureTolerance.assertScaledClose(what, expected, actual.toHwcArray());
  }

  private static float[] floats(JsonArray array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsFloat();
    }
    return values;
  }

  private static int[] ints(JsonArray array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsInt();
    }
    return values;
  }
}
