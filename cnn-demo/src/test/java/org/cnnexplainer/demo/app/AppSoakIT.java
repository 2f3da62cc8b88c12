package org.cnnexplainer.demo.app;

import static org.cnnexplainer.demo.app.AppHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A long session on the packaged jar under Xvfb: {@value #DEFAULT_INTERACTIONS} seeded random
 * interactions (hover and click neurons and view regions, close views, switch images singly and in
 * rapid bursts, change range mode and palette, toggle details, play, motion, theme and tutorial,
 * move with the arrow keys, resize the window through a test hook), after each operation view was
 * opened once along a learner's route (the random walk's targets depend on the machine's timing, so
 * it need not reach all six). Checks that nothing was thrown on any thread, that the used heap
 * after GC at the end is within 10 % of the one after 500 interactions, and that whenever no trace
 * is pending the trace and prediction shown belong to the chosen image. Seed and length: {@code
 * -Dsoak.seed}, {@code -Dsoak.interactions}.
 */
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(SoakTally.class)
class AppSoakIT {
  static final int DEFAULT_INTERACTIONS = 2000;
  private static final long SEED = Long.getLong("soak.seed", 20261126L);
  private static final int INTERACTIONS = Integer.getInteger("soak.interactions", 2000);
  private static final int HEAP_MARK = Math.min(500, INTERACTIONS / 4);
  static final Path TARGET = Path.of("target", "soak");

  private static AppHarness harness;
  private static HookClient hooks;
  private static Network network;
  private static final Map<String, String> labels = new HashMap<>();
  private static final Map<String, Integer> counts = new TreeMap<>();
  private static final Set<String> viewsSeen = new TreeSet<>();
  private static final List<String> stale = new ArrayList<>();
  private static final List<String> histograms = new ArrayList<>();
  private static int stateChecks;
  private static int burstsChecked;
  private static long heapAtMark;
  private static long heapAtEnd;
  private static int done;

