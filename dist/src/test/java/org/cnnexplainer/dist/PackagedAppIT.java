package org.cnnexplainer.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable application as a user gets it: the Debian package's files (unpacked, without
 * installing) and the app image's launcher, which must run on the Vector API, classify with its own
 * Java runtime, and open the explainer window, also for a {@code model.json} handed over by the
 * desktop's file association.
 */
class PackagedAppIT {
  private static final Path IMAGE = Path.of(System.getProperty("dist.image"));
  private static final Path ROOT = Path.of(System.getProperty("cnn.root"));
  private static final Path MODEL = ROOT.resolve("models/tiny-vgg-fashion");
  private static final String INSTALLED = "opt/cnn-explainer";

  @TempDir static Path unpacked;

  @BeforeAll
  static void unpackTheDebianPackage() throws Exception {
    Path deb;
    try (Stream<Path> debs = Files.list(Path.of(System.getProperty("dist.debFolder")))) {
      deb = debs.filter(f -> f.toString().endsWith(".deb")).findFirst().orElseThrow();
    }
    run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()), 60);
    run(List.of("dpkg-deb", "-e", deb.toString(), unpacked.resolve("DEBIAN").toString()), 60);
  }

  @Test
  void theInstalledLauncherRunsTheVectorApi() throws Exception {
    Path launcher = unpacked.resolve(INSTALLED).resolve("bin/cnn-explainer");
    String out =
        run(
            List.of(
                launcher.toString(),
                "bench",
                "--json",
                "--model",
                MODEL.toString(),
                "--warmup",
                "1",
                "--samples",
                "200",
                "--throughput-seconds",
                "1"),
            120);
    JsonObject bench = JsonParser.parseString(lastLine(out)).getAsJsonObject();
    assertTrue(bench.get("vectorApi").getAsBoolean(), "the launcher must enable the Vector API");
    assertTrue(bench.get("traceMedianUs").getAsDouble() > 0, out);
  }

  @Test
  void theAppImageClassifiesWithItsOwnRuntime() throws Exception {
    String out =
        run(
            List.of(
                IMAGE.resolve("bin/cnn-explainer").toString(),
                "predict",
                "--json",
                "--model",
                MODEL.toString(),
                MODEL.resolve("examples/ankle_boot_1.png").toString()),
            60);
    JsonObject first =
        JsonParser.parseString(out.substring(out.indexOf('[')))
            .getAsJsonArray()
            .get(0)
            .getAsJsonObject();
    assertEquals("Ankle boot", first.getAsJsonObject("predicted").get("label").getAsString());
    String release = Files.readString(IMAGE.resolve("lib/runtime/release"));
    assertTrue(release.contains("jdk.incubator.vector"), release);
    assertTrue(Files.isDirectory(IMAGE.resolve("lib/runtime/legal/java.base")), "runtime notices");
  }

  @Test
  void thePackageHasAMenuEntryAndOpensModelJsonFiles() throws Exception {
    Path lib = unpacked.resolve(INSTALLED).resolve("lib");
    String desktop = Files.readString(lib.resolve("cnn-explainer-cnn-explainer.desktop"));
    assertTrue(desktop.contains("\nName=CNN Explainer\n"), desktop);
    assertTrue(desktop.contains("\nExec=/opt/cnn-explainer/bin/cnn-explainer app %f\n"), desktop);
    assertTrue(desktop.contains("\nIcon=/opt/cnn-explainer/lib/cnn-explainer.png\n"), desktop);
    assertTrue(desktop.contains("\nMimeType=application/x-tfjs-model+json;\n"), desktop);
    assertTrue(Files.size(lib.resolve("cnn-explainer.png")) > 1000, "the icon");
    String mime = Files.readString(lib.resolve("app/cnn-explainer-model.xml"));
    assertTrue(mime.contains("<glob pattern=\"model.json\""), mime);
    assertTrue(mime.contains("type=\"application/x-tfjs-model+json\""), mime);

    String postinst = Files.readString(unpacked.resolve("DEBIAN/postinst"));
    assertTrue(
        postinst.contains(
            "xdg-desktop-menu install /opt/cnn-explainer/lib/cnn-explainer-cnn-explainer.desktop"),
        postinst);
    assertTrue(
        postinst.contains("xdg-mime install --novendor /opt/cnn-explainer/lib/app/"), postinst);
    assertTrue(
        postinst.contains("ln -sf /opt/cnn-explainer/bin/cnn-explainer /usr/bin/cnn-explainer"),
        postinst);
    String prerm = Files.readString(unpacked.resolve("DEBIAN/prerm"));
    assertTrue(prerm.contains("xdg-mime uninstall"), prerm);
    assertTrue(prerm.contains("xdg-desktop-menu uninstall"), prerm);
    assertTrue(prerm.contains("rm -f /usr/bin/cnn-explainer"), prerm);
    for (String script : List.of("postinst", "prerm")) { // the shell can parse them
      run(List.of("sh", "-n", unpacked.resolve("DEBIAN").resolve(script).toString()), 10);
    }
    String control = Files.readString(unpacked.resolve("DEBIAN/control"));
    assertTrue(control.contains("\nDepends: ") && control.contains("xdg-utils"), control);
    assertTrue(control.contains("\nSection: science\n"), control);
    String copyright = Files.readString(unpacked.resolve(INSTALLED).resolve("share/doc/copyright"));
    assertTrue(copyright.contains("License: Apache-2.0"), copyright);

    assumeTrue(
        onPath("desktop-file-validate"),
        "desktop entry not validated: desktop-file-validate is not installed"
            + " (apt-get install -y desktop-file-utils; .ci/run installs it)");
    String validation =
        run(
            List.of(
                "desktop-file-validate",
                lib.resolve("cnn-explainer-cnn-explainer.desktop").toString()),
            30);
    assertEquals("", validation, "desktop-file-validate has errors, warnings or hints");
  }

  @Test
  void theWindowOpensOnTheBundledModelAndOnAModelJsonFromTheDesktop(@TempDir Path work)
      throws Exception {
    assumeTrue(
        onPath("Xvfb"),
        "packaged window not tried: Xvfb is not installed (apt-get install -y xvfb xauth;"
            + " .ci/run installs it)");
    // No arguments and no preferences: the bundled model, read from the jar.
    Painted bundled = showWindow(work.resolve("bundled"), List.of());
    assertEquals("tiny-vgg-fashion", bundled.model(), bundled.line());
    assertEquals("tshirt_top_1.png", bundled.image(), bundled.line());
    // What the file association runs: "cnn-explainer app FILE" with a model.json.
    Painted opened =
        showWindow(work.resolve("opened"), List.of("app", MODEL.resolve("model.json").toString()));
    assertTrue(opened.model().contains("tiny-vgg-fashion"), opened.line());
    assertEquals("tshirt_top_1.png", opened.image(), opened.line());
  }

  /** The model and the image of the window's first painted activations, and the line saying so. */
  private record Painted(String model, String image, String line) {}

  /**
   * Runs the app image's launcher on its own Xvfb display until the window has painted the
   * activations of its image; returns what the documented {@code -Dcnnexplainer.timing=true} line
   * says was painted ({@code timing: launch to first painted activations N ms (MODEL, IMAGE)}). The
   * packaged application has no test instrumentation, so the test reads what a user can switch on.
   */
  private static Painted showWindow(Path work, List<String> args) throws Exception {
    Files.createDirectories(work);
    Process xvfb =
        new ProcessBuilder(
                "Xvfb",
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-dpi",
                "96",
                "-nolisten",
                "tcp")
            .redirectError(work.resolve("xvfb.log").toFile())
            .start();
    Process app = null;
    try {
      // Xvfb picks a free display and writes its number as the first line.
      String display =
          ":"
              + new BufferedReader(
                      new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                  .readLine();
      Path log = work.resolve("app.log");
      List<String> command =
          new ArrayList<>(List.of(IMAGE.resolve("bin/cnn-explainer").toString()));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("DISPLAY", display);
      // The packaged launcher's own JVM options stay; these are added by the JVM itself.
      builder
          .environment()
          .put(
              "JAVA_TOOL_OPTIONS",
              "-Djava.util.prefs.userRoot="
                  + work.resolve("prefs")
                  + " -Dcnnexplainer.timing=true"
                  + " -Dcnnexplainer.animation=off");
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      app = builder.start();
      return awaitPainted(log, app);
    } finally {
      if (app != null) {
        app.destroy();
        app.waitFor(10, TimeUnit.SECONDS);
      }
      xvfb.destroy();
      xvfb.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Painted awaitPainted(Path log, Process app) throws Exception {
    Pattern painted =
        Pattern.compile("timing: launch to first painted activations \\d+ ms \\((.*), (.*)\\)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && app.isAlive()) {
      // Decoded leniently: the last line may be half written.
      for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
        Matcher m = painted.matcher(line.strip());
        if (m.matches()) {
          return new Painted(m.group(1), m.group(2), line);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the window painted no activations (exited: "
            + !app.isAlive()
            + "); log "
            + log
            + ":\n"
            + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
  }

  /** Runs {@code command}; returns its output, failing on a non-zero exit or a timeout. */
  private static String run(List<String> command, int seconds) throws Exception {
    Path out = Files.createTempFile("packaged-app", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish in " + seconds + " s");
      }
      String text = Files.readString(out);
      assertEquals(0, process.exitValue(), command + " failed:\n" + text);
      return text;
    } finally {
      Files.delete(out);
    }
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
