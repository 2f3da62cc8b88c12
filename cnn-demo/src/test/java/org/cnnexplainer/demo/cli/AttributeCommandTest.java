package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.Attribution;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.GradientTimesInput;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.core.attribution.Saliency;
import org.cnnexplainer.core.attribution.SmoothGrad;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.cnnexplainer.viz.attribution.OverlayMap;
import org.cnnexplainer.viz.attribution.OverlayPainter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attribute} and {@code bench --attribution} on a small saved model: what is printed is what
 * cnn-core's attribution classes compute, in the fixtures' layout, and bad options are refused in
 * one line.
 */
class AttributeCommandTest {
  @TempDir static Path dir;
  static Path model;
  static Path image;
  static Network network;
  static Tensor input;
  static ActivationTrace trace;

  @BeforeAll
  static void saveModelAndImage() throws IOException {
    model = CliFixtures.smallModel(dir.resolve("model"));
    network = TfjsModel.load(model);
    image = CliFixtures.png(dir.resolve("picture.png"), 12, 10);
    input = ImageInput.fromFile(image, network.inputShape());
    trace = network.trace(input);
  }

  private static CapturedRun attribute(String... args) {
    List<String> all =
        new ArrayList<>(List.of("attribute", "-m", model.toString(), "-i", image.toString()));
    all.addAll(List.of(args));
    return CapturedRun.of(Main::run, all.toArray(new String[0]));
  }

  private static JsonObject json(String... args) {
    CapturedRun run = attribute(args);
    assertEquals(0, run.code(), run.toString());
    return JsonParser.parseString(run.out()).getAsJsonObject();
  }

  private static void assertMatches(Attribution expected, JsonObject json, List<Integer> shape) {
    assertEquals(expected.method().id(), json.get("method").getAsString());
    assertEquals(expected.classIndex(), json.get("class").getAsInt());
    assertEquals(expected.logit(), json.get("logit").getAsFloat());
    assertEquals(shape, ints(json.getAsJsonArray("shape")));
    assertArrayEquals(expected.values().toHwcArray(), floats(json.getAsJsonArray("values")));
  }

  @Test
  void gradientMethodsPrintTheInputShapedValuesInTfjsOrder() {
    int predicted = trace.predicted().index();
    JsonObject saliency = json("--method", "saliency", "--json");
    assertEquals(Set.of("method", "class", "logit", "shape", "values"), saliency.keySet());
    assertMatches(Saliency.of(trace, predicted), saliency, List.of(10, 12, 3));
    assertMatches(
        GradientTimesInput.of(trace, 2),
        json("--method", "gradient-x-input", "--class", "cow", "--json"),
        List.of(10, 12, 3));
    assertMatches(
        SmoothGrad.of(network, input, 1, 3, 0.3f, 5L),
        json(
            "--method",
            "smoothgrad",
            "-c",
            "1",
            "--samples",
            "3",
            "--sigma",
            "0.3",
            "--seed",
            "5",
            "--json"),
        List.of(10, 12, 3));
  }

  @Test
  void integratedGradientsAddTheBaselineLogitAndTheCompletenessGap() {
    JsonObject json = json("--method", "integrated-gradients", "-c", "0", "--steps", "7", "--json");
    IntegratedGradients expected = IntegratedGradients.of(network, input, 0, 7);
    assertMatches(expected, json, List.of(10, 12, 3));
    assertEquals(expected.baselineLogit(), json.get("baselineLogit").getAsFloat());
    assertEquals(7, json.get("steps").getAsInt());
    assertEquals(expected.completenessGap(), json.get("completenessGap").getAsDouble(), 1e-12);
  }

  @Test
  void gradCamPrintsTheMapAtTheLayerAndItsChannelWeights() {
    JsonObject json = json("--method", "grad-cam", "--class", "3", "--json");
    GradCam expected = GradCam.of(trace, 3, "relu");
    assertMatches(expected, json, List.of(8, 10));
    assertEquals("relu", json.get("layer").getAsString());
    assertArrayEquals(expected.channelWeights(), floats(json.getAsJsonArray("channelWeights")));
    GradCam pooled = GradCam.of(trace, 3, "pool");
    assertMatches(
        pooled,
        json("--method", "grad-cam", "-c", "3", "--layer", "pool", "--json"),
        List.of(4, 5));
  }

  @Test
  void occlusionPrintsTheDropGrid() {
    assertMatches(
        Occlusion.of(network, input, 1, 3, 2, 0.5f),
        json(
            "--method",
            "occlusion",
            "-c",
            "1",
            "--patch",
            "3",
            "--stride",
            "2",
            "--fill",
            "0.5",
            "--json"),
        List.of(4, 5));
    // The defaults: an 8 x 8 black square at stride 4 fits once down and twice across 10 x 12.
    assertEquals(
        List.of(1, 2), ints(json("--method", "occlusion", "--json").getAsJsonArray("shape")));
  }

