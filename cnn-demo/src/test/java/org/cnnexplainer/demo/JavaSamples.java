package org.cnnexplainer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.models.BundledModels;
import org.cnnexplainer.testsupport.CapturedRun;
import org.cnnexplainer.viz.ExplainerState;

/**
 * The Java samples of a Markdown document (the blocks after {@code <!-- sample: Name -->}),
 * compiled exactly as written against the libraries, so documentation cannot drift from the API.
 */
final class JavaSamples {
  private static final Pattern SAMPLE =
      Pattern.compile("<!-- sample: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  private JavaSamples() {}

  /** Writes each sample of {@code markdown} to {@code src/Name.java}; returns the names. */
  static List<String> extract(Path markdown, Path src) throws Exception {
    Matcher m = SAMPLE.matcher(Files.readString(markdown));
    List<String> names = new ArrayList<>();
    Files.createDirectories(src);
    while (m.find()) {
      Files.writeString(src.resolve(m.group(1) + ".java"), m.group(2));
      names.add(m.group(1));
    }
    return names;
  }

  /** Compiles every file of {@code src} into {@code out} against cnn-core, -viz, -models, Gson. */
  static void compile(Path src, Path out) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath =
        String.join(
            File.pathSeparator,
            location(Network.class),
            location(ExplainerState.class),
            location(BundledModels.class),
            location(com.google.gson.Gson.class));
    Files.createDirectories(out);
    List<String> args =
        new ArrayList<>(
            List.of("-d", out.toString(), "-cp", classpath, "-encoding", "UTF-8", "-Xlint:all"));
    try (var files = Files.list(src)) {
      files.forEach(f -> args.add(f.toString()));
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = javac.run(null, null, errors, args.toArray(String[]::new));
    assertEquals(0, code, "samples do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** Runs {@code sample}'s {@code main} with {@code args}; returns what it printed. */
  static String runMain(Class<?> sample, String... args) {
    return CapturedRun.of(
            a -> {
              sample.getMethod("main", String[].class).invoke(null, (Object) a);
              return 0;
            },
            args)
        .out();
  }
}
