package org.cnnexplainer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Javadoc gate of the libraries' exported packages: {@code javac -Xdoclint:all/protected} (the
 * checks {@code javadoc -Xdoclint:all} makes, on public and protected members) may report no more
 * warnings per file than the committed {@code api/doclint-baseline.txt} of the module allows. Files
 * not listed must be clean, so new classes are fully documented and old ones only improve. After
 * documenting more, shrink the baseline with {@code -Ddoclint.update=true} and commit it.
 *
 * <p>Why not {@code javadoc -Xdoclint:all -Xwerror}: the exported packages still hold several
 * hundred older warnings (missing {@code @return} and {@code @param} mostly; the baseline counts
 * them), and javadoc reports the incubator module cnn-core reads as a warning too.
 */
class DoclintGateTest {
  private static final Pattern WARNING = Pattern.compile("^(.*\\.java):\\d+: warning: ");
  private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", 8);

  @ParameterizedTest
  @ValueSource(strings = {"cnn-core", "cnn-viz-swing", "models"})
  void exportedPackagesGetNoNewDoclintWarnings(String module) throws Exception {
    Path root = Path.of("..", module);
    Path sources = root.resolve("src/main/java");
    Map<String, List<String>> found = doclint(sources);
    Path baselineFile = root.resolve("api/doclint-baseline.txt");
    if (Boolean.getBoolean("doclint.update")) {
      if (found.isEmpty()) {
        Files.deleteIfExists(baselineFile); // clean: no file, every warning fails
        return;
      }
      Files.createDirectories(baselineFile.getParent());
      Files.writeString(
          baselineFile,
          found.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue().size() + "\n")
              .collect(Collectors.joining()));
      return;
    }
    Map<String, Integer> baseline = new TreeMap<>();
    if (Files.exists(baselineFile)) {
      for (String line : Files.readAllLines(baselineFile)) {
        String[] parts = line.split(" ");
        baseline.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
    List<String> worse = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : found.entrySet()) {
      int allowed = baseline.getOrDefault(e.getKey(), 0);
      if (e.getValue().size() > allowed) {
        worse.add(
            e.getKey()
                + ": "
                + e.getValue().size()
                + " warnings, "
                + allowed
                + " allowed:\n  "
                + String.join("\n  ", e.getValue()));
      }
    }
    if (!worse.isEmpty()) {
      fail(
          "Javadoc of exported packages got worse: document the members listed (@param, @return,"
              + " a comment per public member and enum constant). Only for code written before"
              + " this gate (a merge), accept its warnings with"
              + " mvn -pl cnn-demo -am test -Dtest=DoclintGateTest -Ddoclint.update=true"
              + " -Dsurefire.failIfNoSpecifiedTests=false"
              + " and commit api/doclint-baseline.txt.\n"
              + String.join("\n", worse));
    }
    int total = found.values().stream().mapToInt(List::size).sum();
    int allowedTotal = baseline.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(total <= allowedTotal, total + " > " + allowedTotal);
  }

  /** Doclint warnings of the exported packages' files, by path relative to {@code sources}. */
  private static Map<String, List<String>> doclint(Path sources) throws Exception {
    List<String> exported = exportedPackageFolders(sources.resolve("module-info.java"));
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files =
          walk.filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.getFileName().toString().equals("module-info.java"))
              .map(Path::toString)
              .sorted()
              .toList();
    }
    Path out = Files.createTempDirectory("doclint");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                out.toString(),
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-Xdoclint:all/protected",
                "-Xmaxwarns",
                "100000",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                classPath()));
    args.addAll(files);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code =
        ToolProvider.getSystemJavaCompiler().run(null, log, log, args.toArray(String[]::new));
    String output = log.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, output);
    Map<String, List<String>> found = new TreeMap<>();
    for (String line : output.lines().toList()) {
      Matcher m = WARNING.matcher(line);
      if (m.find()) {
        String relative = sources.relativize(Path.of(m.group(1))).toString().replace('\\', '/');
        String folder = relative.substring(0, relative.lastIndexOf('/'));
        if (exported.contains(folder)) {
          found.computeIfAbsent(relative, k -> new ArrayList<>()).add(line);
        }
      }
    }
    return found;
  }

  private static List<String> exportedPackageFolders(Path moduleInfo) throws Exception {
    List<String> folders = new ArrayList<>();
    for (String line : Files.readAllLines(moduleInfo)) {
      Matcher m = EXPORTS.matcher(line);
      if (m.find()) {
        folders.add(m.group(1).replace('.', '/'));
      }
    }
    assertTrue(!folders.isEmpty(), "no exports in " + moduleInfo);
    return folders;
  }

  /** This test's class path: it holds every library module's dependencies (Gson, JFreeChart). */
  private static String classPath() {
    return System.getProperty("java.class.path");
  }
}
