package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End-to-end test of the Learning Lab in the packaged jar under Xvfb: {@code app --lab FOLDER} on
 * an image folder this test draws (three shape classes, one broken file, one text file), then with
 * a {@link RobotDriver}: refuses an invalid setting with an explanation, trains, sees curve points,
 * pauses (training holds), steps one batch, resumes, stops after at least one epoch, reads the
 * confusion matrix, opens one cell's images and one image in the explainer. An {@code EdtWatchdog}
 * inside the application measures the event thread's worst delay while training and how much of it
 * the event thread spent working or blocked; the test prints both and requires the work below 50 ms
 * (and the delay below 250 ms). Skipped, with the reason, without Xvfb.
 */
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(LabTally.class)
class LabEndToEndIT {
  static final String[] CLASSES = {"circle", "square", "triangle"};
  static final int PER_CLASS = 120;
  private static final Path TARGET = Path.of("target", "e2e-lab");
  private static AppHarness harness;

  @BeforeAll
  static void start() throws Exception {
    Path work = AppHarness.prepare("LAB");
    Files.createDirectories(TARGET);
    Path images = drawShapes(work.resolve("shapes"), PER_CLASS, 11);
    harness = AppHarness.start(work, List.of(), List.of("--lab", images.toString()));
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    if (harness != null) {
      harness.stop(TARGET);
    }
  }

