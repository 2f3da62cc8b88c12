package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Acceleration;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the core issue, run in-process on a small model saved by the TF.js writer. */
class CommandLineTest {
  @TempDir static Path dir;
  static Path modelDir;
  static Path image;
  static Network network;

  @BeforeAll
  static void saveModelAndImage() throws IOException {
    network = CliFixtures.smallNetwork(CliFixtures.LABELS);
    modelDir = dir.resolve("model");
    TfjsModel.save(network, modelDir);
    BufferedImage picture = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(3);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 12; x++) {
        picture.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    image = dir.resolve("picture.png");
    ImageIO.write(picture, "png", image.toFile());
  }

  @Test
  void predictPrintsTopClassesFromTheNetwork() throws IOException {
    CapturedRun result =
        run("predict", "--model", modelDir.toString(), "--top", "2", image.toString());

    assertEquals(0, result.code(), result.err());
    ActivationTrace trace = network.trace(ImageInput.fromFile(image, network.inputShape()));
    assertTrue(result.out().startsWith(image + ": " + trace.predicted().label()), result.out());
    assertEquals(
        3, result.out().lines().count(), "one header and two class lines:\n" + result.out());
    assertTrue(result.out().contains(trace.topK(2).get(1).label()), result.out());
  }

  @Test
  void predictJsonHasOneObjectPerImageWithTheRealProbabilities() throws IOException {
    CapturedRun result =
        run("predict", "--json", "-m", modelDir.toString(), image.toString(), image.toString());

    assertEquals(0, result.code(), result.err());
    JsonArray array = JsonParser.parseString(result.out()).getAsJsonArray();
    assertEquals(2, array.size());
    JsonObject first = array.get(0).getAsJsonObject();
    ActivationTrace trace = network.trace(ImageInput.fromFile(image, network.inputShape()));
    assertEquals(image.toString(), first.get("image").getAsString());
    JsonObject predicted = first.getAsJsonObject("predicted");
    assertEquals(trace.predicted().index(), predicted.get("index").getAsInt());
    assertEquals(trace.predicted().label(), predicted.get("label").getAsString());
    JsonArray probabilities = first.getAsJsonArray("probabilities");
    assertEquals(network.classLabels().size(), probabilities.size());
    for (int i = 0; i < probabilities.size(); i++) {
      assertEquals(trace.probabilities().at(i), probabilities.get(i).getAsFloat());
    }
  }

  @Test
  void traceWritesEveryLayerInTfjsOrder() throws IOException {
    Path out = dir.resolve("out/trace.json");
    CapturedRun result =
        run("trace", "-m", modelDir.toString(), "-i", image.toString(), "-o", out.toString());

    assertEquals(0, result.code(), result.err());
    JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    ActivationTrace trace = network.trace(ImageInput.fromFile(image, network.inputShape()));
    JsonArray layers = json.getAsJsonArray("layers");
    assertEquals(trace.size(), layers.size());
    for (int i = 0; i < layers.size(); i++) {
      JsonObject layer = layers.get(i).getAsJsonObject();
      assertEquals(network.layer(i).name(), layer.get("name").getAsString());
      assertEquals(network.layer(i).kind(), layer.get("kind").getAsString());
      float[] hwc = trace.output(i).toHwcArray();
      JsonArray data = layer.getAsJsonArray("data");
      assertEquals(hwc.length, data.size());
      for (int k = 0; k < hwc.length; k++) {
        assertEquals(hwc[k], data.get(k).getAsFloat(), "layer " + i + " value " + k);
      }
    }
    assertEquals("[8,10,3]", layers.get(0).getAsJsonObject().get("shape").toString());
    assertTrue(json.has("logits"), "the network ends in a fused softmax");
    // the command writes the core's format: it reads back as the same trace
    try (java.io.Reader in = Files.newBufferedReader(out)) {
      org.cnnexplainer.core.SavedTrace back = org.cnnexplainer.core.TraceJson.read(in, network);
      assertEquals(image.toString(), back.inputName());
      assertEquals(trace.topK(3), back.trace().topK(3));
    }
  }

