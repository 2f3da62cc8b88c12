package org.cnnexplainer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.app.TestModels;
import org.cnnexplainer.models.BundledModels;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.ops.ExplainerPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the README's Java samples (the blocks after {@code <!-- sample: Name -->}) exactly as
 * written and runs them on a small saved model (and the bundled one), so the README cannot drift
 * from the API.
 */
class ReadmeSamplesTest {
  private static final Pattern SAMPLE =
      Pattern.compile("<!-- sample: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void samplesCompileAndRun(@TempDir Path dir) throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme);
    Matcher m = SAMPLE.matcher(text);
    Path src = Files.createDirectories(dir.resolve("src"));
    Path out = Files.createDirectories(dir.resolve("classes"));
    int samples = 0;
    while (m.find()) {
      Files.writeString(src.resolve(m.group(1) + ".java"), m.group(2));
      samples++;
    }
    assertEquals(
        4, samples, "README samples ClassifyImage, WhyThisClass, BundledModel and EmbedExplainer");
    compile(src, out);

    Path modelJson = TestModels.saveSeeded(dir.resolve("model"), 21);
    Path image = TestModels.writeImage(dir.resolve("shoe.png"), 5);
    Network network = TfjsModel.load(modelJson);
    Tensor input = ImageInput.fromFile(image, network.inputShape());
    String expected = network.trace(input).predicted().label();

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      String printed = runMain(loader.loadClass("ClassifyImage"), modelJson, image);
      List<String> lines = printed.lines().toList();
      assertEquals(4, lines.size(), printed);
      assertTrue(lines.get(0).startsWith(expected + " "), printed);
      assertEquals("conv_1_1 " + network.outputShape(0), lines.get(3));

      GradientTrace gradients =
          network.gradients(input, GradientTarget.logit(network.trace(input).predicted().index()));
      assertEquals(
          List.of(
              String.format("logit %.4f, saliency %s", gradients.value(), input.shape()),
              "relu_2_2 "
                  + network.outputShape(network.indexOf("relu_2_2"))
                  + " "
                  + network.outputShape(network.indexOf("relu_2_2")),
              "conv_1_1 kernel gradient " + network.layer(0).parameters().get("kernel").shape()),
          runMain(loader.loadClass("WhyThisClass"), modelJson, image).lines().toList());

      // The bundled model, by name: the same predictions as the model folder read by cnn-core.
      Path bundled = Path.of("..", "models", "tiny-vgg-fashion");
      Network fashion = TfjsModel.load(bundled);
      List<String> listed = runMain(loader.loadClass("BundledModel"), null, null).lines().toList();
      assertEquals("[tiny-vgg-fashion]", listed.get(0));
      assertEquals(21, listed.size(), String.join("\n", listed));
      for (String line : listed.subList(1, listed.size())) {
        String file = line.substring(0, line.indexOf(':'));
        Tensor example =
            ImageInput.fromFile(bundled.resolve("examples").resolve(file), fashion.inputShape());
        assertTrue(
            line.endsWith(", predicted " + fashion.trace(example).predicted().label()), line);
      }

      Method explainer =
          loader.loadClass("EmbedExplainer").getMethod("explainer", Network.class, Tensor.class);
      ExplainerPanel[] panel = new ExplainerPanel[1];
      SwingUtilities.invokeAndWait(
          () -> {
            try {
              panel[0] = (ExplainerPanel) explainer.invoke(null, network, input);
            } catch (ReflectiveOperationException e) {
              throw new AssertionError(e);
            }
          });
      ExplainerState state = panel[0].overview().state();
      long deadline = System.currentTimeMillis() + 10_000;
      String[] predicted = new String[1];
      while (predicted[0] == null && System.currentTimeMillis() < deadline) {
        SwingUtilities.invokeAndWait(
            () -> predicted[0] = state.trace() == null ? null : state.trace().predicted().label());
        Thread.sleep(20);
      }
      assertNotNull(predicted[0], "the embedded state traced the image");
      assertEquals(expected, predicted[0]);
      assertTrue(panel[0] instanceof JComponent);
    }
  }

  private static void compile(Path src, Path out) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath =
        String.join(
            File.pathSeparator,
            location(Network.class),
            location(ExplainerState.class),
            location(BundledModels.class),
            location(com.google.gson.Gson.class));
    List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-cp", classpath));
    try (var files = Files.list(src)) {
      files.forEach(f -> args.add(f.toString()));
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = javac.run(null, null, errors, args.toArray(String[]::new));
    assertEquals(
        0, code, "README samples do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String runMain(Class<?> sample, Path model, Path image) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      sample
          .getMethod("main", String[].class)
          .invoke(
              null,
              (Object)
                  (model == null
                      ? new String[0]
                      : new String[] {model.toString(), image.toString()}));
    } finally {
      System.setOut(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