  /** Three classes of 32x32 shapes on dark backgrounds, plus a broken PNG and a text file. */
  static Path drawShapes(Path root, int perClass, long seed) throws IOException {
    Random random = new Random(seed);
    for (String shape : CLASSES) {
      Path dir = Files.createDirectories(root.resolve(shape));
      for (int i = 0; i < perClass; i++) {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(random.nextInt(80), random.nextInt(80), random.nextInt(80)));
        g.fillRect(0, 0, 32, 32);
        g.setColor(
            new Color(
                150 + random.nextInt(100), 150 + random.nextInt(100), 150 + random.nextInt(100)));
        int s = 12 + random.nextInt(12);
        int x = random.nextInt(32 - s);
        int y = random.nextInt(32 - s);
        switch (shape) {
          case "circle" -> g.fillOval(x, y, s, s);
          case "square" -> g.fillRect(x, y, s, s);
          default -> g.fillPolygon(new int[] {x, x + s, x + s / 2}, new int[] {y + s, y + s, y}, 3);
        }
        g.dispose();
        ImageIO.write(img, "png", dir.resolve(shape + "_" + i + ".png").toFile());
      }
    }
    Files.writeString(root.resolve("circle").resolve("broken.png"), "not an image");
    Files.writeString(root.resolve("square").resolve("notes.txt"), "not an image either");
    return root;
  }

  @Test
  @Order(1)
  void readsTheFolderAndListsWhatItSkipped() throws Exception {
    JsonObject lab =
        lab("the folder read", s -> s.has("dataImages") && control(s, "Train") != null);
    assertEquals(3 * PER_CLASS, lab.get("dataImages").getAsInt());
    assertEquals(3, lab.get("dataClasses").getAsInt());
    assertEquals(2, lab.get("skipped").getAsInt(), "the broken PNG and the text file");
    shot("lab-data.png");
  }

  @Test
  @Order(2)
  void explainsAnInvalidSettingAndDoesNotAcceptIt() throws Exception {
    click(lab("the epochs field", s -> control(s, "Epochs") != null), "Epochs");
    robot("type 0");
    JsonObject lab =
        lab("the problem explained", s -> text(s, "settingsProblems").contains("Epochs must be"));
    assertTrue(control(lab, "Train") == null, "Train is disabled while a setting is invalid");
    // A field selects its text when it gains the focus, so typing replaces the value.
    click(lab, "Batch size");
    robot("type 16");
    click(lab, "Epochs");
    robot("type 200");
    lab(
        "valid settings",
        s -> text(s, "settingsProblems").isEmpty() && control(s, "Train") != null);
  }

  @Test
  @Order(3)
  void trainsAndDrawsCurvesWithPoints() throws Exception {
    click(lab("Train", s -> control(s, "Train") != null), "Train");
    JsonObject lab =
        lab(
            "training with curve points and a probe",
            s ->
                "running".equals(text(s, "phase"))
                    && s.get("batchPoints").getAsInt() > 3
                    && s.get("filmstripFrames").getAsInt() >= 2);
    assertTrue(lab.get("probeNetwork").getAsBoolean());
    assertEquals(1, lab.get("tab").getAsInt(), "the Watch it learn tab is shown");
    shot("lab-training.png");
  }

  @Test
  @Order(4)
  void pausesStepsAndResumes() throws Exception {
    click(lab("Pause", s -> control(s, "Pause") != null), "Pause");
    JsonObject paused = lab("paused", s -> "paused".equals(text(s, "phase")));
    Thread.sleep(600); // the last batch in flight finishes
    long held = position(lab("paused", s -> "paused".equals(text(s, "phase"))));
    Thread.sleep(800);
    assertEquals(held, position(lab("still paused", s -> true)), "no batch runs while paused");
    int frames = paused.get("weightsShown").getAsInt();
    click(paused, "Step");
    JsonObject stepped = lab("one step", s -> position(s) != held);
    Thread.sleep(500);
    long after = position(lab("held after the step", s -> true));
    assertEquals(position(stepped), after, "one batch only");
    long batches = stepped.get("batches").getAsLong();
    assertTrue(
        after == held + 1 || (held % 100_000 == batches && after == held - batches + 100_001),
        "the next batch: " + held + " then " + after);
    lab("the views updated after the step", s -> s.get("weightsShown").getAsInt() > frames);
    click(lab("Resume", s -> control(s, "Resume") != null), "Resume");
    lab("running again", s -> "running".equals(text(s, "phase")) && position(s) > after + 3);
  }

  @Test
  @Order(5)
  void stopsAfterAnEpochAndShowsTheConfusionMatrix() throws Exception {
    lab("one epoch done", s -> s.get("epochsShown").getAsInt() >= 1);
    JsonObject running = lab("Stop", s -> control(s, "Stop") != null);
    click(running, "Stop");
    JsonObject lab =
        lab(
            "the evaluation after the stop",
            s ->
                "finished".equals(text(s, "phase"))
                    && s.has("cells")
                    && s.getAsJsonArray("cells").size() == 9
                    && s.get("tab").getAsInt() == 2);
    assertEquals(9, lab.getAsJsonArray("cells").size());
    int total = 0;
    for (JsonElement cell : lab.getAsJsonArray("cells")) {
      total += cell.getAsJsonObject().get("count").getAsInt();
    }
    // The 10 % validation share of the 360 images is what is evaluated.
    assertEquals(36, total);
    double worst = lab.get("worstEdtPauseMs").getAsDouble();
    double busy = lab.get("worstEdtBusyMs").getAsDouble();
    System.out.printf(
        Locale.ROOT,
        "LAB E2E: event thread's worst delay while training %.1f ms (its own work in it %.1f ms);"
            + " %s%n",
        worst,
        busy,
        text(lab, "progressText"));
    // The program's own work on the event thread: its CPU time and time blocked on a lock while
    // an event waited. The wall-clock delay also holds the time an oversubscribed machine did not
    // run the thread (other builds, garbage collections), which the program cannot prevent; it
    // still has a bound, for waits the busy time does not see (sleeping, waiting for a file).
    assertTrue(busy < 50, "the event thread worked " + busy + " ms on end while training");
    assertTrue(worst < 250, "the event thread was held up " + worst + " ms while training");
    shot("lab-mistakes.png");
  }

  @Test
  @Order(6)
  void drillsIntoACellAndOpensAnImageInTheExplainer() throws Exception {
    JsonObject lab = lab("cells", s -> s.has("cells") && s.getAsJsonArray("cells").size() == 9);
    JsonObject chosen = null;
    for (JsonElement e : lab.getAsJsonArray("cells")) {
      JsonObject cell = e.getAsJsonObject();
      boolean mistake = cell.get("actual").getAsInt() != cell.get("predicted").getAsInt();
      if (cell.get("count").getAsInt() > 0
          && (chosen == null
              || (mistake && chosen.get("actual").equals(chosen.get("predicted"))))) {
        chosen = cell;
      }
    }
    int count = chosen.get("count").getAsInt();
    robot("click " + chosen.get("x").getAsInt() + " " + chosen.get("y").getAsInt());
    JsonObject listed = lab("the cell's images", s -> s.get("cellImages").getAsInt() == count);
    assertTrue(text(listed, "cellHeading").startsWith(count + " "), text(listed, "cellHeading"));
    shot("lab-cell.png");
    click(listed, "cell image 1");
    JsonObject explainer =
        harness.awaitState(
            "the explainer on the trained model and the image",
            s ->
                text(s, "model").startsWith("Learning Lab: shapes")
                    && text(s, "image").contains("(true: ")
                    && text(s, "prediction").startsWith("Prediction: ")
                    && s.has("convNeuron"));
    assertEquals(text(explainer, "image"), text(explainer, "traceImage"));
    shot("lab-explainer.png");
  }

  private static long position(JsonObject s) {
    return s.has("epoch") ? s.get("epoch").getAsLong() * 100_000 + s.get("batch").getAsLong() : -1;
  }

  private static JsonObject lab(String what, Predicate<JsonObject> ready) throws Exception {
    return harness.awaitDump("lab-state.json", what, ready);
  }

  private static JsonObject control(JsonObject state, String name) {
    for (JsonElement e : state.getAsJsonArray("controls")) {
      if (name.equals(e.getAsJsonObject().get("name").getAsString())) {
        return e.getAsJsonObject();
      }
    }
    return null;
  }

  private static void click(JsonObject state, String name) throws IOException {
    JsonObject at = control(state, name);
    assertTrue(at != null, "no control " + name + " in " + state.get("controls"));
    robot("click " + at.get("x").getAsInt() + " " + at.get("y").getAsInt());
  }

  private static void robot(String command) throws IOException {
    harness.robot(command);
  }

  private static void shot(String name) throws IOException {
    robot("shot " + TARGET.resolve(name).toAbsolutePath());
  }

  private static String text(JsonObject state, String key) {
    return AppHarness.text(state, key);
  }
}
