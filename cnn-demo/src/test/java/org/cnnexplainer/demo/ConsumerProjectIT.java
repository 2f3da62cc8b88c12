package org.cnnexplainer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageClassifier;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code docs/consumer} with {@code javac} against the jars this build left in {@code
 * target/} (not the local repository) and runs it with {@code java}: on the class path and as a
 * JPMS module. Proves the published artifacts work for a project outside the build, through their
 * public API and module descriptors only.
 */
class ConsumerProjectIT {
  private static final Path ROOT = Path.of(System.getProperty("cnn.root", ".."));
  private static final String VERSION = System.getProperty("cnn.version", "0.2.0");
  private static final Path PROJECT = ROOT.resolve("docs/consumer");
  private static final Path IMAGE =
      ROOT.resolve("models/tiny-vgg-fashion/examples/ankle_boot_1.png");

  @Test
  void theConsumerBuildsAndRunsOnTheClassPath(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    List<String> sources = sources(false);
    assertNoWarnings(run(dir, javac("-d", classes.toString(), "-cp", libraries(), sources)));
    List<String> out =
        run(
            dir,
            java(
                "-cp",
                classes + File.pathSeparator + libraries(),
                "org.example.consumer.Consumer",
                IMAGE.toString(),
                dir.resolve("out").toString()));
    assertEquals(expected(false), out);
  }

  @Test
  void theConsumerBuildsAndRunsAsAModule(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    assertNoWarnings(
        run(dir, javac("-d", classes.toString(), "--module-path", libraries(), sources(true))));
    assertTrue(Files.exists(classes.resolve("module-info.class")), "compiled as a module");
    List<String> out =
        run(
            dir,
            java(
                "--module-path",
                classes + File.pathSeparator + libraries(),
                "-m",
                "org.example.consumer/org.example.consumer.Consumer",
                IMAGE.toString(),
                dir.resolve("out").toString()));
    assertEquals(expected(true), out);
  }

  /**
   * javac's output holds no warning but the one every module reading org.cnnexplainer.core gets:
   * cnn-core {@code requires static jdk.incubator.vector}, which javac resolves and reports.
   */
  private static void assertNoWarnings(List<String> javacOutput) {
    List<String> warnings =
        javacOutput.stream()
            .filter(l -> l.contains("warning"))
            .filter(l -> !l.equals("warning: using incubating module(s): jdk.incubator.vector"))
            .filter(l -> !l.equals("1 warning"))
            .toList();
    assertEquals(List.of(), warnings, String.join("\n", javacOutput));
  }

  /** What the consumer must print, computed here with the same libraries. */
  private static List<String> expected(boolean module) throws IOException {
    Network network = TfjsModel.load(ROOT.resolve("models/tiny-vgg-fashion"));
    ClassScore top = new ImageClassifier(network).classify(IMAGE, 1).get(0);
    return List.of(
        "module: " + module,
        String.format("top: %s %.4f", top.label(), top.probability()),
        "reloaded: ankle_boot_1.png " + top.label(),
        "state traced: " + top.label(),
        "clicked: " + network.layer(0).name() + " #2, selection Optional.empty",
        "view: ConvolutionElasticView",
        "attached with the same layers/other layers: true/false",
        "done");
  }

  /**
   * The libraries as built by this reactor, and their dependencies (Gson; JFreeChart, which
   * cnn-viz-swing's training views use) from the test's own class path.
   */
  private static String libraries() throws Exception {
    List<String> jars = new ArrayList<>();
    // artifact -> folder: cnn-models lives in models/, next to the model folders it packages
    for (String[] module :
        List.of(
            new String[] {"cnn-core", "cnn-core"},
            new String[] {"cnn-viz-swing", "cnn-viz-swing"},
            new String[] {"cnn-models", "models"})) {
      Path jar =
          ROOT.resolve(module[1]).resolve("target").resolve(module[0] + "-" + VERSION + ".jar");
      assertTrue(Files.isRegularFile(jar), "missing " + jar + ": run mvn package first");
      jars.add(jar.toString());
    }
    for (Class<?> dependency :
        List.of(com.google.gson.Gson.class, org.jfree.chart.JFreeChart.class)) {
      jars.add(
          Path.of(dependency.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString());
    }
    return String.join(File.pathSeparator, jars);
  }

  private static List<String> sources(boolean withModuleInfo) throws IOException {
    try (Stream<Path> files = Files.walk(PROJECT.resolve("src"))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> withModuleInfo || !f.getFileName().toString().equals("module-info.java"))
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }

  private static List<String> javac(String a, String b, String c, String d, List<String> files) {
    List<String> command = new ArrayList<>(List.of(tool("javac"), "-Xlint:all"));
    command.addAll(List.of(a, b, c, d));
    command.addAll(files);
    return command;
  }

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>(List.of(tool("java"), "-Djava.awt.headless=true"));
    command.addAll(List.of(args));
    return command;
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /** Runs {@code command} in {@code dir}; fails with its output unless it exits with 0. */
  private static List<String> run(Path dir, List<String> command) throws Exception {
    Path log = dir.resolve("process.log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
    return output.lines().toList();
  }
}
