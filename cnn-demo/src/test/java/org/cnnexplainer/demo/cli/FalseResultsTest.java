package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, part 2: no command reports a result it did not compute, with exit code 0. */
class FalseResultsTest {
  @TempDir static Path dir;
  static Path overflowing;
  static Path brightImage;

  @BeforeAll
  static void files() throws IOException {
    // Every weight 3e38: the dense layer's sum overflows to infinity on a bright image.
    overflowing =
        CliFixtures.constantModel(
            dir.resolve("overflowing"), Shape.image(1, 16, 16), List.of("a", "b"), 3e38f, 0);
    brightImage = CliFixtures.grayPng(dir.resolve("bright.png"), 16, 16, 255);
  }

  private static void assertBadModel(CapturedRun run, String... fragments) {
    assertEquals(3, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.toString());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), run.toString());
    }
    assertFalse(run.out().contains("NaN"), run.toString());
  }

  @Test
  void evaluateRefusesZeroNegativeAndAbsurdThreadCounts() throws IOException {
    Path data = CliFixtures.imageFolder(dir.resolve("threads"), 2, "a", "b");
    for (String threads : List.of("0", "-1", "100000")) {
      CapturedRun run =
          CapturedRun.of(
              Main::run,
              "evaluate",
              "-m",
              overflowing.toString(),
              "--data",
              data.toString(),
              "--threads",
              threads);
      assertEquals(2, run.code(), run.toString());
      assertEquals(1, run.errLines(), run.toString());
      assertTrue(run.err().contains("--threads must be between 1 and"), run.toString());
      assertTrue(run.out().isEmpty(), "no accuracy printed: " + run.out());
    }
  }

  @Test
  void evaluateMatchesFoldersToClassesByNameNotBySortedOrder() throws IOException {
    // A model that always predicts its class 0, "zebra"; the folders sort as apple, zebra.
    Path model =
        CliFixtures.constantModel(
            dir.resolve("zebra-model"), Shape.image(1, 16, 16), List.of("zebra", "Apple"), 0, 50);
    Path data = dir.resolve("by-name");
    CliFixtures.imageFolder(data, 3, "ZEBRA");
    CliFixtures.imageFolder(data, 1, "apple");
    CapturedRun run =
        CapturedRun.of(
            Main::run, "evaluate", "-m", model.toString(), "--data", data.toString(), "--json");
    assertEquals(0, run.code(), run.toString());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    // By name: the 3 zebras are right (0.75); by sorted order it would be the 1 apple (0.25).
    assertEquals(0.75, json.get("accuracy").getAsDouble(), 1e-12);
    assertEquals("[[3,0],[1,0]]", json.get("confusion").toString());
  }

  @Test
  void aClassWithoutImagesHasNoAccuracyRatherThanNaN() throws IOException {
    Path model =
        CliFixtures.constantModel(
            dir.resolve("three"), Shape.image(1, 16, 16), List.of("x", "y", "z"), 0, 50);
    Path data = CliFixtures.imageFolder(dir.resolve("only-x"), 2, "x");
    CapturedRun json =
        CapturedRun.of(
            Main::run, "evaluate", "-m", model.toString(), "--data", data.toString(), "--json");
    assertEquals(0, json.code(), json.toString());
    JsonArray perClass =
        JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("perClassAccuracy");
    assertEquals("[1.0,null,null]", perClass.toString());
    CapturedRun text =
        CapturedRun.of(Main::run, "evaluate", "-m", model.toString(), "--data", data.toString());
    assertTrue(text.out().contains("(no images)"), text.out());
    assertFalse(text.out().contains("NaN"), text.out());
  }

  @Test
  void aFolderNamedAfterNoClassIsRefusedNamingIt() throws IOException {
    Path data = CliFixtures.imageFolder(dir.resolve("unmatched"), 1, "a", "giraffe");
    CapturedRun run =
        CapturedRun.of(
            Main::run, "evaluate", "-m", overflowing.toString(), "--data", data.toString());
    assertBadModel(
        run, data.resolve("giraffe").toString(), "none of the model's classes ['a', 'b']");
  }

  @Test
  void nonFiniteActivationsExitWithThreeNamingTheLayerInEveryCommand() throws IOException {
    String m = overflowing.toString();
    String image = brightImage.toString();
    String expected = "model produced non-finite values at layer 1 (dense)";
    assertBadModel(CapturedRun.of(Main::run, "predict", "-m", m, image), expected, m, image);
    assertBadModel(CapturedRun.of(Main::run, "predict", "--json", "-m", m, image), expected);
    assertBadModel(
        CapturedRun.of(
            Main::run, "trace", "-m", m, "-i", image, "-o", dir.resolve("t.json").toString()),
        expected);
    assertBadModel(
        CapturedRun.of(
            Main::run, "render", "-m", m, "-i", image, "-o", dir.resolve("r.png").toString()),
        expected);
    assertBadModel(
        CapturedRun.of(Main::run, "bench", "-m", m, "-i", image, "--warmup", "0", "--samples", "1"),
        expected);
    Path data = dir.resolve("bright-data");
    CliFixtures.grayPng(data.resolve("a").resolve("1.png"), 16, 16, 255);
    assertBadModel(
        CapturedRun.of(Main::run, "evaluate", "-m", m, "--data", data.toString()),
        m,
        "non-finite values at layer 1 (dense) for image 0");
    assertBadModel(
        CapturedRun.of(Main::run, "evaluate", "--json", "-m", m, "--data", data.toString()),
        "layer 1 (dense)");
  }

  @Test
  void imagesWhoseSamplesHaveNoUsableRangeAreRefusedAndOthersNormalised() throws IOException {
    Path model =
        CliFixtures.constantModel(
            dir.resolve("gray4"), Shape.image(1, 4, 4), List.of("a", "b"), 0.01f, 0);
    Path signed = CliFixtures.grayTiff(dir.resolve("s16.tif"), DataBuffer.TYPE_SHORT, 32767);
    CapturedRun trace =
        CapturedRun.of(
            Main::run, "trace", "-m", model.toString(), "-i", signed.toString(), "-o", "-");
    assertEquals(0, trace.code(), trace.toString());
    assertEquals(
        "[1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0]",
        JsonParser.parseString(trace.out())
            .getAsJsonObject()
            .getAsJsonObject("input")
            .get("data")
            .toString());
    Path int32 = CliFixtures.grayTiff(dir.resolve("i32.tif"), DataBuffer.TYPE_INT, 7);
    assertBadModel(
        CapturedRun.of(Main::run, "predict", "-m", model.toString(), int32.toString()),
        int32.toString(),
        "32-bit integer");
    Path gif = CliFixtures.gifWithoutPixels(dir.resolve("empty.gif"));
    assertBadModel(
        CapturedRun.of(Main::run, "predict", "-m", model.toString(), gif.toString()),
        gif + ": the GIF image holds no pixel data");
  }
}
