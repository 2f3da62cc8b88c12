package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, part 3: small files and option values that would cost gigabytes or hours are refused up
 * front with one line. (That memory really stays bounded is shown by {@code
 * HostileInputsPropertyTest}, which runs the commands in a JVM of 512 MB.)
 */
class CostLimitsTest {
  @TempDir static Path dir;
  static Path model;
  static Path image;

  @BeforeAll
  static void files() throws IOException {
    model = CliFixtures.smallModel(dir.resolve("model"));
    image = CliFixtures.png(dir.resolve("picture.png"), 12, 10);
  }

  private static void assertExit(int code, CapturedRun run, String... fragments) {
    assertEquals(code, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.toString());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), run.toString());
    }
    assertFalse(run.err().contains("Exception"), run.toString());
  }

  @Test
  void modelFilesThatWouldCostGigabytesAreRefusedNamingTheFile() throws IOException {
    Path flatten = CliFixtures.flattenBomb(dir.resolve("flatten"));
    assertExit(
        3,
        CapturedRun.of(Main::run, "info", "-m", flatten.toString()),
        flatten.toString(),
        "67108864 outputs");
    Path repeated = CliFixtures.repeatedWeights(dir.resolve("repeated"), 1000);
    assertExit(
        3,
        CapturedRun.of(Main::run, "predict", "-m", repeated.toString(), image.toString()),
        repeated.toString(),
        "is listed twice");
    Path chain = CliFixtures.reluChain(dir.resolve("chain"), 22_000);
    assertExit(
        3,
        CapturedRun.of(
            Main::run, "render", "-m", chain.toString(), "-o", dir.resolve("c.png").toString()),
        "22000 layers");
  }

  @Test
  void optionValuesBeyondTheirCostLimitsExitWithTwo() throws IOException {
    String m = model.toString();
    String out = dir.resolve("x").toString();
    assertExit(
        2,
        CapturedRun.of(
            Main::run, "train", "--data", "fashion-mnist", "--out", out, "--image-size", "20000"),
        "--image-size must be between 16 and 1,024; got 20,000");
    assertExit(
        2,
        CapturedRun.of(Main::run, "bench", "-m", m, "--samples", "2000000000"),
        "--samples must be between 1 and 1,000,000");
    assertExit(
        2,
        CapturedRun.of(Main::run, "render", "-m", m, "-o", out, "--size", "16384x16384"),
        "more than the limit of 33,554,432");
    assertExit(
        2,
        CapturedRun.of(
            Main::run, "evaluate", "-m", m, "--data", "fashion-mnist", "--threads", "100000"),
        "--threads must be between 1 and " + Limits.maxThreads());
    assertExit(
        2,
        CapturedRun.of(
            Main::run, "train", "--data", "fashion-mnist", "--out", out, "--threads", "100000"),
        "--threads");
    assertExit(
        2,
        CapturedRun.of(Main::run, "bench", "-m", m, "--warmup", "1e300"),
        "--warmup must be between");
    assertExit(
        2,
        CapturedRun.of(Main::run, "bench", "--train", "--train-seconds", "NaN"),
        "--train-seconds");
  }

  @Test
  void benchStopsTimingWhenItsTimeIsUpWithAtLeastOneSample() throws IOException {
    Network network = TfjsModel.load(model);
    TraceBenchmark.Result result =
        new TraceBenchmark(network, TraceBenchmark.randomInput(network.inputShape(), 1))
            .run(0, Limits.MAX_BENCH_SAMPLES, 0, 0.2);
    assertTrue(result.samples() >= 1 && result.samples() < Limits.MAX_BENCH_SAMPLES, "" + result);
    TraceBenchmark.Result oneSlow =
        new TraceBenchmark(network, TraceBenchmark.randomInput(network.inputShape(), 1))
            .run(0, 5, 0, 0);
    assertEquals(1, oneSlow.samples(), "a model slower than the budget still gets one sample");
  }

  @Test
  void trainRefusesANetworkItCouldNotSaveBeforeAllocatingIt() throws IOException {
    Path data = CliFixtures.imageFolder(dir.resolve("big-data"), 1, "a", "b");
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "train",
            "--data",
            data.toString(),
            "--out",
            dir.resolve("big").toString(),
            "--image-size",
            "1024",
            "--filters",
            "512",
            "--validation",
            "0");
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.err().contains("layer conv_1_1 would output 534775808 values"), run.toString());
    assertTrue(run.err().contains("use smaller images or fewer filters"), run.toString());
  }

  @Test
  void idxHeadersThatOverflowOrAskForGigabytesExitWithThree() throws IOException {
    Path fashion =
        CliFixtures.idx(dir.resolve("fashion"), "train", Integer.MAX_VALUE, 65536, 65536, 0);
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "train",
            "--data",
            "fashion-mnist",
            "--fashion-mnist-dir",
            fashion.toString(),
            "--out",
            dir.resolve("f").toString());
    assertExit(3, run, "train-images-idx3-ubyte", "implausible image header");
    Path claims = CliFixtures.idx(dir.resolve("claims"), "t10k", 2_000, 1_000, 1_000, 0);
    assertExit(
        3,
        CapturedRun.of(
            Main::run,
            "evaluate",
            "-m",
            model.toString(),
            "--data",
            "fashion-mnist",
            "--fashion-mnist-dir",
            claims.toString()),
        "t10k-images-idx3-ubyte");
  }
}
