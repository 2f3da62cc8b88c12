package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edit}: the written model holds exactly the edits, in order, and predicts like any. */
class EditCommandTest {
  @TempDir Path tmp;
  private Path model;
  private Network original;

  @BeforeEach
  void model() throws IOException {
    model = CliFixtures.smallModel(tmp.resolve("small"));
    original = TfjsModel.load(model);
  }

  @Test
  void writesTheEditedModelWithItsEditListAndPredictRunsOnIt() throws IOException {
    Path out = tmp.resolve("edited");
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "edit",
            "--model",
            model.toString(),
            // TF.js layout [kh, kw, in, out]: kernel row 0, column 1, input channel 2, filter 1.
            "--set",
            "conv/kernel[0,1,2,1]=0.5",
            "--zero-channel",
            "conv:0",
            "--set",
            "output/bias[2]=-1.25",
            "--scale-channel",
            "output:1:2",
            "--set",
            "output/kernel[7, 3]=3",
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().startsWith("Wrote " + out), run.out());

    Network edited = TfjsModel.load(out);
    Conv2D conv = (Conv2D) edited.layer(0);
    assertEquals(0.5f, conv.weight(1, 2, 0, 1));
    for (int i = 0; i < 27; i++) {
      assertEquals(0f, conv.kernel().at(i), "filter 0 silenced");
    }
    assertEquals(0f, conv.bias().at(0));
    Dense dense = (Dense) edited.layer(edited.indexOf("output").getAsInt());
    Dense before = (Dense) original.layer(original.indexOf("output").getAsInt());
    assertEquals(-1.25f, dense.bias().at(2));
    assertEquals(before.bias().at(1) * 2f, dense.bias().at(1));
    assertEquals(before.weight(5, 1) * 2f, dense.weight(5, 1));
    assertEquals(3f, dense.weight(7, 3));

    // The same edits through the library, and through the saved edit list, give the same model.
    EditList expected =
        EditList.of(
            NetworkEdit.setWeight("conv", "kernel", new int[] {1, 2, 0, 1}, 0.5f),
            NetworkEdit.zeroChannel("conv", 0),
            NetworkEdit.setBias("output", 2, -1.25f),
            NetworkEdit.scaleChannel("output", 1, 2f),
            NetworkEdit.setWeight("output", "kernel", new int[] {7, 3}, 3f));
    EditList saved = EditList.fromJson(Files.readString(out.resolve("edits.json")));
    assertEquals(expected, saved);
    Tensor input = image(original.inputShape());
    assertEquals(
        expected.applyTo(original).trace(input).probabilities(),
        edited.trace(input).probabilities());

    Path png = CliFixtures.png(tmp.resolve("x.png"), 12, 10);
    CapturedRun predict =
        CapturedRun.of(Main::run, "predict", "-m", out.toString(), png.toString());
    assertEquals(0, predict.code(), predict.toString());
    assertTrue(predict.out().contains("%"), predict.out());

