package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradients} and {@code bench --gradients} on a small saved model: the printed numbers are
 * the ones {@link Network#gradients} computes, in TF.js order, and bad options are refused.
 */
class GradientsCommandTest {
  @TempDir static Path dir;
  static Path model;
  static Path image;
  static Network network;
  static Tensor input;

  @BeforeAll
  static void saveModelAndImage() throws IOException {
    model = CliFixtures.smallModel(dir.resolve("model"));
    network = TfjsModel.load(model);
    image = CliFixtures.png(dir.resolve("picture.png"), 12, 10);
    input = ImageInput.fromFile(image, network.inputShape());
  }

  @Test
  void jsonHoldsTheLayersGradientInTfjsOrder() {
    CapturedRun run = gradients("--class", "1", "--layer", "relu", "--json");

    assertEquals(0, run.code(), run.toString());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(Set.of("class", "logit", "layer", "shape", "values"), json.keySet());
    GradientTrace expected = network.gradients(input, GradientTarget.logit(1));
    assertEquals(1, json.get("class").getAsInt());
    assertEquals(expected.value(), json.get("logit").getAsFloat());
    assertEquals("relu", json.get("layer").getAsString());
    Tensor relu = expected.output("relu");
    assertEquals(List.of(8, 10, 3), ints(json.getAsJsonArray("shape")));
    assertArrayEquals(relu.toHwcArray(), floats(json.getAsJsonArray("values")));
    assertTrue(relu.max() > 0 || relu.min() < 0, "a gradient that is not all zeros");
  }

  @Test
  void theInputGradientOfThePredictedClassIsTheDefault() {
    CapturedRun run = gradients("--json");

    assertEquals(0, run.code(), run.toString());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    int predicted = network.trace(input).predicted().index();
    assertEquals(predicted, json.get("class").getAsInt());
    assertEquals("input", json.get("layer").getAsString());
    assertEquals(List.of(10, 12, 3), ints(json.getAsJsonArray("shape")));
    assertArrayEquals(
        network.gradients(input, GradientTarget.logit(predicted)).input().toHwcArray(),
        floats(json.getAsJsonArray("values")));
  }

  @Test
  void aClassMayBeNamedByItsLabelAndTheSummaryIsReadable() throws IOException {
    Path out = dir.resolve("out/dog.txt");
    Files.createDirectories(out.getParent());
    CapturedRun run = gradients("--class", "dog", "--layer", "output", "-o", out.toString());

    assertEquals(0, run.code(), run.toString());
    String text = Files.readString(out);
    assertTrue(text.startsWith("gradient of the logit of class 1 (dog)"), text);
    assertTrue(text.contains("with respect to output"), text);
    // The logit does not depend on the probabilities that the output layer returns.
    assertTrue(text.contains("min 0.00000, max 0.00000"), text);
    assertEquals(3, text.lines().count(), text);
  }

  @Test
  void badClassesLayersAndModelsAreRefusedInOneLine() throws IOException {
    CapturedRun index = gradients("--class", "4");
    assertEquals(2, index.code(), index.toString());
    assertTrue(index.err().contains("--class must be between 0 and 3; got 4"), index.err());
    CapturedRun label = gradients("--class", "giraffe");
    assertEquals(2, label.code(), label.toString());
    assertTrue(label.err().contains("'giraffe' is neither a class index"), label.err());
    CapturedRun layer = gradients("--layer", "conv_9");
    assertEquals(2, layer.code(), layer.toString());
    assertTrue(
        layer.err().contains("no layer named 'conv_9'; use input or one of: conv, relu, pool,"),
        layer.err());
    CapturedRun overwrite = gradients("-o", model.resolve("model.json").toString());
    assertEquals(2, overwrite.code(), overwrite.toString());

    TfjsModel.save(CliFixtures.withoutSoftmax(network), dir.resolve("linear"));
    CapturedRun plain =
        CapturedRun.of(
            Main::run, "gradients", "-m", dir.resolve("linear").toString(), "-i", image.toString());
    assertEquals(3, plain.code(), plain.toString());
    assertTrue(plain.err().contains("does not end in a softmax"), plain.err());
    for (CapturedRun run : List.of(index, label, layer, overwrite, plain)) {
      assertEquals(1, run.errLines(), run.err());
    }
  }

  @Test
  void benchGradientsReportsTheBackwardPass() {
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "bench",
            "--gradients",
            "--json",
            "-m",
            model.toString(),
            "--warmup",
            "0",
            "--samples",
            "5");

    assertEquals(0, run.code(), run.toString());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(
        Set.of("gradientsMedianUs", "traceMedianUs", "traceAndGradientsMedianUs", "vectorApi"),
        json.keySet());
    assertTrue(json.get("gradientsMedianUs").getAsDouble() > 0, run.out());
  }

  private static CapturedRun gradients(String... options) {
    List<String> args =
        new ArrayList<>(List.of("gradients", "-m", model.toString(), "-i", image.toString()));
    args.addAll(List.of(options));
    return CapturedRun.of(Main::run, args.toArray(String[]::new));
  }

  private static List<Integer> ints(JsonArray array) {
    return array.asList().stream().map(e -> e.getAsInt()).toList();
  }

  private static float[] floats(JsonArray array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsFloat();
    }
    return values;
  }
}
