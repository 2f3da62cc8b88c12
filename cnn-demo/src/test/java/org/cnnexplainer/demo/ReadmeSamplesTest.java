package org.cnnexplainer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.app.TestModels;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.panel.ExplainerPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the README's Java samples (the blocks after {@code <!-- sample: Name -->}) exactly as
 * written and runs them on a small saved model (and the bundled one), so the README cannot drift
 * from the API.
 */
class ReadmeSamplesTest {
  @Test
  void samplesCompileAndRun(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Path out = dir.resolve("classes");
    assertEquals(
        List.of(
            "BundledModel",
            "ClassifyImage",
            "WhyThisClass",
            "WhatIf",
            "Attributions",
            "EmbedExplainer"),
        JavaSamples.extract(Path.of("..", "README.md"), src));
    JavaSamples.compile(src, out);

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
                  + network.outputShape(network.indexOf("relu_2_2").getAsInt())
                  + " "
                  + network.outputShape(network.indexOf("relu_2_2").getAsInt()),
              "conv_1_1 kernel gradient " + network.layer(0).parameters().get("kernel").shape()),
          runMain(loader.loadClass("WhyThisClass"), modelJson, image).lines().toList());

      Network edited =
          EditList.of(
                  NetworkEdit.zeroChannel("conv_1_1", 0),
                  NetworkEdit.setWeight("conv_1_2", "kernel", new int[] {1, 0, 2, 2}, 0.5f))
              .applyTo(network);
      assertEquals(
          List.of(
              "before: " + network.trace(input).predicted().label(),
              "after:  " + edited.trace(input).predicted().label(),
              "same: true"),
          runMain(loader.loadClass("WhatIf"), modelJson, image).lines().toList());

      ActivationTrace trace = network.trace(input);
      int c = trace.predicted().index();
      GradCam cam = GradCam.of(trace, c, "relu_2_2");
      IntegratedGradients ig = IntegratedGradients.of(network, input, c, 32);
      assertEquals(
          List.of(
              "relu_2_2 alpha_0 " + cam.channelWeight(0) + " map " + cam.map().shape(),
              String.format("IG sum %.4f, completeness gap %.4f", ig.sum(), ig.completenessGap()),
              "occlusion grid "
                  + ((input.shape().height() - 8) / 4 + 1)
                  + "x"
                  + ((input.shape().width() - 8) / 4 + 1)),
          runMain(loader.loadClass("Attributions"), modelJson, image).lines().toList());

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
            () -> predicted[0] = state.trace().map(t -> t.predicted().label()).orElse(null));
        Thread.sleep(20);
      }
      assertNotNull(predicted[0], "the embedded state traced the image");
      assertEquals(expected, predicted[0]);
      assertTrue(panel[0] instanceof JComponent);
    }
  }

  private static String runMain(Class<?> sample, Path model, Path image) throws Exception {
    return model == null
        ? JavaSamples.runMain(sample)
        : JavaSamples.runMain(sample, model.toString(), image.toString());
  }
}
