package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End-to-end test of the packaged jar on a virtual X display: starts Xvfb and the jar's {@code app
 * --model M IMAGE} (through {@link InstrumentedLauncher}, see {@link AppHarness}), waits for the
 * window, takes a screenshot, clicks a convolution neuron with a {@link java.awt.Robot} (in a
 * {@link RobotDriver} process), and checks through the application's state dump ({@value
 * StateDump#PROPERTY}) that the neuron's view opened, that the image from the command line is shown
 * with the label the network predicts, that another example can be chosen and that Esc closes the
 * view. Then, with the window at 1024×700 and at 1600×1000, it opens every view by clicking as a
 * learner would (convolution, its formula card, ReLU, pooling, flatten, softmax) and checks each is
 * fully visible: every painted text inside the panel and the window, no two texts overlapping, the
 * card inside the panel and off the neuron it explains; screenshots land in {@code target/e2e/}.
 * Skipped, with the reason, without Xvfb.
 */
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(EndToEndTally.class)
class AppEndToEndIT {
  private static AppHarness harness;
  private static HookClient hooks;
  private static Network network;
  private static String expectedLabel;
  private static Path target = Path.of("target", "e2e");

  @BeforeAll
  static void start() throws Exception {
    Path work = AppHarness.prepare("E2E");
    Files.createDirectories(target);
    Path image = SeededModel.writeImage(work.resolve("my-shoe.png"), 99);
    network = TfjsModel.load(AppHarness.modelJson(work));
    expectedLabel =
        network.trace(ImageInput.fromFile(image, network.inputShape())).predicted().label();
    Path hookDir = Files.createDirectories(work.resolve("hooks"));
    harness =
        AppHarness.start(
            work,
            List.of("-D" + PaintTimer.PROPERTY + "=true", HookClient.option(hookDir)),
            List.of(image.toString()),
            "1920x1080");
    hooks = new HookClient(hookDir, harness);
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
    assertEquals(1920, image.getWidth(), "the screenshot is of the whole screen");
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

  @Test
  @Order(21)
  void drawingAnInputClassifiesItAsItIsDrawn() throws Exception {
    robot("keys CONTROL D");
    JsonObject pad =
        awaitState("the drawing pad, blank", s -> s.has("draw")).getAsJsonObject("draw");
    assertEquals(0, pad.get("inkSum").getAsDouble(), "a new pad is blank");
    int x = pad.get("x").getAsInt();
    int y = pad.get("y").getAsInt();
    int w = pad.get("w").getAsInt();
    int h = pad.get("h").getAsInt();
    // A "T": a bar across the top third and a stem down the middle.
    robot("drag " + (x + w / 4) + " " + (y + h / 3) + " " + (x + 3 * w / 4) + " " + (y + h / 3));
    robot("drag " + (x + w / 2) + " " + (y + h / 3) + " " + (x + w / 2) + " " + (y + 5 * h / 6));
    JsonObject state =
        awaitState(
            "the drawing as the input, traced and predicted",
            s ->
                s.has("draw")
                    && s.getAsJsonObject("draw").get("drawn").getAsBoolean()
                    && s.getAsJsonObject("draw").get("inkSum").getAsDouble() > 10
                    && !s.get("tracing").getAsBoolean()
                    && text(s.getAsJsonObject("draw"), "prediction")
                        .matches("The network sees: .+ \\([0-9.]+ %\\)"));
    // The pad and the status bar show the same class from the same trace.
    String padSays = text(state.getAsJsonObject("draw"), "prediction");
    String label = padSays.substring("The network sees: ".length(), padSays.lastIndexOf(" ("));
    assertTrue(
        text(state, "prediction").startsWith("Prediction: " + label + " ("),
        "pad: " + padSays + "; status bar: " + text(state, "prediction"));
    robot("shot " + target.resolve("draw.png").toAbsolutePath());
    robot("key ESCAPE");
    awaitState("the pad closed", s -> !s.has("draw"));
  }

  @Test
  @Order(19)
  void silencingAChannelAndUndoingItRepredicts() throws Exception {
    JsonObject before =
        awaitState(
            "an image traced, no edits",
            s ->
                s.get("edits").getAsInt() == 0
                    && !s.get("tracing").getAsBoolean()
                    && s.has("image")
                    && s.get("image").isJsonPrimitive()
                    && text(s, "prediction").startsWith("Prediction: "));
    String image = text(before, "image");
    Tensor input =
        ImageInput.fromFile(harness.work.resolve("model").resolve(image), network.inputShape());
    JsonObject neuron = neuron(before, 0, 1);
    assertTrue(neuron != null, "conv_1_1's channel 1 is on screen");
    robot("rclick " + neuron.get("x").getAsInt() + " " + neuron.get("y").getAsInt());
    // The first item of the menu that opens at the pointer: "Silence channel 1 of conv_1_1".
    robot("click " + (neuron.get("x").getAsInt() + 30) + " " + (neuron.get("y").getAsInt() + 12));
    Network silenced = NetworkEdit.zeroChannel(network.layer(0).name(), 1).applyTo(network);
    String expected =
        "Prediction: "
            + describe(silenced.trace(input).predicted())
            + " · unedited: "
            + describe(network.trace(input).predicted());
    JsonObject edited =
        awaitState(
            "the silenced channel's prediction beside the unedited one",
            s -> s.get("edits").getAsInt() == 1 && expected.equals(text(s, "prediction")));
    assertEquals(image, text(edited, "image"), "the same image, retraced");
    robot("shot " + target.resolve("edit.png").toAbsolutePath());
    robot("keys CONTROL Z");
    String original = "Prediction: " + describe(network.trace(input).predicted());
    awaitState(
        "the edit undone",
        s -> s.get("edits").getAsInt() == 0 && original.equals(text(s, "prediction")));
  }

  @Test
  @Order(18)
  void draggingAKernelWeightInTheViewAndUndoingItRepredicts() throws Exception {
    JsonObject before = awaitState("an image traced, no edits", AppEndToEndIT::tracedUnedited);
    Tensor input =
        ImageInput.fromFile(
            harness.work.resolve("model").resolve(text(before, "image")), network.inputShape());
    open("conv-weights", 0, 1, "ConvolutionElasticView", null, "edit");
    // Weight (1, 1) of input channel 0 in neuron 1's kernel glyph: drag it 100 pixels up.
    JsonObject cell =
        region(
            awaitState("the kernel glyph's cells", s -> region(s, "WEIGHT", 4) != null),
            "WEIGHT",
            4);
    int x = cell.get("x").getAsInt();
    int y = cell.get("y").getAsInt();
    robot("drag " + x + " " + y + " " + x + " " + (y - 100));
    float weight = ((Conv2D) network.layer(0)).weight(1, 0, 1, 1);
    NetworkEdit edit =
        NetworkEdit.setWeight(
            network.layer(0).name(), "kernel", new int[] {1, 0, 1, 1}, weight + 100 * 0.01f);
    Network edited = edit.applyTo(network);
    String expected =
        "Prediction: "
            + describe(edited.trace(input).predicted())
            + " · unedited: "
            + describe(network.trace(input).predicted());
    awaitState(
        "the dragged weight's prediction beside the unedited one (one edit)",
        s -> s.get("edits").getAsInt() == 1 && expected.equals(text(s, "prediction")));
    robot("shot " + target.resolve("weight-edit.png").toAbsolutePath());
    robot("keys CONTROL Z");
    String original = "Prediction: " + describe(network.trace(input).predicted());
    awaitState(
        "the weight edit undone",
        s -> s.get("edits").getAsInt() == 0 && original.equals(text(s, "prediction")));
    closeAll();
  }

  @Test
  @Order(20)
  void zeroingAChannelAndPinningASecondImageComparesBoth() throws Exception {
    JsonObject before = awaitState("an image traced, no edits", AppEndToEndIT::tracedUnedited);
    String first = text(before, "image");
    JsonObject neuron = neuron(before, 0, 1);
    robot("rclick " + neuron.get("x").getAsInt() + " " + neuron.get("y").getAsInt());
    robot("click " + (neuron.get("x").getAsInt() + 30) + " " + (neuron.get("y").getAsInt() + 12));
    awaitState("channel 1 silenced", s -> s.get("edits").getAsInt() == 1);
    robot("keys CONTROL SHIFT P");
    JsonObject other = null;
    for (var b : before.getAsJsonArray("imageButtons")) {
      if (!first.equals(b.getAsJsonObject().get("name").getAsString())) {
        other = b.getAsJsonObject();
        break;
      }
    }
    assertTrue(other != null, "another example to compare with");
    String second = other.get("name").getAsString();
    robot("click " + other.get("x").getAsInt() + " " + other.get("y").getAsInt());
    Network silenced = NetworkEdit.zeroChannel(network.layer(0).name(), 1).applyTo(network);
    Path folder = harness.work.resolve("model");
    String expected =
        "Prediction: "
            + describe(
                silenced
                    .trace(ImageInput.fromFile(folder.resolve(second), network.inputShape()))
                    .predicted())
            + " · pinned image: "
            + describe(
                silenced
                    .trace(ImageInput.fromFile(folder.resolve(first), network.inputShape()))
                    .predicted());
    awaitState(
        "both images' predictions on the edited network",
        s -> second.equals(text(s, "image")) && expected.equals(text(s, "prediction")));
    robot("shot " + target.resolve("pinned.png").toAbsolutePath());
    robot("keys CONTROL SHIFT P"); // unpin
    robot("keys CONTROL Z");
    awaitState(
        "unpinned, no edits", s -> tracedUnedited(s) && !text(s, "prediction").contains("·"));
  }

  private static boolean tracedUnedited(JsonObject s) {
    return s.get("edits").getAsInt() == 0
        && !s.get("tracing").getAsBoolean()
        && s.has("image")
        && s.get("image").isJsonPrimitive()
        && text(s, "prediction").startsWith("Prediction: ");
  }

  private static String describe(org.cnnexplainer.core.ClassScore score) {
    return String.format(
        java.util.Locale.ROOT, "%s (%.1f %%)", score.label(), 100.0 * score.probability());
  }

  @ParameterizedTest(name = "every view fully visible and overlap-free at {0}x{1}")
  @CsvSource({"1024, 700", "1600, 1000"})
  @Order(8)
  void everyViewIsFullyVisibleAndOverlapFree(int width, int height) throws Exception {
    assertEquals(width + " " + height, hooks.send("resize " + width + " " + height));
    hooks.send("idle");
    awaitState(
        "the window at " + width + "x" + height,
        s -> s.has("layout") && AppHarness.windowIs(s.getAsJsonObject("layout"), width, height));
    int conv = network.indexOf("conv_1_2").getAsInt();
    int relu = network.indexOf("relu_1_2").getAsInt();
    int pool = network.indexOf("max_pool_1").getAsInt();
    int output = network.layers().size() - 1;
    String size = width + "x" + height;
    open("conv", conv, 1, "ConvolutionElasticView", null, size);
    openRegion("conv-formula", "CHANNEL", 1, "ConvolutionFormulaView", size);
    open("activation", relu, 2, "ActivationFormulaView", null, size);
    open("pool", pool, 3, "PoolingFormulaView", null, size);
    open("flatten", output, 4, "FlattenView", null, size);
    openRegion("softmax", "SOFTMAX_BUTTON", 0, "SoftmaxView", size);
    closeAll();
  }

  /**
   * Why? (Ctrl+I) explains the prediction; the keyboard picks integrated gradients, Grad-CAM and
   * occlusion, whose step views open fully visible and overlap-free; a second class gives two
   * overlays side by side; Esc closes the window.
   */
  @Test
  @Order(9)
  void whyWindowOpensEveryAttributionView() throws Exception {
    closeAll();
    String label =
        text(awaitState("a prediction", s -> text(s, "prediction") != null), "prediction")
            .replaceFirst("^Prediction: ", "")
            .replaceFirst(" \\(.*$", "");
    int predicted = network.classLabels().indexOf(label);
    assertTrue(predicted >= 0, "the shown prediction " + label + " is a class");
    robot("keys CONTROL I");
    JsonObject why =
        awaitWhy(
            "the Why? window explaining the prediction by saliency",
            w ->
                "saliency".equals(text(w, "shownMethod"))
                    && w.get("classIndex").getAsInt() == predicted);
    assertEquals("Overlay", text(why, "tab"));
    robot("key TAB"); // from the class box to the method box
    robot("key DOWN");
    robot("key DOWN");
    robot("keys ALT S"); // the "Step by step" tab
    checkWhyView("integrated-gradients", "IntegratedGradientsView");
    robot("key DOWN");
    robot("key DOWN");
    checkWhyView("grad-cam", "GradCamSteps");
    robot("key DOWN");
    checkWhyView("occlusion", "OcclusionSweep");
    robot("key TAB"); // the comparison box: the first class
    robot("key DOWN");
    robot("keys ALT O"); // the "Overlay" tab
    awaitWhy(
        "two overlays side by side",
        w -> w.get("overlays").getAsInt() == 2 && w.get("compareIndex").getAsInt() == 0);
    robot("shot " + target.resolve("why-compare.png").toAbsolutePath());
    robot("key ESCAPE");
    awaitState(
        "the Why? window closed", s -> s.has("layout") && !s.getAsJsonObject("layout").has("why"));
  }

  /** Waits for the method's step view and checks it is fully visible, texts apart. */
  private static void checkWhyView(String method, String view) throws Exception {
    awaitWhy(
        method + " step by step",
        w ->
            method.equals(text(w, "shownMethod"))
                && view.equals(text(w, "stepView"))
                && w.has("texts")
                && w.getAsJsonArray("texts").size() > 3);
    Thread.sleep(300); // a repaint after the layout
    JsonObject why = awaitWhy(method + " painted", w -> view.equals(text(w, "stepView")));
    robot("shot " + target.resolve("why-" + method + ".png").toAbsolutePath());
    JsonObject layout = new JsonObject();
    layout.add("window", why.getAsJsonObject("window"));
    layout.add("panel", why.getAsJsonObject("view"));
    layout.add("texts", why.getAsJsonArray("texts"));
    assertFullyVisible("Why? " + method, layout);
  }

  private static JsonObject awaitWhy(String what, Predicate<JsonObject> ready) throws Exception {
    return awaitState(
            what,
            s ->
                s.has("layout")
                    && s.getAsJsonObject("layout").has("why")
                    && ready.test(s.getAsJsonObject("layout").getAsJsonObject("why")))
        .getAsJsonObject("layout")
        .getAsJsonObject("why");
  }

  /** Closes every view, clicks neuron {@code (layer, neuron)} and checks the view it opens. */
  private static void open(
      String view, int layer, int neuron, String outer, String nested, String size)
      throws Exception {
    closeAll();
    JsonObject at =
        neuron(
            awaitState("neuron " + layer + ":" + neuron, s -> hasNeuron(s, layer, neuron)),
            layer,
            neuron);
    robot("click " + at.get("x").getAsInt() + " " + at.get("y").getAsInt());
    checkOpen(view, outer, nested, size);
  }

  /** Clicks the open view's region of {@code kind} {@code index} and checks the card it opens. */
  private static void openRegion(String view, String kind, int index, String nested, String size)
      throws Exception {
    JsonObject state = awaitState("a " + kind + " region", s -> region(s, kind, index) != null);
    JsonObject at = region(state, kind, index);
    robot("click " + at.get("x").getAsInt() + " " + at.get("y").getAsInt());
    checkOpen(view, null, nested, size);
  }

  private static void checkOpen(String view, String outer, String nested, String size)
      throws Exception {
    JsonObject state =
        awaitState(
            view + " open and settled",
            s -> {
              JsonObject targets = s.getAsJsonObject("targets");
              JsonObject layout = s.getAsJsonObject("layout");
              return (outer == null || outer.equals(text(targets, "outerView")))
                  && (nested == null || nested.equals(text(targets, "nestedView")))
                  && layout != null
                  && layout.has("room")
                  && layout.get("room").getAsDouble() >= 1
                  && (nested == null
                          && !"ActivationFormulaView".equals(outer)
                          && !"PoolingFormulaView".equals(outer)
                      || laidOut(layout, "card"));
            });
    Thread.sleep(150); // the repaint after the layout
    state = awaitState(view + " painted", s -> s.getAsJsonObject("layout").has("texts"));
    robot("shot " + target.resolve("view-" + view + "-" + size + ".png").toAbsolutePath());
    assertFullyVisible(view + " at " + size, state.getAsJsonObject("layout"));
  }

  /**
   * Whether the dumped layout has {@code box} with a size: a dump written between a card's arrival
   * and the layout after it (a busy machine may take longer than the pause below) has it empty.
   */
  private static boolean laidOut(JsonObject layout, String box) {
    return layout.has(box)
        && layout.getAsJsonObject(box).get("w").getAsDouble() > 0
        && layout.getAsJsonObject(box).get("h").getAsDouble() > 0;
  }

  /** Texts inside the panel and the window, none overlapping; the card inside, off its neuron. */
  private static void assertFullyVisible(String what, JsonObject layout) {
    Rectangle2D window = rect(layout.getAsJsonObject("window"));
    Rectangle2D panel = rect(layout.getAsJsonObject("panel"));
    assertTrue(
        new Rectangle2D.Double(0, 0, 1920, 1080).contains(window),
        what + ": the window " + window + " leaves the 1920x1080 screen");
    assertTrue(grow(window, 0.5).contains(panel), what + ": the panel leaves the window");
    List<Rectangle2D> boxes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (var element : layout.getAsJsonArray("texts")) {
      JsonObject t = element.getAsJsonObject();
      Rectangle2D r = rect(t);
      assertTrue(
          grow(panel, 0.5).contains(r), what + ": '" + text(t, "text") + "' cut off at " + r);
      for (int i = 0; i < boxes.size(); i++) {
        Rectangle2D o = boxes.get(i);
        double w = Math.min(o.getMaxX(), r.getMaxX()) - Math.max(o.getX(), r.getX());
        double h = Math.min(o.getMaxY(), r.getMaxY()) - Math.max(o.getY(), r.getY());
        assertFalse(
            w > 0.5 && h > 0.5,
            what + ": '" + text(t, "text") + "' overlaps '" + names.get(i) + "'");
      }
      boxes.add(r);
      names.add(text(t, "text"));
    }
    assertFalse(boxes.isEmpty(), what + ": no texts recorded");
    if (layout.has("card")) {
      Rectangle2D card = rect(layout.getAsJsonObject("card"));
      assertTrue(
          grow(panel, 0.5).contains(card), what + ": the card " + card + " leaves the panel");
      Rectangle2D anchor = rect(layout.getAsJsonObject("anchor"));
      assertFalse(card.intersects(anchor), what + ": the card covers its neuron " + anchor);
    }
  }

  private static void closeAll() throws Exception {
    for (int i = 0; i < 3; i++) {
      robot("key ESCAPE");
    }
    awaitState("every view closed", s -> !s.getAsJsonObject("targets").has("outerView"));
  }

  private static boolean hasNeuron(JsonObject state, int layer, int neuron) {
    return neuron(state, layer, neuron) != null;
  }

  private static JsonObject neuron(JsonObject state, int layer, int neuron) {
    for (var e : state.getAsJsonObject("targets").getAsJsonArray("neurons")) {
      JsonObject n = e.getAsJsonObject();
      if (n.get("layer").getAsInt() == layer && n.get("neuron").getAsInt() == neuron) {
        return n;
      }
    }
    return null;
  }

  private static JsonObject region(JsonObject state, String kind, int index) {
    for (var e : state.getAsJsonObject("targets").getAsJsonArray("regions")) {
      JsonObject r = e.getAsJsonObject();
      if (kind.equals(text(r, "kind")) && r.get("index").getAsInt() == index) {
        return r;
      }
    }
    return null;
  }

  private static Rectangle2D rect(JsonObject r) {
    return new Rectangle2D.Double(
        r.get("x").getAsDouble(),
        r.get("y").getAsDouble(),
        r.get("w").getAsDouble(),
        r.get("h").getAsDouble());
  }

  private static Rectangle2D grow(Rectangle2D r, double by) {
    return new Rectangle2D.Double(
        r.getX() - by, r.getY() - by, r.getWidth() + 2 * by, r.getHeight() + 2 * by);
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