  @Test
  void infoListsLayersWithShapesAndTotals() throws IOException {
    CapturedRun result = run("info", "--model", modelDir.resolve("model.json").toString());

    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("input 10x12x3"), result.out());
    assertTrue(result.out().contains("8x10x3"), result.out());
    assertTrue(result.out().contains(String.format("%,d", network.parameterCount())), result.out());
    assertTrue(result.out().contains(String.format("%,d", network.multiplyAdds())), result.out());
  }

  @Test
  void benchReportsPositiveFiguresAsJson() throws IOException {
    CapturedRun result =
        run(
            "bench",
            "-m",
            modelDir.toString(),
            "--json",
            "--warmup",
            "0.2",
            "--samples",
            "50",
            "--throughput-seconds",
            "0.3");

    assertEquals(0, result.code(), result.err());
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    double median = json.get("traceMedianUs").getAsDouble();
    assertTrue(median > 0, result.out());
    assertTrue(json.get("traceP90Us").getAsDouble() >= median, result.out());
    assertTrue(json.get("predictImagesPerSec").getAsDouble() > 0, result.out());
    assertEquals(Acceleration.vectorApi(), json.get("vectorApi").getAsBoolean(), result.out());
    assertTrue(json.get("timedPageFaults").getAsLong() >= -1, result.out());
  }

  @Test
  void benchRenderReportsPaintAndSwitchMedians() throws IOException {
    CapturedRun result = run("bench", "-m", modelDir.toString(), "--render", "--json");

    assertEquals(0, result.code(), result.err());
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    assertTrue(json.get("overviewPaintMedianMs").getAsDouble() > 0, result.out());
    assertTrue(json.get("traceSwitchMedianMs").getAsDouble() > 0, result.out());
  }

  @Test
  void badModelExitsWithThreeAndOneLineNamingTheFile() throws IOException {
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("model.json"), "{\"modelTopology\": ");

    CapturedRun result = run("predict", "-m", broken.toString(), image.toString());

    assertEquals(3, result.code());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains(broken.resolve("model.json").toString()), result.err());
  }

  @Test
  void rejectedModelsExitWithThreeAndExactlyOneLine() throws IOException {
    String good = Files.readString(modelDir.resolve("model.json"));
    String[] mutants = {
      good.replace("\"Flatten\"", "\"Flat\\nten\\r\\u0007\""), // a class name with line breaks
      good.replace("group1-shard1of1.bin", "../group1-shard1of1.bin"),
      good.replace("\"filters\":3", "\"filters\":3.5"),
      "[".repeat(100_000),
      ""
    };
    for (int i = 0; i < mutants.length; i++) {
      assertTrue(i >= 3 || !mutants[i].equals(good), "mutant " + i + " changed nothing");
      Path folder = Files.createDirectories(dir.resolve("mutant-" + i));
      Files.writeString(folder.resolve("model.json"), mutants[i]);
      Files.copy(modelDir.resolve("group1-shard1of1.bin"), folder.resolve("group1-shard1of1.bin"));

      CapturedRun result = run("predict", "-m", folder.toString(), image.toString());

      assertEquals(3, result.code(), "mutant " + i + ": " + result.err());
      assertEquals(1, result.err().lines().count(), "mutant " + i + ": " + result.err());
      assertTrue(result.err().startsWith("cnn-explainer: " + folder), result.err());
      assertTrue(result.out().isEmpty(), result.out());
    }
  }

  @Test
  void badImageExitsWithThreeAndNamesTheImage() throws IOException {
    Path notAnImage = dir.resolve("notes.png");
    Files.writeString(notAnImage, "these are not pixels");

    CapturedRun result = run("predict", "-m", modelDir.toString(), notAnImage.toString());

    assertEquals(3, result.code());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains(notAnImage.toString()), result.err());
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    assertEquals(2, run("predict").code());
    assertEquals(
        2, run("predict", "-m", modelDir.toString(), "--top", "0", image.toString()).code());
    assertEquals(2, run("no-such-command").code());
  }

  @Test
  void helpAndVersionExitWithZero() throws IOException {
    CapturedRun help = run("--help");
    assertEquals(0, help.code());
    for (String command : List.of("predict", "trace", "info", "bench")) {
      assertTrue(help.out().contains(command), help.out());
    }
    CapturedRun version = run("--version");
    assertEquals(0, version.code());
    assertFalse(version.out().isBlank());
  }

  private static CapturedRun run(String... args) {
    return CapturedRun.of(Main::run, args);
  }
}
