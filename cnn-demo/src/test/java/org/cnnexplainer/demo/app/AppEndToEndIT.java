package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  private static final long TIMEOUT_MS = 45_000;
  private static Path work;
  private static Process xvfb;
  private static Process app;
  private static Process robot;
  private static PrintWriter robotIn;
  private static BufferedReader robotOut;
  private static String expectedLabel;
  private static Path target = Path.of("target", "e2e");

  @BeforeAll
  static void start() throws Exception {
    Path jar = Path.of(System.getProperty("cnn.jar", "target/cnn-explainer.jar"));
    assumeTrue(Files.isRegularFile(jar), "E2E skipped: " + jar + " not built (run mvn verify)");
    Optional<Path> xvfbBinary = onPath("Xvfb");
    assumeTrue(
        xvfbBinary.isPresent(),
        "E2E skipped: Xvfb is not installed (apt-get install -y xvfb xauth); .ci/run installs it");
    work = Files.createTempDirectory("cnn-e2e");
    Files.createDirectories(target);
    xvfb =
        new ProcessBuilder(
                xvfbBinary.get().toString(),
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
    String display =
        ":" + CompletableFuture.supplyAsync(() -> firstLine(xvfb)).get(20, TimeUnit.SECONDS).trim();

    Path modelJson = SeededModel.save(Files.createDirectories(work.resolve("model")), 7, 10);
    Path image = SeededModel.writeImage(work.resolve("my-shoe.png"), 99);
    Network network = TfjsModel.load(modelJson);
    expectedLabel =
        network.trace(ImageInput.fromFile(image, network.inputShape())).predicted().label();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder appBuilder =
        new ProcessBuilder(
            java,
            "-Djava.util.prefs.userRoot=" + work.resolve("prefs"),
            "-Dcnnexplainer.prefs=/cnnexplainer-e2e",
            "-D" + StateDump.PROPERTY + "=" + work.resolve("state.json"),
            "-Dcnnexplainer.animation=off",
            "-D" + PaintTimer.PROPERTY + "=true",
            "-jar",
            jar.toString(),
            "app",
            "--model",
            modelJson.toString(),
            image.toString());
    appBuilder.environment().put("DISPLAY", display);
    appBuilder.redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
    app = appBuilder.start();

    String classes =
        new File(RobotDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    ProcessBuilder robotBuilder =
        new ProcessBuilder(java, "-cp", classes, RobotDriver.class.getName());
    robotBuilder.environment().put("DISPLAY", display);
    robotBuilder.redirectError(work.resolve("robot.log").toFile());
    robot = robotBuilder.start();
    robotIn = new PrintWriter(robot.getOutputStream(), true, StandardCharsets.UTF_8);
    robotOut =
        new BufferedReader(new InputStreamReader(robot.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", robotOut.readLine(), "robot driver did not start; see robot.log");
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    if (robot != null) {
      robotIn.println("quit");
      robot.waitFor(5, TimeUnit.SECONDS);
      robot.destroy();
    }
    if (app != null) {
      app.destroy();
      app.waitFor(5, TimeUnit.SECONDS);
      Files.copy(
          work.resolve("app.log"), target.resolve("app.log"), StandardCopyOption.REPLACE_EXISTING);
      try (Stream<String> lines = Files.lines(target.resolve("app.log"))) {
        lines.filter(l -> l.startsWith("timing:")).forEach(l -> System.out.println("E2E " + l));
      }
    }
    if (xvfb != null) {
      xvfb.destroy();
      xvfb.waitFor(5, TimeUnit.SECONDS);
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
    Network network = TfjsModel.load(work.resolve("model/model.json"));
    String label =
        network
            .trace(ImageInput.fromFile(work.resolve("model").resolve(name), network.inputShape()))
            .predicted()
            .label();
    assertTrue(
        text(state, "prediction").startsWith("Prediction: " + label + " ("),
        text(state, "prediction"));
  }

  private static void robot(String command) throws IOException {
    robotIn.println(command);
    String answer = robotOut.readLine();
    assertEquals("ok", answer, "robot: " + command);
  }

  private static JsonObject awaitState(String what, Predicate<JsonObject> ready) throws Exception {
    Path file = work.resolve("state.json");
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    JsonObject last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!app.isAlive()) {
        fail(
            "the application exited with "
                + app.exitValue()
                + ":\n"
                + Files.readString(work.resolve("app.log")));
      }
      if (Files.exists(file)) {
        try {
          JsonElement parsed = JsonParser.parseString(Files.readString(file));
          last = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (RuntimeException | IOException e) {
          last = null; // being replaced; read again
        }
        if (last != null && ready.test(last)) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    return fail(
        "timed out waiting for "
            + what
            + "; last state: "
            + last
            + "\napp log:\n"
            + Files.readString(work.resolve("app.log")));
  }

  private static String text(JsonObject state, String key) {
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
