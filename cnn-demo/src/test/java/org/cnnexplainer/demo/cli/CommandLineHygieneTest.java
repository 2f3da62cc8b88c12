package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11, part 4: usage errors, argument files, terminal escapes, odd model inputs. */
class CommandLineHygieneTest {
  @TempDir static Path dir;
  static Path model;
  static Path image;

  @BeforeAll
  static void files() throws IOException {
    model = CliFixtures.smallModel(dir.resolve("model"));
    image = CliFixtures.png(dir.resolve("picture.png"), 12, 10);
  }

  /** {@code train} options with one invalid value each. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "--epochs 0",
        "--batch 0",
        "--lr NaN",
        "--lr -1",
        "--lr Infinity",
        "--image-size 0",
        "--channels 2",
        "--filters 0",
        "--filters 100000",
        "--momentum 1",
        "--weight-decay NaN",
        "--validation 1",
        "--validation -0.5",
        "--patience -1",
        "--shift -1",
        "--threads 0",
        "--optimizer rmsprop",
        "--schedule wavy",
        "--arch resnet",
        "--data ",
        "--epochs abc"
      })
  void invalidOptionValuesExitWithTwoAndOneLine(String option) {
    String[] parts = option.split(" ", 2);
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "train",
            "--data",
            "fashion-mnist",
            "--out",
            dir.resolve("never").toString(),
            parts[0],
            parts[1]);
    assertEquals(2, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.toString());
    assertTrue(run.err().startsWith("cnn-explainer train: "), run.toString());
    assertTrue(run.err().contains(parts[0]) || run.err().contains("arch"), run.toString());
    assertFalse(Files.exists(dir.resolve("never")));
  }

  @Test
  void usageErrorsAreOneLineWithoutTheUsageText() {
    for (String[] args :
        new String[][] {
          {"predict"},
          {"no-such-command"},
          {"trace", "--bogus"},
          {"render", "--size", "huge"},
          {"predict", "-m", "", "x.png"}
        }) {
      CapturedRun run = CapturedRun.of(Main::run, args);
      assertEquals(2, run.code(), run.toString());
      assertEquals(1, run.errLines(), run.toString());
      assertTrue(run.err().contains("--help"), run.toString());
    }
  }

  @Test
  void argumentsStartingWithAnAtSignArePathsNotArgumentFiles() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET --json");
    CapturedRun run = CapturedRun.of(Main::run, "predict", "-m", model.toString(), "@" + secret);
    assertEquals(3, run.code(), run.toString());
    assertTrue(run.err().contains("@" + secret + ": no such image file"), run.toString());
    assertFalse(run.err().contains("TOPSECRET"), run.toString());
    assertFalse(run.out().contains("TOPSECRET"), run.toString());
    // An image really called @x.png is an image.
    Path at = Files.copy(image, dir.resolve("@x.png"));
    CapturedRun atImage =
        CapturedRun.of(Main::run, "predict", "-m", model.toString(), at.toString());
    assertEquals(0, atImage.code(), atImage.toString());
  }

  @Test
  void controlCharactersInLabelsAndNamesAreEscapedInTextOutput() throws IOException {
    List<String> forged =
        List.of("cat\n  99.99 %  forged (9)", "\u001b[31mred", "tab\there", "\u202egnp.exe");
    Path labelled = dir.resolve("forged");
    TfjsModel.save(CliFixtures.smallNetwork(forged), labelled);
    CapturedRun predict =
        CapturedRun.of(
            Main::run, "predict", "-m", labelled.toString(), "--top", "4", image.toString());
    assertEquals(0, predict.code(), predict.toString());
    assertEquals(
        5, predict.out().lines().count(), "one header and four classes:\n" + predict.out());
    assertFalse(predict.out().contains("\u001b"), predict.out());
    assertFalse(predict.out().contains("\u202e"), predict.out());
    assertTrue(predict.out().contains("cat\\n  99.99 %  forged (9)"), predict.out());
    assertTrue(predict.out().contains("\\u001b[31mred"), predict.out());
    CapturedRun info = CapturedRun.of(Main::run, "info", "-m", labelled.toString());
    assertTrue(info.out().contains("classes: cat\\n"), info.out());
    assertFalse(info.out().contains("\u001b"), info.out());
    CapturedRun trace =
        CapturedRun.of(
            Main::run,
            "trace",
            "-m",
            labelled.toString(),
            "-i",
            image.toString(),
            "-o",
            dir.resolve("forged.json").toString());
    assertEquals(1, trace.out().lines().count(), trace.out());
    // JSON keeps the labels exactly.
    CapturedRun json =
        CapturedRun.of(Main::run, "predict", "--json", "-m", labelled.toString(), image.toString());
    assertTrue(
        forged.contains(
            com.google.gson.JsonParser.parseString(json.out())
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("predicted")
                .get("label")
                .getAsString()));
  }

  @Test
  void modelsWithoutAnImageInputAreRefusedNamingTheFile() throws IOException {
    for (Shape input : List.of(Shape.image(2, 4, 4), Shape.image(4, 4, 4), Shape.vector(8))) {
      Path odd = dir.resolve("input-" + input.size() + "-" + input.rank());
      CliFixtures.constantModel(odd, input, List.of("a", "b"), 0.1f, 0);
      for (String command : List.of("predict", "trace", "render")) {
        CapturedRun run =
            switch (command) {
              case "predict" ->
                  CapturedRun.of(Main::run, "predict", "-m", odd.toString(), image.toString());
              case "trace" ->
                  CapturedRun.of(
                      Main::run,
                      "trace",
                      "-m",
                      odd.toString(),
                      "-i",
                      image.toString(),
                      "-o",
                      dir.resolve("o.json").toString());
              default ->
                  CapturedRun.of(
                      Main::run,
                      "render",
                      "-m",
                      odd.toString(),
                      "-i",
                      image.toString(),
                      "-o",
                      dir.resolve("o.png").toString());
            };
        assertEquals(3, run.code(), command + " " + input + ": " + run);
        assertEquals(1, run.errLines(), run.toString());
        assertTrue(run.err().contains(odd.toString()), run.toString());
        assertTrue(run.err().contains("the model's input has shape " + input), run.toString());
      }
    }
  }
}
