package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
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
 * End-to-end test of the packaged jar on a virtual X display: starts Xvfb and {@code java -jar
 * cnn-explainer.jar app --model M IMAGE}, waits for the window, takes a screenshot, clicks a
 * convolution neuron with a {@link java.awt.Robot} (in a {@link RobotDriver} process), and checks
 * through the application's state dump ({@value StateDump#PROPERTY}) that the neuron's view opened,
 * that the image from the command line is shown with the label the network predicts, that another
 * example can be chosen and that Esc closes the view. Skipped, with the reason, without Xvfb.
 */
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(EndToEndTally.class)
class AppEndToEndIT {
  private static AppHarness harness;
  private static String expectedLabel;
  private static Path target = Path.of("target", "e2e");

  @BeforeAll
  static void start() throws Exception {
    Path work = AppHarness.prepare("E2E");
    Files.createDirectories(target);
    Path image = SeededModel.writeImage(work.resolve("my-shoe.png"), 99);
    Network network = TfjsModel.load(AppHarness.modelJson(work));
    expectedLabel =
        network.trace(ImageInput.fromFile(image, network.inputShape())).predicted().label();
    harness =
        AppHarness.start(
            work, List.of("-D" + PaintTimer.PROPERTY + "=true"), List.of(image.toString()));
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    if (harness != null) {
      harness.stop(target);
      try (Stream<String> lines = Files.lines(target.resolve("app.log"))) {
        lines.filter(l -> l.startsWith("timing:")).forEach(l -> System.out.println("E2E " + l));
      }
    }
  }

  @Test
  @Order(1)
  void windowOpensWithTheOverview() throws Exception {
    JsonObject state =
        awaitState(
            "the window with a painted overview and the 10 examples plus the command-line image",
            s -> s.has("convNeuron") && s.getAsJsonArray("imageButtons").size() == 11);
    assertTrue(state.get("shown").getAsBoolean());
    assertEquals("model", state.get("model").getAsString());
  }

  @Test
  @Order(2)
  void screenshotShowsHeatMaps() throws Exception {
    Path shot = target.resolve("app.png");
    robot("shot " + shot.toAbsolutePath());
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(1280, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(
        colours.size() > 200, "a painted overview has many colours, found " + colours.size());
  }

  @Test
  @Order(3)
  void imageFromTheCommandLineShowsItsPrediction() throws Exception {
    JsonObject state =
        awaitState(
            "the command-line image and its prediction",
            s ->
                "my-shoe.png".equals(text(s, "image"))
                    && text(s, "prediction").startsWith("Prediction: "));
    assertTrue(
        text(state, "prediction").startsWith("Prediction: " + expectedLabel + " ("),
        "expected " + expectedLabel + ", shown: " + text(state, "prediction"));
  }

  @Test
  @Order(4)
  void clickingAConvNeuronOpensItsView() throws Exception {
    JsonObject neuron =
        awaitState("a conv neuron", s -> s.has("convNeuron")).getAsJsonObject("convNeuron");
    assertEquals("conv_1_1", neuron.get("layer").getAsString());
    robot("click " + neuron.get("x").getAsInt() + " " + neuron.get("y").getAsInt());
    JsonObject state =
        awaitState("the convolution view", s -> "convolution".equals(text(s, "detailView")));
    assertEquals("0:0", text(state, "selection"));
    robot("shot " + target.resolve("conv-view.png").toAbsolutePath());
  }

  @Test
  @Order(5)
  void escapeClosesTheView() throws Exception {
    robot("key ESCAPE");
    JsonObject state = awaitState("the view closed", s -> !s.has("detailView"));
    assertTrue(!state.has("selection"));
  }

  @Test
  @Order(6)
  void arrowKeysAndEnterOpenAView() throws Exception {
    robot("key DOWN");
    robot("key RIGHT");
    robot("key ENTER");
    JsonObject state = awaitState("a view opened from the keyboard", s -> s.has("detailView"));
    assertTrue(state.has("selection"), state.toString());
    robot("key ESCAPE");
    awaitState("the keyboard view closed", s -> !s.has("detailView"));
  }

  @Test
  @Order(7)
  void choosingAnotherExampleRepredicts() throws Exception {
    JsonObject button =
        awaitState("image buttons", s -> s.has("imageButtons"))
            .getAsJsonArray("imageButtons")
            .get(2)
            .getAsJsonObject();
    String name = button.get("name").getAsString();
    robot("click " + button.get("x").getAsInt() + " " + button.get("y").getAsInt());
    JsonObject state =
        awaitState(
            "example " + name,
            s -> name.equals(text(s, "image")) && text(s, "prediction").startsWith("Prediction: "));
    Network network = TfjsModel.load(AppHarness.modelJson(harness.work));
    String label =
        network
            .trace(
                ImageInput.fromFile(
                    harness.work.resolve("model").resolve(name), network.inputShape()))
            .predicted()
            .label();
    assertTrue(
        text(state, "prediction").startsWith("Prediction: " + label + " ("),
        text(state, "prediction"));
  }

  private static void robot(String command) throws IOException {
    harness.robot(command);
  }

  private static JsonObject awaitState(String what, Predicate<JsonObject> ready) throws Exception {
    return harness.awaitState(what, ready);
  }

  private static String text(JsonObject state, String key) {
    return AppHarness.text(state, key);
  }
}
