package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, section 5: every command against generated hostile paths and option values. Each run
 * must exit with 0, 2 or 3, print at most 3 lines and no stack trace on standard error, and touch
 * no file but its intended output; outputs that must never be written (the current folder, the data
 * folder, devices, folders of the user's files) must be refused.
 *
 * <p>The pom runs this class alone in a JVM with {@code -Xmx512m} (surefire execution {@code
 * hostile-inputs}) and a scratch working folder, so a memory regression shows as an
 * OutOfMemoryError and {@code --out .} can be tried safely. First every hostile value of every
 * option with all other options valid, then seeded random combinations ({@code -Dcnn.hostile.seed},
 * {@code -Dcnn.hostile.cases}). It prints {@code HOSTILE: N inputs ...} with the exit codes.
 */
class HostileInputsPropertyTest {
  private static final long SEED = Long.getLong("cnn.hostile.seed", 11);
  private static final int RANDOM_CASES = Integer.getInteger("cnn.hostile.cases", 150);
  private static final long CASE_TIMEOUT_SECONDS = 120;

  /** A value for an option; {@code output} says whether a command may write there. */
  private record Value(String text, boolean output) {
    static Value of(Object text) {
      return new Value(text.toString(), false);
    }
  }

  /** One option and its values, the first of which is valid. */
  private record Slot(String option, List<Value> values) {}

  /** A command line to run, and the paths it may change. */
  private record Case(String command, List<String> args, List<Path> outputs, boolean mustRefuse) {}

  private final Path cwd = Path.of("").toAbsolutePath();
  private Path top; // the folder whose every file is compared before and after each run
  private long heapAfterRuns;
  private final Map<Integer, Integer> exitCounts = new TreeMap<>();
  private final Map<String, Integer> commandCounts = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  @Test
  void everyCommandSurvivesHostileInputs() throws Exception {
    // The pom's scratch working folder is target/hostile/cwd: "." and ".." are both ours.
    boolean scratch =
        cwd.getFileName().toString().equals("cwd")
            && cwd.getParent().getFileName().toString().equals("hostile");
    Path root;
    if (scratch) {
      top = cwd.getParent();
      root = cwd.resolve("sandbox");
      if (Files.exists(root)) {
        // A leftover sandbox from an earlier run; walk() never follows the links tests plant.
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } else {
      System.out.println(
          "HOSTILE: not in the scratch folder set by the pom; '--out .' and '..' are left out");
      root = Files.createTempDirectory("hostile-inputs");
      top = root;
    }
    Sandbox box = new Sandbox(root, scratch);
    Map<String, List<Slot>> commands = box.commands();
    List<Case> cases = new ArrayList<>();
    commands.forEach((command, slots) -> cases.addAll(systematic(box, command, slots)));
    Random random = new Random(SEED);
    List<String> names = new ArrayList<>(commands.keySet());
    for (int i = 0; i < RANDOM_CASES; i++) {
      String command = names.get(random.nextInt(names.size()));
      cases.add(randomCase(box, command, commands.get(command), random));
    }
    long start = System.nanoTime();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      for (Case c : cases) {
        check(c, runner);
      }
    } finally {
      runner.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "HOSTILE: %d inputs (seed %d) in %.0f s: %s; by command %s; heap in use after a run at"
            + " most %d MiB, old generation peak %d MiB, maximum heap %d MiB%n",
        cases.size(),
        SEED,
        seconds,
        exitCounts.entrySet().stream()
            .map(e -> "exit " + e.getKey() + ": " + e.getValue())
            .toList(),
        commandCounts,
        heapAfterRuns >> 20,
        oldGenerationPeak() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " of "
              + cases.size()
              + " runs broke a rule:\n"
              + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }
    assertTrue(
        exitCounts.getOrDefault(0, 0) > 0
            && exitCounts.getOrDefault(2, 0) > 0
            && exitCounts.getOrDefault(3, 0) > 0,
        "every exit code was seen: " + exitCounts);
  }

  private void check(Case c, ExecutorService runner) throws Exception {
    Map<Path, String> before = snapshot(top);
    Future<CapturedRun> future =
        runner.submit(() -> CapturedRun.of(Main::run, c.args().toArray(String[]::new)));
    CapturedRun run;
    try {
      run = future.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      fail("no answer within " + CASE_TIMEOUT_SECONDS + " s: " + c.args());
      return;
    } catch (java.util.concurrent.ExecutionException e) {
      // An OutOfMemoryError or any other throwable that escaped the command line.
      throw new AssertionError(
          "escaped the command line: " + c.args() + ": " + e.getCause(), e.getCause());
    }
    exitCounts.merge(run.code(), 1, Integer::sum);
    commandCounts.merge(c.command(), 1, Integer::sum);
    List<String> problems = new ArrayList<>();
    if (run.code() != 0 && run.code() != 2 && run.code() != 3) {
      problems.add("exit " + run.code());
    }
    if (c.mustRefuse() && run.code() == 0) {
      problems.add("wrote where it must not");
    }
    if (run.errLines() > 3) {
      problems.add(run.errLines() + " lines on stderr");
    }
    if (run.err().lines().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"))) {
      problems.add("a stack trace");
    }
    heapAfterRuns = Math.max(heapAfterRuns, heapInUse());
    Map<Path, String> after = snapshot(top);
    for (Path changed : changes(before, after)) {
      if (!allowed(changed, c, before, after)) {
        problems.add("touched " + changed);
      }
    }
    if (!problems.isEmpty()) {
      failures.add(
          problems + " for " + c.args() + "\n    " + run.err().strip().replace("\n", "\n    "));
    }
  }

  /** Paths added, removed or changed (type, size, time, mode or link target). */
  private static List<Path> changes(Map<Path, String> before, Map<Path, String> after) {
    List<Path> changed = new ArrayList<>();
    before.forEach(
        (p, state) -> {
          if (!state.equals(after.get(p))) {
            changed.add(p);
          }
        });
    after.keySet().stream().filter(p -> !before.containsKey(p)).forEach(changed::add);
    return changed;
  }

  /**
   * A change is allowed at an output, inside it, at a temporary sibling of a training output (stale
   * ones are removed), or as a folder newly created on the way to an output.
   */
  private static boolean allowed(
      Path p, Case c, Map<Path, String> before, Map<Path, String> after) {
    for (Path out : c.outputs()) {
      if (p.startsWith(out)) {
        return true;
      }
      if ((c.command().equals("train") || c.command().equals("edit"))
          && p.getParent() != null
          && p.getParent().equals(out.getParent())
          && p.getFileName().toString().startsWith("." + out.getFileName() + ".")
          && !after.containsKey(p)) {
        return true;
      }
      if (out.startsWith(p)
          && !before.containsKey(p)
          && String.valueOf(after.get(p)).startsWith("d")) {
        return true;
      }
    }
    return false;
  }

  /** Every path under {@code top} (links not followed) with its type, size, time and mode. */
  private static Map<Path, String> snapshot(Path top) throws IOException {
    Map<Path, String> state = new HashMap<>();
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String kind =
            a.isDirectory() ? "d" : a.isRegularFile() ? "f" : a.isSymbolicLink() ? "l" : "o";
        String mode = "";
        try {
          mode =
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IOException e) {
          // no POSIX modes here
        }
        String target = a.isSymbolicLink() ? Files.readSymbolicLink(p).toString() : "";
        // A folder's own time changes with every file added beside an output; its entries tell.
        long time = a.isDirectory() ? 0 : a.lastModifiedTime().toMillis();
        state.put(
            p,
            kind + " " + (a.isDirectory() ? 0 : a.size()) + " " + time + " " + mode + " " + target);
      }
    }
    return state;
  }

  private static long heapInUse() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The highest use of the old generation, where a large allocation ends up. */
  private static long oldGenerationPeak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && pool.getName().toLowerCase(Locale.ROOT).contains("old")
          && pool.getPeakUsage() != null) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
      }
    }
    return peak;
  }

  /** Each value of each slot once, the other slots at their first (valid) value. */
  private static List<Case> systematic(Sandbox box, String command, List<Slot> slots) {
    List<Case> cases = new ArrayList<>();
    for (int s = 0; s < slots.size(); s++) {
      for (int v = s == 0 ? 0 : 1; v < slots.get(s).values().size(); v++) {
        int[] choice = new int[slots.size()];
        choice[s] = v;
        cases.add(box.toCase(command, slots, choice));
      }
    }
    return cases;
  }

  /** Every slot at a random value, valid half of the time. */
  private static Case randomCase(Sandbox box, String command, List<Slot> slots, Random random) {
    int[] choice = new int[slots.size()];
    for (int s = 0; s < slots.size(); s++) {
      int n = slots.get(s).values().size();
      choice[s] = random.nextBoolean() || n == 1 ? 0 : 1 + random.nextInt(n - 1);
    }
    return box.toCase(command, slots, choice);
  }

  /** The files the cases use, made once in a fresh folder. */
  private static final class Sandbox {
    final Path root;
    final boolean scratch;
    final Path goodModel;
    final Path grayModel;
    final Path trainedModel;
    final Path goodImage;
    final Path brightImage;
    final Path dataFolder;
    final Path fashionGood;
    final Path zero;
    final Path nullDevice;
    final Map<String, Path> models = new LinkedHashMap<>();
    final Map<String, Path> images = new LinkedHashMap<>();
    final Map<String, Path> records = new LinkedHashMap<>();

    Sandbox(Path root, boolean scratch) throws IOException {
      this.root = Files.createDirectories(root);
      this.scratch = scratch;
      Path m = root.resolve("models");
      goodModel = CliFixtures.smallModel(m.resolve("good"));
      grayModel =
          CliFixtures.constantModel(
              m.resolve("gray"), Shape.image(1, 16, 16), List.of("cat", "dog"), 0.01f, 0);
      models.put(
          "overflowing",
          CliFixtures.constantModel(
              m.resolve("overflowing"), Shape.image(3, 10, 12), CliFixtures.LABELS, 3e38f, 0));
      models.put(
          "two-channel",
          CliFixtures.constantModel(
              m.resolve("two"), Shape.image(2, 4, 4), List.of("a", "b"), 0.1f, 0));
      models.put(
          "vector",
          CliFixtures.constantModel(
              m.resolve("vector"), Shape.vector(8), List.of("a", "b"), 0.1f, 0));
      models.put("flatten-bomb", CliFixtures.flattenBomb(m.resolve("flatten")));
      models.put("chain", CliFixtures.reluChain(m.resolve("chain"), 22_000));
      models.put("chain-1000", CliFixtures.reluChain(m.resolve("chain-1000"), 1000));
      models.put("many-channels", CliFixtures.manyChannels(m.resolve("wide"), 2048));
      models.put("repeated", CliFixtures.repeatedWeights(m.resolve("repeated"), 1000));
      models.put("heavy", CliFixtures.heavyWeights(m.resolve("heavy")));
      models.put("not-json", CliFixtures.modelJson(m.resolve("not-json"), "{\"modelTopology\": "));
      models.put("empty-dir", Files.createDirectories(m.resolve("empty")));
      models.put("missing", m.resolve("missing"));
      models.put("forged-labels", forged(m.resolve("forged")));
      // Device nodes made here, never the system's (see CliFixtures.device).
      Path devices = Files.createDirectories(root.resolve("devices"));
      zero = CliFixtures.device(devices.resolve("zero"), 1, 5) ? devices.resolve("zero") : null;
      nullDevice = CliFixtures.nonRegularFile(devices.resolve("null"));
      if (zero != null) {
        models.put("zero-device", zero);
      }
      Path i = Files.createDirectories(root.resolve("images"));
      goodImage = CliFixtures.png(i.resolve("good.png"), 12, 10);
      brightImage = CliFixtures.grayPng(i.resolve("bright.png"), 16, 16, 255);
      images.put("tall-gray", CliFixtures.grayPng(i.resolve("tall-gray.png"), 1, 16_000_000, 200));
      images.put("tall-rgb", CliFixtures.png(i.resolve("tall-rgb.png"), 1, 4_000_000));
      images.put("header-60000", CliFixtures.pngHeader(i.resolve("huge.png"), 60_000, 60_000));
      images.put(
          "s16",
          CliFixtures.grayTiff(i.resolve("s16.tif"), java.awt.image.DataBuffer.TYPE_SHORT, -20000));
      images.put(
          "i32", CliFixtures.grayTiff(i.resolve("i32.tif"), java.awt.image.DataBuffer.TYPE_INT, 7));
      images.put(
          "f32",
          CliFixtures.grayTiff(i.resolve("f32.tif"), java.awt.image.DataBuffer.TYPE_FLOAT, 1.0));
      images.put("gif-no-pixels", CliFixtures.gifWithoutPixels(i.resolve("empty.gif")));
      images.put("text", Files.writeString(i.resolve("text.png"), "not an image"));
      images.put("empty", Files.write(i.resolve("zero.png"), new byte[0]));
      images.put("at-sign", Files.copy(goodImage, i.resolve("@x.png")));
      images.put("folder", i);
      images.put("missing", i.resolve("missing.png"));
      images.put("link", Files.createSymbolicLink(i.resolve("link.png"), goodImage));
      if (zero != null) {
        images.put("zero-device", zero);
      }
      Path fifo = i.resolve("fifo.png");
      if (CliFixtures.fifo(fifo)) {
        images.put("fifo", fifo);
        models.put("fifo", fifo);
      }
      models.put("an-image", goodImage);
      Path d = root.resolve("data");
      dataFolder = CliFixtures.imageFolder(d.resolve("good"), 3, "cat", "dog");
      CliFixtures.imageFolder(d.resolve("tiny"), 1, "cat", "dog");
      CliFixtures.imageFolder(d.resolve("unmatched"), 1, "cat", "giraffe");
      Files.createDirectories(d.resolve("empty"));
      Path f = root.resolve("fashion");
      fashionGood = CliFixtures.idx(f.resolve("good"), "t10k", 20, 28, 28, 20 * 28 * 28);
      CliFixtures.idx(fashionGood, "train", 20, 28, 28, 20 * 28 * 28);
      CliFixtures.idx(f.resolve("overflow"), "train", Integer.MAX_VALUE, 65536, 65536, 0);
      CliFixtures.idx(f.resolve("overflow"), "t10k", Integer.MAX_VALUE, 65536, 65536, 0);
      CliFixtures.idx(f.resolve("claims"), "train", 2_000, 1_000, 1_000, 16);
      CliFixtures.idx(f.resolve("claims"), "t10k", 2_000, 1_000, 1_000, 16);
      Files.createDirectories(f.resolve("empty"));
      Path out = Files.createDirectories(root.resolve("out"));
      Files.writeString(out.resolve("existing.json"), "{}");
      if (nullDevice != null) {
        Files.createSymbolicLink(out.resolve("device-link"), nullDevice);
      }
      Files.createSymbolicLink(out.resolve("dangling"), out.resolve("nowhere"));
      CliFixtures.fifo(out.resolve("fifo"));
      Files.createDirectories(out.resolve("empty-model"));
      Path user = Files.createDirectories(root.resolve("user"));
      Files.writeString(user.resolve("thesis.txt"), "years of work");
      Files.createDirectories(out.resolve(".ours.tmp-987654321-x"));
      // A folder an earlier train run wrote.
      CapturedRun ours =
          CapturedRun.of(Main::run, CliFixtures.trainArgs(dataFolder, out.resolve("ours")));
      if (ours.code() != 0) {
        throw new IllegalStateException("cannot make the earlier run's folder: " + ours);
      }
      // A folder an earlier edit run wrote.
      CapturedRun edited =
          CapturedRun.of(
              Main::run,
              "edit",
              "-m",
              goodModel.toString(),
              "--zero-channel",
              "conv:0",
              "--out",
              out.resolve("ours-edit").toString());
      if (edited.code() != 0) {
        throw new IllegalStateException("cannot make the earlier edit's folder: " + edited);
      }
      // A trained model with its record, for render --view curves|confusion, and damaged records.
      trainedModel = m.resolve("trained");
      CapturedRun trained =
          CapturedRun.of(Main::run, CliFixtures.trainArgs(dataFolder, trainedModel));
      if (trained.code() != 0) {
        throw new IllegalStateException("cannot train the model with a record: " + trained);
      }
      records.put("record-not-json", record(m.resolve("r-text"), "{\"history\": ["));
      records.put("record-no-history", record(m.resolve("r-none"), "{\"command\": \"x\"}"));
      records.put(
          "record-wrong-types",
          record(m.resolve("r-types"), "{\"history\": [{\"epoch\": \"one\"}, null]}"));
      records.put(
          "record-bad-curve",
          record(m.resolve("r-curve"), "{\"history\": [], \"batchCurve\": [[1], \"x\"]}"));
      records.put(
          "record-ragged-confusion",
          record(
              m.resolve("r-ragged"),
              "{\"history\": [], \"evaluation\": {\"classes\": [\"a\", \"b\"], \"accuracy\": 1,"
                  + " \"perClassAccuracy\": [1, 1], \"confusion\": [[1, 0], [0]], \"count\": 2}}"));
      records.put(
          "record-many-epochs",
          record(
              m.resolve("r-many"),
              java.util.stream.IntStream.rangeClosed(1, 50_000)
                  .mapToObj(e -> "{\"epoch\": " + e + ", \"trainingLoss\": 0.5}")
                  .collect(java.util.stream.Collectors.joining(",", "{\"history\": [", "]}"))));
      if (nullDevice != null) {
        Path deviceRecord = Files.createDirectories(m.resolve("r-device"));
        CliFixtures.smallModel(deviceRecord);
        Files.createSymbolicLink(deviceRecord.resolve("training.json"), nullDevice);
        records.put("record-device", deviceRecord);
      }
    }

    /** The small model with {@code json} as its training record. */
    private static Path record(Path dir, String json) throws IOException {
      CliFixtures.smallModel(dir);
      Files.writeString(dir.resolve("training.json"), json);
      return dir;
    }

    private static Path forged(Path dir) throws IOException {
      org.cnnexplainer.core.tfjs.TfjsModel.save(
          CliFixtures.smallNetwork(List.of("cat\nforged", "\u001b[31mred", "tab\t", "\u202ex")),
          dir);
      return dir;
    }

    private List<Value> values(Path good, Map<String, Path> hostile, String... extra) {
      List<Value> values = new ArrayList<>();
      values.add(Value.of(good));
      hostile.values().forEach(p -> values.add(Value.of(p)));
      for (String e : extra) {
        values.add(Value.of(e));
      }
      return values;
    }

    /** Output files for trace, render, gradients and attribute: the first ones may be written. */
    private List<Value> outputFiles(String name) {
      Path out = root.resolve("out");
      List<Value> values = new ArrayList<>();
      values.add(new Value(out.resolve("new").resolve(name).toString(), true));
      values.add(new Value(out.resolve("existing.json").toString(), true));
      values.add(new Value("-", true));
      List<Path> refused =
          new ArrayList<>(
              List.of(
                  out,
                  Path.of("/"),
                  out.resolve("dangling"),
                  out.resolve("fifo"),
                  goodImage.resolve("x")));
      if (nullDevice != null) {
        refused.addAll(List.of(nullDevice, out.resolve("device-link")));
      }
      refused.forEach(p -> values.add(new Value(p.toString(), false)));
      if (scratch) {
        values.add(new Value(".", false));
      }
      return values;
    }

    /**
     * Output folders for train and edit: a new, an empty and an earlier run's folder may be written
     * (train refuses edit's, and edit train's).
     */
    private List<Value> outputFolders() {
      Path out = root.resolve("out");
      List<Value> values = new ArrayList<>();
      values.add(new Value(out.resolve("model-new").toString(), true));
      values.add(new Value(out.resolve("empty-model").toString(), true));
      values.add(new Value(out.resolve("ours").toString(), true));
      values.add(new Value(out.resolve("ours-edit").toString(), true));
      List<Path> refused =
          new ArrayList<>(
              List.of(
                  root.resolve("user"),
                  dataFolder,
                  dataFolder.getParent(),
                  goodModel,
                  out.resolve("existing.json"),
                  out.resolve("fifo"),
                  goodImage.resolve("model")));
      if (nullDevice != null) {
        refused.addAll(List.of(nullDevice, out.resolve("device-link")));
      }
      refused.forEach(p -> values.add(new Value(p.toString(), false)));
      if (scratch) {
        values.add(new Value(".", false));
        values.add(new Value("..", false));
      }
      return values;
    }

    private List<Value> data() {
      Path d = dataFolder.getParent();
      List<Value> values =
          new ArrayList<>(
              List.of(
                  Value.of(dataFolder),
                  Value.of(d.resolve("tiny")),
                  Value.of(d.resolve("unmatched")),
                  Value.of(d.resolve("empty")),
                  Value.of(d.resolve("missing")),
                  Value.of(goodImage),
                  Value.of("fashion-mnist"),
                  Value.of("")));
      if (zero != null) {
        values.add(Value.of(zero));
      }
      return values;
    }

    private List<Value> fashionDirs() {
      Path f = fashionGood.getParent();
      return List.of(
          Value.of(fashionGood),
          Value.of(f.resolve("overflow")),
          Value.of(f.resolve("claims")),
          Value.of(f.resolve("empty")),
          Value.of(f.resolve("missing")));
    }

    private static List<Value> list(Object... values) {
      return Arrays.stream(values).map(Value::of).toList();
    }

    Map<String, List<Slot>> commands() {
      Map<String, List<Slot>> c = new LinkedHashMap<>();
      List<Value> allModels = values(goodModel, models);
      List<Value> allImages = values(goodImage, images);
      c.put(
          "predict",
          List.of(
              new Slot("-m", allModels),
              new Slot("IMAGE", allImages),
              new Slot("IMAGE2", prepend("", allImages)),
              new Slot("--top", list(3, 0, -1, Integer.MAX_VALUE, "x")),
              new Slot("--json", list("", "--json"))));
      c.put(
          "trace",
          List.of(
              new Slot("-m", allModels),
              new Slot("-i", allImages),
              new Slot("-o", outputFiles("t.json"))));
      c.put(
          "gradients",
          List.of(
              new Slot("-m", allModels),
              new Slot("-i", allImages),
              new Slot("--class", list("", "1", "dog", "-1", "4", "99999999999", "\u001b[31m")),
              new Slot("--layer", list("", "relu", "input", "output", "no-such-layer")),
              new Slot("--json", list("", "--json")),
              new Slot("-o", prepend("", outputFiles("g.json")))));
      c.put(
          "attribute",
          List.of(
              new Slot("-m", allModels),
              new Slot("-i", allImages),
              new Slot(
                  "--method",
                  list("grad-cam", "saliency", "integrated-gradients", "occlusion", "lime", "")),
              new Slot("--class", list("", "1", "dog", "-1", "99999999999", "\u001b[31m")),
              new Slot("--steps", list("", 3, 0, 5000, "x")),
              new Slot("--patch", list("", 3, 0, 100_000)),
              new Slot("--layer", list("", "relu", "flatten", "no-such-layer")),
              new Slot("--json", list("", "--json")),
              new Slot("-o", prepend("", outputFiles("a.png")))));
      c.put("info", List.of(new Slot("-m", allModels)));
      c.put(
          "bench",
          List.of(
              new Slot("-m", allModels),
              new Slot("-i", prepend("", allImages)),
              new Slot("--warmup", list(0, -1, "NaN", "1e300")),
              new Slot("--samples", list(3, 0, 2_000_000_000)),
              new Slot("--throughput-seconds", list(0, "Infinity", -2)),
              new Slot("--train-seconds", list("0.1", "NaN", 0, 1e9)),
              new Slot(
                  "MODE",
                  list(
                      "",
                      "--render",
                      "--json",
                      "--train",
                      "--gradients",
                      "--draw",
                      "--edit",
                      "--attribution"))));
      c.put(
          "train",
          List.of(
              new Slot("--data", data()),
              new Slot("--out", outputFolders()),
              new Slot("--fashion-mnist-dir", fashionDirs()),
              new Slot("--epochs", list(1, 0, -1, Integer.MAX_VALUE, "abc")),
              new Slot("--batch", list(4, 0, 65537)),
              new Slot("--lr", list("0.01", "NaN", "-1", "Infinity", "1e30")),
              new Slot("--image-size", list(16, 0, 15, 20000, 512)),
              new Slot("--channels", list(1, 3, 2, 4)),
              new Slot("--filters", list(2, 0, 100_000, 512)),
              new Slot("--validation", list("0.25", "0", "1", "-1", "NaN")),
              new Slot("--threads", list(1, 0, -5, 100_000)),
              new Slot("--shift", list(0, -1, 5000))));
      c.put(
          "evaluate",
          List.of(
              new Slot("-m", prepend(grayModel.toString(), allModels)),
              new Slot("--data", data()),
              new Slot("--fashion-mnist-dir", fashionDirs()),
              new Slot("--threads", list(1, 0, -1, 100_000)),
              new Slot("--json", list("", "--json"))));
      c.put(
          "edit",
          List.of(
              new Slot("-m", allModels),
              new Slot(
                  "--set",
                  list(
                      "conv/kernel[0,1,2,1]=0.5",
                      "",
                      "conv/kernel[3,0,0,0]=1",
                      "conv/kernel[0,0,0,99999999999]=1",
                      "conv/bias[0]=1e39",
                      "output/bias[1]=NaN",
                      "\u001b[31m/kernel[0]=1",
                      "relu/bias[0]=1",
                      "dense/kernel[0,0]=2",
                      "x")),
              new Slot(
                  "--zero-channel", list("conv:0", "", "conv:-1", "conv:99999999999", ":", "x")),
              new Slot(
                  "--scale-channel",
                  list("output:1:2", "", "conv:0:3e38", "dense:0:1e38", "conv:0:NaN", "a:b:c")),
              new Slot("--out", outputFolders())));
      c.put(
          "render",
          List.of(
              new Slot("-m", allModels),
              new Slot("-i", prepend("", allImages)),
              new Slot("-o", outputFiles("r.png")),
              new Slot("--size", list("200x150", "16384x16384", "0x0", "99999x1", "wide")),
              new Slot("--view", list("overview", "conv", "softmax", "flatten", "bogus"))));
      List<Value> trainedModels = prepend(trainedModel.toString(), allModels);
      c.put(
          "render --view curves",
          List.of(
              new Slot("-m", values(trainedModel, records)),
              new Slot("-o", outputFiles("curves.png")),
              new Slot("--size", list("300x200", "0x0", "16384x16384")),
              new Slot("--theme", list("light", "dark", "bogus"))));
      c.put(
          "render --view confusion",
          List.of(
              new Slot("-m", trainedModels),
              new Slot("--data", data()),
              new Slot("--fashion-mnist-dir", fashionDirs()),
              new Slot("-o", outputFiles("confusion.png")),
              new Slot("--size", list("300x300", "99999x1"))));
      c.put(
          "app",
          List.of(
              new Slot("--model", prepend("", allModels)),
              new Slot("IMAGE", prepend("", allImages)),
              new Slot(
                  "--lab",
                  list(
                      "",
                      "--lab",
                      "fashion-mnist",
                      dataFolder,
                      dataFolder.getParent().resolve("missing"),
                      goodImage,
                      "a\nb\u001b[31m",
                      "@" + goodImage))));
      c.put(
          "(none)",
          List.of(
              new Slot(
                  "ARG",
                  list("", "no-such-command", "--bogus", "@" + goodImage, "--help", "--version"))));
      return c;
    }

    private static List<Value> prepend(Object first, List<Value> rest) {
      List<Value> values = new ArrayList<>();
      values.add(Value.of(first));
      values.addAll(rest);
      return values;
    }

    /** The command line for one choice of values; empty values leave their option out. */
    Case toCase(String command, List<Slot> slots, int[] choice) {
      List<String> args = new ArrayList<>();
      if (!command.equals("(none)")) {
        args.addAll(List.of(command.split(" "))); // "render --view curves": a command and a view
      }
      List<Path> outputs = new ArrayList<>();
      boolean mustRefuse = false;
      boolean fashion = false;
      for (int s = 0; s < slots.size(); s++) {
        Slot slot = slots.get(s);
        Value value = slot.values().get(choice[s]);
        boolean positional = slot.option().equals(slot.option().toUpperCase(Locale.ROOT));
        if (value.text().isEmpty() && !slot.option().equals("--data")) {
          continue;
        }
        if (positional) {
          args.add(value.text());
        } else if (value.text().startsWith("--") && !slot.option().startsWith("--out")) {
          args.add(value.text()); // a flag such as --json or --render
        } else {
          args.add(slot.option());
          args.add(value.text());
        }
        boolean writes = slot.option().equals("-o") || slot.option().equals("--out");
        if (writes && value.output() && !value.text().equals("-")) {
          outputs.add(cwd().resolve(value.text()).normalize());
        }
        if (writes && !value.output()) {
          mustRefuse = true;
        }
        fashion |= value.text().equals("fashion-mnist");
      }
      if (command.equals("train") && !args.contains("--fashion-mnist-dir")) {
        // Never the real Fashion-MNIST: 60,000 images would make this test take minutes.
        args.addAll(List.of("--fashion-mnist-dir", fashionGood.toString()));
      }
      if ((command.equals("evaluate") || command.startsWith("render"))
          && fashion
          && !args.contains("--fashion-mnist-dir")) {
        args.addAll(List.of("--fashion-mnist-dir", fashionGood.toString()));
      }
      return new Case(command, args, outputs, mustRefuse);
    }

    private static Path cwd() {
      return Path.of("").toAbsolutePath();
    }
  }
}
