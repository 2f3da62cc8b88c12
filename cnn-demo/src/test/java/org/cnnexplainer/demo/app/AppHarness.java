package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged jar running on its own Xvfb display with a seeded model, a {@link RobotDriver} on
 * the same display, and the application's state dump ({@value StateDump#PROPERTY}); shared by the
 * end-to-end tests and the soak. The jar runs with the test classes beside it, started by {@link
 * InstrumentedLauncher}, which installs the dump (the jar itself has no test code). Starting aborts
 * the test (skips, with the reason) without the jar or Xvfb.
 */
final class AppHarness {
  private static final long TIMEOUT_MS = 45_000;
  final Path work;
  private final Process xvfb;
  private Process app;
  private Process robot;
  private PrintWriter robotIn;
  private BufferedReader robotOut;

  private AppHarness(Path work, Process xvfb) {
    this.work = work;
    this.xvfb = xvfb;
  }

  /**
   * A fresh working folder with the seeded model (seed 7, 10 examples) in {@code model/}; aborts
   * the test (skips, with the reason) without the jar or Xvfb.
   */
  static Path prepare(String tag) throws IOException {
    assumeTrue(
        Files.isRegularFile(jar()), tag + " skipped: " + jar() + " not built (run mvn verify)");
    assumeTrue(
        onPath("Xvfb").isPresent(),
        tag
            + " skipped: Xvfb is not installed (apt-get install -y xvfb xauth); .ci/run installs it");
    Path work = Files.createTempDirectory("cnn-" + tag.toLowerCase(Locale.ROOT));
    SeededModel.save(Files.createDirectories(work.resolve("model")), 7, 10);
    return work;
  }

  private static Path jar() {
    return Path.of(System.getProperty("cnn.jar", "target/cnn-explainer.jar"));
  }

  /**
   * Starts Xvfb, then {@code java [jvmArgs] -cp cnn-explainer.jar:test-classes InstrumentedLauncher
   * app --model work/model/model.json [appArgs]} and the robot on that display.
   */
  static AppHarness start(Path work, List<String> jvmArgs, List<String> appArgs) throws Exception {
    return start(work, jvmArgs, appArgs, "1280x800");
  }

