package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code cnn-explainer} script at the repository root runs the packaged jar on the fast path;
 * the jar holds no test code.
 */
class LauncherScriptIT {
  private static final Path ROOT = Path.of(System.getProperty("cnn.root", "..")).toAbsolutePath();
  private static final Path SCRIPT = ROOT.resolve("cnn-explainer");

  @BeforeEach
  void requireScriptAndJar() {
    assumeTrue(Files.isRegularFile(SCRIPT), "launcher script missing: " + SCRIPT);
    assumeTrue(
        Files.isRegularFile(ROOT.resolve("cnn-demo/target/cnn-explainer.jar")),
        "cnn-explainer.jar not built (run mvn verify)");
  }

  @Test
  void runsTheJarWithTheVectorApi() throws Exception {
    Result bench =
        run(
            SCRIPT.toString(),
            "bench",
            "-m",
            ROOT.resolve("models/tiny-vgg-fashion").toString(),
            "--json",
            "--warmup",
            "0.2",
            "--samples",
            "50",
            "--throughput-seconds",
            "0.2");

    assertEquals(0, bench.code, bench.err);
    JsonObject json = JsonParser.parseString(bench.out).getAsJsonObject();
    assertTrue(json.get("vectorApi").getAsBoolean(), bench.out);
    assertTrue(json.get("traceMedianUs").getAsDouble() > 0, bench.out);
  }

  @Test
  void keepsTheJarsExitCodes() throws Exception {
    Result predict =
        run(SCRIPT.toString(), "predict", "--model", ROOT.resolve("no-such-model").toString(), "x");

    assertEquals(3, predict.code, predict.err);
    assertTrue(predict.err.contains("no-such-model"), predict.err);
  }

  /**
   * The class-data archive: not written without a display (it would hold no window classes), and an
   * archive in the cache (here an unusable one) is passed to Java, which starts without a word.
   */
  @Test
  void classDataArchiveOnlyForTheWindowAndSilent() throws Exception {
    Path cache = Files.createTempDirectory("cnn-launcher-cache");
    try {
      Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "DISPLAY", "");
      Result app = run(env, SCRIPT.toString());
      assertEquals(2, app.code, app.err);
      assertTrue(app.err.contains("no display"), app.err);
      assertFalse(Files.exists(cache.resolve("cnn-explainer")), "archived without a display");

      Path jar = ROOT.resolve("cnn-demo/target/cnn-explainer.jar");
      String sum = run(Map.of(), "sh", "-c", "cksum < '" + jar + "'").out.split(" ")[0];
      Path archive =
          Files.createDirectories(cache.resolve("cnn-explainer")).resolve("app-" + sum + ".jsa");
      Files.writeString(archive, "not an archive");
      Result info =
          run(
              env,
              SCRIPT.toString(),
              "info",
              "-m",
              ROOT.resolve("models/tiny-vgg-fashion").toString());
      assertEquals(0, info.code, info.err);
      assertTrue(info.out.contains("conv_1_1"), info.out);
      assertFalse(info.err.toLowerCase(java.util.Locale.ROOT).contains("cds"), info.err);
      assertFalse(info.err.toLowerCase(java.util.Locale.ROOT).contains("shared"), info.err);
    } finally {
      try (var files = Files.walk(cache)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * The jar users run holds no test code: the end-to-end tests' instrumentation (state dump, soak
   * hooks, Lab dump and watchdog, their launcher) lives in the test classes and reaches the app
   * through its no-op probes only; no class of cnn-demo's test classes is in the jar.
   */
  @Test
  void theJarHoldsNoTestCode() throws IOException {
    Path testClasses = ROOT.resolve("cnn-demo/target/test-classes");
    List<String> instrumentation =
        List.of(
            "app/TestHooks",
            "app/StateDump",
            "app/ScreenTargets",
            "app/ScreenLayout",
            "app/InstrumentedLauncher",
            "lab/LabDump",
            "lab/EdtWatchdog");
    Set<String> testClassNames;
    try (var files = Files.walk(testClasses)) {
      testClassNames =
          files
              .filter(f -> f.toString().endsWith(".class"))
              .map(f -> testClasses.relativize(f).toString().replace('\\', '/'))
              .collect(Collectors.toSet());
    }
    try (JarFile jar = new JarFile(ROOT.resolve("cnn-demo/target/cnn-explainer.jar").toFile())) {
      for (String name : instrumentation) {
        String entry = "org/cnnexplainer/demo/" + name + ".class";
        assertTrue(testClassNames.contains(entry), entry + " is not a test class");
        assertNull(jar.getEntry(entry), entry + " ships in the jar");
      }
      assertNotNull(jar.getEntry("org/cnnexplainer/demo/app/AppProbe.class"), "the app's probe");
      List<String> shipped =
          testClassNames.stream().filter(n -> jar.getEntry(n) != null).sorted().toList();
      assertEquals(List.of(), shipped, "test classes in the jar");
    }
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    return run(Map.of(), command);
  }

  private static Result run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile("cnn-launcher", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(
          process.waitFor(60, TimeUnit.SECONDS), "script did not finish: " + List.of(command));
      return new Result(process.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
