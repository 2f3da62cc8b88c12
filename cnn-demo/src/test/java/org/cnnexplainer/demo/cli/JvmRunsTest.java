package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.Test;

/** {@code bench --jvm-runs}: the child command line, the summary, and one real run of two JVMs. */
class JvmRunsTest {
  @Test
  void childrenRunTheSameCommandWithoutJvmRuns() {
    assertEquals(
        List.of("bench", "-m", "m", "--json"),
        JvmRuns.withoutJvmRuns(List.of("bench", "-m", "m", "--jvm-runs", "3", "--json")));
    assertEquals(
        List.of("bench", "--train"),
        JvmRuns.withoutJvmRuns(List.of("bench", "--jvm-runs=10", "--train")));
  }

  @Test
  void worstRunOverBestForTimesAndForRates() {
    JvmRuns.Result times =
        new JvmRuns.Result("traceMedianUs", false, List.of(), new double[] {30, 45, 31, 300});
    assertEquals(10.0, times.worstRunOverBest(), 1e-9);
    assertEquals(38.0, times.median(), 1e-9);
    JvmRuns.Result rates =
        new JvmRuns.Result("trainImagesPerSec", true, List.of(), new double[] {26_000, 13_000});
    assertEquals(2.0, rates.worstRunOverBest(), 1e-9);
    assertEquals(13_000, rates.worst(), 1e-9);
    JsonObject json = JsonParser.parseString(rates.toJson()).getAsJsonObject();
    assertEquals(2.0, json.get("worstRunOverBest").getAsDouble(), 1e-9);
  }

  @Test
  void pageFaultsAreField10OfStatEvenWithSpacesInTheName() {
    String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 123456 0 7 0 55 12 0 0 20 0 30";
    assertEquals(123_456, PageFaults.minorFaults(stat));
    assertEquals(-1, PageFaults.between(-1, 5));
    assertEquals(4, PageFaults.between(1, 5));
  }

  @Test
  void benchInTwoFreshJvmsReportsEachRunAndTheRatio(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path model = CliFixtures.smallModel(dir);
    CapturedRun result =
        CapturedRun.of(
            Main::run,
            "bench",
            "-m",
            model.toString(),
            "--jvm-runs",
            "2",
            "--json",
            "--warmup",
            "0.1",
            "--samples",
            "20",
            "--throughput-seconds",
            "0.1");
    assertEquals(0, result.code(), result.err());
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    assertEquals(2, json.get("jvmRuns").getAsInt());
    JsonArray runs = json.getAsJsonArray("runs");
    assertEquals(2, runs.size());
    double best = Double.MAX_VALUE;
    double worst = 0;
    for (int i = 0; i < 2; i++) {
      double median = runs.get(i).getAsJsonObject().get("traceMedianUs").getAsDouble();
      assertTrue(median > 0, result.out());
      assertEquals(median, json.getAsJsonArray("values").get(i).getAsDouble(), 0.051);
      assertTrue(runs.get(i).getAsJsonObject().has("timedPageFaults"), result.out());
      best = Math.min(best, median);
      worst = Math.max(worst, median);
    }
    assertEquals(worst / best, json.get("worstRunOverBest").getAsDouble(), 0.01);
  }
}