  /** As {@link #start(Path, List, List)}, on a screen of {@code screen} pixels ({@code WxH}). */
  static AppHarness start(Path work, List<String> jvmArgs, List<String> appArgs, String screen)
      throws Exception {
    Process xvfb =
        new ProcessBuilder(
                onPath("Xvfb").orElseThrow().toString(),
                "-displayfd",
                "1",
                "-screen",
                "0",
                screen + "x24",
                "-dpi",
                "96",
                "-nolisten",
                "tcp")
            .redirectError(work.resolve("xvfb.log").toFile())
            .start();
    AppHarness harness = new AppHarness(work, xvfb);
    String display =
        ":" + CompletableFuture.supplyAsync(() -> firstLine(xvfb)).get(20, TimeUnit.SECONDS).trim();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes =
        new File(RobotDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Djava.util.prefs.userRoot=" + work.resolve("prefs"));
    command.add("-Dcnnexplainer.prefs=/cnnexplainer-" + work.getFileName());
    command.add("-D" + StateDump.PROPERTY + "=" + work.resolve("state.json"));
    command.add("-Dcnnexplainer.animation=off");
    command.addAll(jvmArgs);
    command.addAll(
        List.of(
            "-cp",
            jar() + File.pathSeparator + classes,
            InstrumentedLauncher.class.getName(),
            "app",
            "--model",
            modelJson(work).toString()));
    command.addAll(appArgs);
    ProcessBuilder appBuilder = new ProcessBuilder(command);
    appBuilder.environment().put("DISPLAY", display);
    appBuilder.redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
    harness.app = appBuilder.start();

    ProcessBuilder robotBuilder =
        new ProcessBuilder(java, "-cp", classes, RobotDriver.class.getName());
    robotBuilder.environment().put("DISPLAY", display);
    robotBuilder.redirectError(work.resolve("robot.log").toFile());
    harness.robot = robotBuilder.start();
    harness.robotIn =
        new PrintWriter(harness.robot.getOutputStream(), true, StandardCharsets.UTF_8);
    harness.robotOut =
        new BufferedReader(
            new InputStreamReader(harness.robot.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", harness.robotOut.readLine(), "robot driver did not start; see robot.log");
    return harness;
  }

  /** Whether a dumped {@code layout} shows the window at {@code width x height}. */
  static boolean windowIs(JsonObject layout, int width, int height) {
    return layout.has("window")
        && layout.getAsJsonObject("window").get("w").getAsInt() == width
        && layout.getAsJsonObject("window").get("h").getAsInt() == height;
  }

  static Path modelJson(Path work) {
    return work.resolve("model").resolve("model.json");
  }

  /** Stops the robot, the application and Xvfb; keeps the application's log in {@code target}. */
  void stop(Path target) throws IOException, InterruptedException {
    if (robot != null) {
      robotIn.println("quit");
      robot.waitFor(5, TimeUnit.SECONDS);
      robot.destroy();
    }
    if (app != null) {
      app.destroy();
      app.waitFor(5, TimeUnit.SECONDS);
      Files.createDirectories(target);
      Files.copy(
          work.resolve("app.log"), target.resolve("app.log"), StandardCopyOption.REPLACE_EXISTING);
    }
    xvfb.destroy();
    xvfb.waitFor(5, TimeUnit.SECONDS);
  }

  /** The application's class histogram of live objects ({@code jcmd PID GC.class_histogram}). */
  String classHistogram() throws IOException, InterruptedException {
    return jcmd("GC.class_histogram");
  }

  /** Writes the application's live objects to an HPROF file, for finding what holds them. */
  String heapDump(Path hprof) throws IOException, InterruptedException {
    Files.deleteIfExists(hprof); // jcmd does not overwrite
    return jcmd("GC.heap_dump", hprof.toAbsolutePath().toString());
  }

  private String jcmd(String... command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return "";
    }
    List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(app.pid())));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** Sends one command to the robot (see {@link RobotDriver}) and waits until it is done. */
  void robot(String command) throws IOException {
    robotIn.println(command);
    String answer = robotOut.readLine();
    assertEquals("ok", answer, "robot: " + command);
  }

  /** The last complete state dump, or {@code null} (none yet, or being replaced). */
  JsonObject state() {
    return dump("state.json");
  }

  /** The last complete dump {@code name} (state.json, lab-state.json), or {@code null}. */
  JsonObject dump(String name) {
    Path file = work.resolve(name);
    try {
      JsonElement parsed = JsonParser.parseString(Files.readString(file));
      return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }

  /** Waits until the state dump satisfies {@code ready}; fails with the last state otherwise. */
  JsonObject awaitState(String what, Predicate<JsonObject> ready) throws Exception {
    return awaitDump("state.json", what, ready);
  }

  /**
   * Waits until the dump {@code name} satisfies {@code ready}; fails with the last one otherwise.
   */
  JsonObject awaitDump(String name, String what, Predicate<JsonObject> ready) throws Exception {
    Optional<JsonObject> state = pollDump(name, ready, TIMEOUT_MS);
    if (state.isPresent()) {
      return state.get();
    }
    return fail("timed out waiting for " + what + "; last state: " + dump(name) + "\n" + appLog());
  }

  /** The first dump {@code name} within {@code millis} that satisfies {@code ready}, if any. */
  Optional<JsonObject> pollDump(String name, Predicate<JsonObject> ready, long millis)
      throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    do {
      requireAlive();
      JsonObject state = dump(name);
      if (state != null && ready.test(state)) {
        return Optional.of(state);
      }
      Thread.sleep(20);
    } while (System.currentTimeMillis() < deadline);
    return Optional.empty();
  }

  void requireAlive() throws IOException {
    if (!app.isAlive()) {
      fail("the application exited with " + app.exitValue() + ":\n" + appLog());
    }
  }

  String appLog() throws IOException {
    return "app log:\n" + Files.readString(work.resolve("app.log"));
  }

  static String text(JsonObject state, String key) {
    return state.has(key) && !state.get(key).isJsonNull() ? state.get(key).getAsString() : "";
  }

  private static String firstLine(Process process) {
    try {
      return new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : List.of(path.split(File.pathSeparator))) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