  @BeforeAll
  static void start() throws Exception {
    Path work = AppHarness.prepare("SOAK");
    Path hookDir = Files.createDirectories(work.resolve("hooks"));
    // The serial collector compacts everything live into one space: the heap in use after a full
    // collection is then exact, where G1 counts whole regions (jumps of 2-3 MB from run to run).
    harness =
        AppHarness.start(work, List.of(HookClient.option(hookDir), "-XX:+UseSerialGC"), List.of());
    hooks = new HookClient(hookDir, harness);
    network = TfjsModel.load(AppHarness.modelJson(work));
    try (Stream<Path> files = Files.list(work.resolve("model"))) {
      for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
        String label =
            network.trace(ImageInput.fromFile(png, network.inputShape())).predicted().label();
        labels.put(png.getFileName().toString(), label);
      }
    }
    harness.awaitState(
        "the window with its neurons and 10 examples",
        s -> s.getAsJsonArray("imageButtons").size() == 10 && s.has("convNeuron"));
    harness.robot("delay 5");
    Files.createDirectories(TARGET);
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    if (harness != null) {
      harness.stop(TARGET);
    }
    System.out.println("SOAK seed " + SEED + ", " + done + " interactions: " + counts);
    System.out.println("SOAK views opened: " + viewsSeen);
    System.out.printf(
        "SOAK heap after GC: %.2f MB after %d interactions, %.2f MB at the end%n",
        heapAtMark / 1e6, HEAP_MARK, heapAtEnd / 1e6);
  }

  @Test
  @Order(1)
  void soakRunsEveryInteraction() throws Exception {
    Random random = new Random(SEED);
    long started = System.nanoTime();
    int nextShot = 250;
    SoakActions actions = new SoakActions(harness, hooks, random, counts, this::check);
    // First, so that what opening each view allocates once is in both heap measurements.
    done += actions.openEveryView(network);
    while (done < INTERACTIONS) {
      done += actions.next();
      if (done >= HEAP_MARK && heapAtMark == 0) {
        heapAtMark = heapAfterGc();
      }
      if (done >= nextShot && done < INTERACTIONS) {
        harness.robot("shot " + TARGET.resolve("shot-" + nextShot + ".png").toAbsolutePath());
        nextShot += 250;
      }
    }
    heapAtEnd = heapAfterGc();
    burstsChecked = actions.burstsChecked();
    harness.robot("shot " + TARGET.resolve("shot-end.png").toAbsolutePath());
    System.out.printf(
        "SOAK %d interactions in %.1f s%n", done, (System.nanoTime() - started) / 1e9);
    assertTrue(done >= INTERACTIONS);
  }

  @Test
  @Order(2)
  void nothingWasThrownOnAnyThread() throws IOException {
    assertTrue(done >= INTERACTIONS, "the soak did not run to the end");
    String thrown = hooks.exceptions();
    assertEquals("", thrown, "uncaught exceptions during the soak (seed " + SEED + ")");
  }

  @Test
  @Order(3)
  void heapAfterGcAtTheEndIsWithinTenPercentOfTheHeapAfter500() {
    assertTrue(heapAtMark > 0 && heapAtEnd > 0, "heap not measured");
    assertTrue(
        heapAtEnd <= heapAtMark * 1.10,
        String.format(
            "heap after GC grew from %.2f MB (after %d) to %.2f MB (end)%s",
            heapAtMark / 1e6, HEAP_MARK, heapAtEnd / 1e6, growth()));
  }

  @Test
  @Order(4)
  void theShownTraceAlwaysBelongsToTheChosenImage() {
    assertTrue(burstsChecked >= 10, "too few rapid-switch bursts were checked: " + burstsChecked);
    assertTrue(stateChecks >= INTERACTIONS / 2, "too few state checks: " + stateChecks);
    assertEquals(List.of(), stale, "states showing a trace of another image than the chosen one");
  }

  @Test
  @Order(5)
  void everyOperationViewWasOpened() {
    assertEquals(
        Set.of(
            "ConvolutionElasticView",
            "ConvolutionFormulaView",
            "ActivationFormulaView",
            "PoolingFormulaView",
            "FlattenView",
            "SoftmaxView"),
        viewsSeen);
  }

  /**
   * The GC'd heap in a like-for-like state: window at its first size (buffers follow the window
   * size), light theme, views and the tutorial closed, no edits, no trace pending.
   */
  private static long heapAfterGc() throws Exception {
    hooks.send("resize 1280 800");
    harness.robot("key ESCAPE");
    harness.robot("key ESCAPE");
    hooks.send("idle");
    JsonObject state =
        harness.awaitState("no trace pending", s -> !s.get("tracing").getAsBoolean());
    // Edits in force keep the unedited network's trace as a reference, and its tiles: undo them.
    int edits = state.get("edits").getAsInt();
    for (int i = 0; i < edits; i++) {
      harness.robot("keys CONTROL Z");
    }
    if (edits > 0) {
      state =
          harness.awaitState(
              "the edits undone, no trace pending",
              s -> s.get("edits").getAsInt() == 0 && !s.get("tracing").getAsBoolean());
    }
    for (JsonElement c : state.getAsJsonObject("targets").getAsJsonArray("controls")) {
      String name = text(c.getAsJsonObject(), "name");
      if (name.equals("Close tutorial")
          || (name.equals("Dark") && state.get("dark").getAsBoolean())) {
        SoakActions.click(harness, c.getAsJsonObject());
      }
    }
    // A theme switch or resize repaints into new buffers over several passes: let them finish.
    // Pictures drawn off the event thread (a few MB at this size) may be between their old and new
    // buffer at any one moment: the median of three collections a second apart is the settled heap.
    long[] heaps = new long[3];
    for (int i = 0; i < heaps.length; i++) {
      hooks.send("idle");
      Thread.sleep(1000);
      hooks.send("idle");
      heaps[i] = Long.parseLong(hooks.send("heap"));
    }
    Arrays.sort(heaps);
    long heap = heaps[1];
    System.out.printf("SOAK heap samples after GC: %s%n", Arrays.toString(heaps));
    String histogram = harness.classHistogram();
    histograms.add(histogram);
    Files.writeString(TARGET.resolve("histogram-" + histograms.size() + ".txt"), histogram);
    if (Boolean.getBoolean("soak.heapDump")) {
      harness.heapDump(TARGET.resolve("heap-" + histograms.size() + ".hprof"));
    }
    System.out.println(
        "SOAK live objects (class histogram): "
            + histogram.lines().filter(l -> l.startsWith("Total")).findFirst().orElse("n/a"));
    return heap;
  }

  /** The classes whose live bytes grew most between the two histograms. */
  private static String growth() {
    if (histograms.size() < 2) {
      return "";
    }
    Map<String, Long> before = bytesByClass(histograms.get(0));
    Map<String, Long> after = bytesByClass(histograms.get(1));
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(15)
        .map(e -> String.format("%n  %+,10d bytes %s", e.getValue(), e.getKey()))
        .reduce("; grown most:", String::concat);
  }

  private static Map<String, Long> bytesByClass(String histogram) {
    Map<String, Long> bytes = new HashMap<>();
    for (String line : histogram.lines().toList()) {
      String[] w = line.trim().split("\\s+");
      if (w.length >= 4 && w[0].endsWith(":")) {
        bytes.merge(w[3], Long.parseLong(w[2]), Long::sum);
      }
    }
    return bytes;
  }

  /**
   * Checks one state dump: with no trace pending, the trace is the chosen image's and the shown
   * prediction is the one the network gives for it; notes which operation views are open.
   */
  private void check(JsonObject state) {
    stateChecks++;
    JsonObject targets = state.getAsJsonObject("targets");
    for (String key : List.of("outerView", "nestedView")) {
      if (targets.has(key)) {
        viewsSeen.add(targets.get(key).getAsString());
      }
    }
    if (state.get("tracing").getAsBoolean() || text(state, "traceImage").isEmpty()) {
      return;
    }
    String image = text(state, "image");
    String traced = text(state, "traceImage");
    String prediction = text(state, "prediction");
    boolean predictionMatches =
        !prediction.startsWith("Prediction: ")
            || prediction.startsWith("Prediction: " + labels.get(traced) + " (");
    if (!image.equals(traced) || !text(state, "inputImage").equals(traced) || !predictionMatches) {
      stale.add(
          "chosen "
              + image
              + ", input "
              + text(state, "inputImage")
              + ", trace "
              + traced
              + ", shown '"
              + prediction
              + "' (the network says "
              + labels.get(image)
              + ")");
    }
  }
}