    // Writing again into edit's own folder replaces it.
    CapturedRun again =
        CapturedRun.of(
            Main::run,
            "edit",
            "-m",
            model.toString(),
            "--zero-channel",
            "conv:1",
            "--out",
            "" + out);
    assertEquals(0, again.code(), again.toString());
    assertEquals(0f, ((Conv2D) TfjsModel.load(out).layer(0)).bias().at(1));
    assertEquals(before.bias().at(2), ((Dense) TfjsModel.load(out).layer(4)).bias().at(2));
  }

  @Test
  void editsApplyInTheOrderGiven() throws IOException {
    float scaledAfterSet =
        weightAfter("--set", "conv/kernel[0,0,0,2]=4", "--scale-channel", "conv:2:0.5");
    float setAfterScale =
        weightAfter("--scale-channel", "conv:2:0.5", "--set", "conv/kernel[0,0,0,2]=4");
    assertEquals(2f, scaledAfterSet);
    assertEquals(4f, setAfterScale);
  }

  private float weightAfter(String... edits) throws IOException {
    Path out = tmp.resolve("order-" + edits[0].substring(2));
    String[] args = new String[edits.length + 5];
    args[0] = "edit";
    args[1] = "-m";
    args[2] = model.toString();
    System.arraycopy(edits, 0, args, 3, edits.length);
    args[edits.length + 3] = "--out";
    args[edits.length + 4] = out.toString();
    CapturedRun run = CapturedRun.of(Main::run, args);
    assertEquals(0, run.code(), run.toString());
    return ((Conv2D) TfjsModel.load(out).layer(0)).weight(2, 0, 0, 0);
  }

  @Test
  void badEditsExitTwoWithOneLineNamingTheOption() throws IOException {
    Path out = tmp.resolve("never");
    assertUsage("nothing to edit", "edit", "-m", model.toString(), "--out", out.toString());
    assertUsage(
        "--set conv/kernel[3,0,0,0]=1: kh index 3 is outside 0..2 (the kernel of Conv2D 'conv' has"
            + " shape [3, 3, 3, 3] [kh, kw, in, out])",
        "edit",
        "-m",
        model.toString(),
        "--set",
        "conv/kernel[3,0,0,0]=1",
        "--out",
        out.toString());
    assertUsage(
        "--set conv/kernel[0,0]=1: the kernel of Conv2D 'conv' has shape [3, 3, 3, 3] [kh, kw,"
            + " in, out], so an index needs 4 numbers, got 2",
        "edit",
        "-m",
        model.toString(),
        "--set",
        "conv/kernel[0,0]=1",
        "--out",
        out.toString());
    assertUsage(
        "--set conv/gamma[0]=1: expected LAYER/kernel[i,j,...]=V or LAYER/bias[f]=V",
        "edit",
        "-m",
        model.toString(),
        "--set",
        "conv/gamma[0]=1",
        "--out",
        out.toString());
    assertUsage(
        "--set conv/bias[x]=1: 'x' is not a whole number",
        "edit",
        "-m",
        model.toString(),
        "--set",
        "conv/bias[x]=1",
        "--out",
        out.toString());
    assertUsage(
        "--set conv/bias[0]=NaN: 'NaN' is not a finite float",
        "edit",
        "-m",
        model.toString(),
        "--set",
        "conv/bias[0]=NaN",
        "--out",
        out.toString());
    assertUsage(
        "--zero-channel relu:0: Activation 'relu' has no kernel or bias to edit; layers with"
            + " weights to edit: conv, output",
        "edit",
        "-m",
        model.toString(),
        "--zero-channel",
        "relu:0",
        "--out",
        out.toString());
    assertUsage(
        "--scale-channel nope:0:2: the network has no layer named 'nope'",
        "edit",
        "-m",
        model.toString(),
        "--scale-channel",
        "nope:0:2",
        "--out",
        out.toString());
    assertUsage(
        "--zero-channel conv:3: Conv2D 'conv' has 3 output channels, so a channel must be in"
            + " 0..2, got 3",
        "edit",
        "-m",
        model.toString(),
        "--zero-channel",
        "conv:3",
        "--out",
        out.toString());
    assertUsage(
        "--scale-channel conv:1: expected LAYER:F:S",
        "edit",
        "-m",
        model.toString(),
        "--scale-channel",
        "conv:1",
        "--out",
        out.toString());
    assertUsage(
        "is the --model folder",
        "edit",
        "-m",
        model.toString(),
        "--zero-channel",
        "conv:0",
        "--out",
        model.toString());
    assertUsage(
        "is inside the --model folder",
        "edit",
        "-m",
        model.resolve("model.json").toString(),
        "--zero-channel",
        "conv:0",
        "--out",
        model.resolve("sub").toString());
    Path user = Files.createDirectories(tmp.resolve("user"));
    Files.writeString(user.resolve("notes.txt"), "mine");
    assertUsage(
        "which edit did not write",
        "edit",
        "-m",
        model.toString(),
        "--zero-channel",
        "conv:0",
        "--out",
        user.toString());
    assertFalse(Files.exists(out), "nothing written after a refusal");
    assertEquals(List.of(user.resolve("notes.txt")), Files.list(user).toList());
  }

  @Test
  void aBrokenModelExitsThree() throws IOException {
    Path broken = CliFixtures.modelJson(tmp.resolve("broken"), "{\"modelTopology\": ");
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "edit",
            "-m",
            broken.toString(),
            "--zero-channel",
            "conv:0",
            "--out",
            "" + tmp.resolve("o"));
    assertEquals(3, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.err());
  }

  @Test
  void benchEditAndDrawReportTheirPartsAndRefuseModelsTheyDoNotSuit() throws IOException {
    CapturedRun edit =
        CapturedRun.of(
            Main::run,
            "bench",
            "-m",
            model.toString(),
            "--edit",
            "--json",
            "--warmup",
            "0",
            "--samples",
            "3");
    assertEquals(0, edit.code(), edit.toString());
    JsonObject json = JsonParser.parseString(edit.out()).getAsJsonObject();
    assertEquals(
        json.get("editApplyMedianMs").getAsDouble()
            + json.get("editTraceMedianMs").getAsDouble()
            + json.get("editOverviewSwitchMedianMs").getAsDouble(),
        json.get("editUpdateMedianMs").getAsDouble(),
        0.002);
    assertEquals(
        json.get("weightEditApplyMedianMs").getAsDouble()
            + json.get("editTraceMedianMs").getAsDouble()
            + json.get("differenceSwitchMedianMs").getAsDouble(),
        json.get("weightEditDifferenceUpdateMedianMs").getAsDouble(),
        0.002);
    assertTrue(json.get("differenceSwitchMedianMs").getAsDouble() > 0, edit.out());
    // The small model takes 3-channel images: no drawing pad.
    CapturedRun draw =
        CapturedRun.of(Main::run, "bench", "-m", model.toString(), "--draw", "--samples", "3");
    assertEquals(2, draw.code(), draw.toString());
    assertTrue(draw.err().contains("--draw needs a model with small grayscale inputs"), draw.err());
    Path gray =
        CliFixtures.constantModel(
            tmp.resolve("gray"), Shape.image(1, 16, 16), List.of("a", "b"), 0.01f, 0);
    CapturedRun grayDraw =
        CapturedRun.of(
            Main::run,
            "bench",
            "-m",
            gray.toString(),
            "--draw",
            "--json",
            "--warmup",
            "0",
            "--samples",
            "3");
    assertEquals(0, grayDraw.code(), grayDraw.toString());
    assertTrue(
        JsonParser.parseString(grayDraw.out()).getAsJsonObject().has("drawUpdateMedianMs"),
        grayDraw.out());
  }

  private static void assertUsage(String expectedPart, String... args) {
    CapturedRun run = CapturedRun.of(Main::run, args);
    assertEquals(2, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.err());
    assertTrue(run.err().contains(expectedPart), run.err());
  }

  private static Tensor image(Shape shape) {
    Random random = new Random(5);
    float[] values = new float[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat();
    }
    return Tensor.of(shape, values);
  }
}