  @Test
  void theSummaryNamesTheNumbersThatMatter() {
    CapturedRun ig = attribute("--method", "integrated-gradients", "--class", "dog");
    assertEquals(0, ig.code(), ig.toString());
    assertTrue(ig.out().startsWith("Integrated gradients of class 1 (dog), logit "), ig.out());
    assertTrue(ig.out().contains("32 steps: sum "), ig.out());
    assertTrue(ig.out().contains("(completeness gap)"), ig.out());
    CapturedRun cam = attribute("--method", "grad-cam");
    assertTrue(cam.out().contains("layer relu, channel weights "), cam.out());
  }

  @Test
  void outDrawsTheOverlayWithTheExactColours() throws IOException {
    Path png = dir.resolve("out/overlay.png");
    Files.createDirectories(png.getParent());
    CapturedRun run = attribute("--method", "grad-cam", "-c", "2", "--out", png.toString());
    assertEquals(0, run.code(), run.toString());
    BufferedImage picture = ImageIO.read(png.toFile());
    int scale = 512 / 12;
    assertTrue(picture.getWidth() >= 12 * scale, "width " + picture.getWidth());
    OverlayMap map =
        OverlayMap.of(GradCam.of(trace, 2, "relu"), input, OverlayMap.Channels.SUM, false);
    // The pixel the overlay colours most strongly fills a scale x scale square in the picture.
    int best = 0;
    for (int p = 1; p < 120; p++) {
      if (Math.abs(map.value(p / 12, p % 12)) > Math.abs(map.value(best / 12, best % 12))) {
        best = p;
      }
    }
    int colour = OverlayPainter.blend(map, best / 12, best % 12);
    int count = 0;
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        count += (picture.getRGB(x, y) & 0xffffff) == colour ? 1 : 0;
      }
    }
    assertTrue(count >= scale * scale, count + " pixels of " + Integer.toHexString(colour));
  }

  @Test
  void badOptionsAndModelsAreRefusedInOneLine() throws IOException {
    List<CapturedRun> runs = new ArrayList<>();
    runs.add(
        expect(2, "--method: unknown method 'lime'; use one of saliency,", "--method", "lime"));
    runs.add(
        expect(
            2,
            "--steps applies to --method integrated-gradients only, not saliency",
            "--method",
            "saliency",
            "--steps",
            "4"));
    runs.add(
        expect(
            2,
            "--steps must be between 1 and 4,096; got 0",
            "--method",
            "integrated-gradients",
            "--steps",
            "0"));
    runs.add(
        expect(
            2,
            "--patch must be between 1 and 10; got 11",
            "--method",
            "occlusion",
            "--patch",
            "11"));
    runs.add(expect(2, "--fill must be a finite number", "--method", "occlusion", "--fill", "NaN"));
    runs.add(
        expect(
            2,
            "'flatten' is not a layer with maps; use one of: conv, relu, pool",
            "--method",
            "grad-cam",
            "--layer",
            "flatten"));
    runs.add(
        expect(
            2, "--absolute applies to the picture (--out)", "--method", "saliency", "--absolute"));
    runs.add(
        expect(2, "--class must be between 0 and 3; got 4", "--method", "saliency", "-c", "4"));
    runs.add(expect(2, "", "--method", "saliency", "-o", model.resolve("model.json").toString()));
    TfjsModel.save(CliFixtures.withoutSoftmax(network), dir.resolve("linear"));
    CapturedRun plain =
        CapturedRun.of(
            Main::run,
            "attribute",
            "-m",
            dir.resolve("linear").toString(),
            "-i",
            image.toString(),
            "--method",
            "saliency");
    assertEquals(3, plain.code(), plain.toString());
    assertTrue(plain.err().contains("does not end in a softmax"), plain.err());
    runs.add(plain);
    for (CapturedRun run : runs) {
      assertEquals(1, run.errLines(), run.err());
      assertEquals("", run.out(), run.toString());
    }
  }

  private static CapturedRun expect(int code, String message, String... args) {
    CapturedRun run = attribute(args);
    assertEquals(code, run.code(), run.toString());
    assertTrue(run.err().contains(message), run.err());
    return run;
  }

  @Test
  void benchAttributionReportsEachMethodAndItsRatioToTheTrace() {
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "bench",
            "--attribution",
            "--json",
            "-m",
            model.toString(),
            "--warmup",
            "0",
            "--samples",
            "5");

    assertEquals(0, run.code(), run.toString());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertTrue(
        json.keySet()
            .containsAll(
                Set.of(
                    "saliencyMedianUs",
                    "gradCamMedianUs",
                    "integratedGradientsMedianMs",
                    "occlusionMedianMs",
                    "traceMedianUs")),
        json.toString());
    double trace = json.get("traceMedianUs").getAsDouble();
    assertTrue(trace > 0, run.out());
    // The ratio is computed before the medians are rounded to 0.1 us for printing.
    double ratio = json.get("saliencyMedianUs").getAsDouble() / trace;
    assertEquals(ratio, json.get("saliencyPerTrace").getAsDouble(), 0.01 + ratio * 0.1 / trace);
  }

  private static List<Integer> ints(JsonArray array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(v -> values.add(v.getAsInt()));
    return values;
  }

  private static float[] floats(JsonArray array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsFloat();
    }
    return values;
  }
}
