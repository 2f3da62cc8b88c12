package org.cnnexplainer.demo.app;

import static org.cnnexplainer.demo.app.AppHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.overview.NetworkOverview;

/**
 * The soak's random interactions, one kind chosen per step with fixed weights; each reads the
 * targets from the latest state dump (after the application's event queue drained) and acts on them
 * with the robot.
 */
final class SoakActions {
  private static final Set<String> CONTROLS =
      Set.of(
          "Colour range",
          "Palette",
          "Details",
          "Play",
          "Pause",
          "Reduced motion",
          "Dark",
          "Tutorial",
          "Explain this view",
          "Tutorial topic",
          "Close tutorial");
  private static final List<String> KEYS = List.of("LEFT", "RIGHT", "UP", "DOWN", "ENTER");

  /** Longer than the overview takes to fold a closed view away. */
  private static final long FOLD_MS = NetworkOverview.UNFOLD_MS + 200;

  private static final int[][] SIZES = {{1280, 800}, {1000, 700}, {760, 560}, {1200, 620}};

  private final AppHarness harness;
  private final HookClient hooks;
  private final Random random;
  private final Map<String, Integer> counts;
  private final Consumer<JsonObject> check;
  private int bursts;
  private int guided;

  SoakActions(
      AppHarness harness,
      HookClient hooks,
      Random random,
      Map<String, Integer> counts,
      Consumer<JsonObject> check) {
    this.harness = harness;
    this.hooks = hooks;
    this.random = random;
    this.counts = counts;
    this.check = check;
  }

  int burstsChecked() {
    return bursts;
  }

  /** Performs one random step (a burst counts each switch); returns how many interactions. */
  int next() throws Exception {
    JsonObject state = settled();
    int roll = random.nextInt(100);
    if (roll < 25) {
      return point("hover neuron", "move", array(state, "neurons"));
    } else if (roll < 40) {
      return point("click neuron", "click", array(state, "neurons"));
    } else if (roll < 54) {
      JsonArray regions = array(state, "regions");
      return regions.isEmpty()
          ? point("click neuron", "click", array(state, "neurons"))
          : point("click view region", "click", ofOneKind(regions));
    } else if (roll < 61) {
      harness.robot("key ESCAPE");
      return count("escape");
    } else if (roll < 70) {
      return point("switch image", "click", state.getAsJsonArray("imageButtons"));
    } else if (roll < 73) {
      return burst(state);
    } else if (roll < 79) {
      harness.robot("key " + KEYS.get(random.nextInt(KEYS.size())));
      return count("arrow or enter key");
    } else if (roll < 81) {
      int[] size = SIZES[random.nextInt(SIZES.length)];
      hooks.send("resize " + size[0] + " " + size[1]);
      hooks.send("idle");
      // The next action clicks screen positions from the dump: wait until they are the moved
      // window's (the window goes to the screen's top-left corner).
      harness.awaitState(
          "the window at 0,0 " + size[0] + "x" + size[1],
          s -> s.has("layout") && windowAt(s.getAsJsonObject("layout"), size[0], size[1]));
      return count("resize");
    }
    return control(state);
  }

  private static boolean windowAt(JsonObject layout, int width, int height) {
    return AppHarness.windowIs(layout, width, height)
        && layout.getAsJsonObject("window").get("x").getAsDouble() == 0
        && layout.getAsJsonObject("window").get("y").getAsDouble() == 0;
  }

  /** Clicks a random toolbar or tutorial control; a list is opened and a neighbour chosen. */
  private int control(JsonObject state) throws Exception {
    List<JsonObject> controls =
        array(state, "controls").asList().stream()
            .map(e -> e.getAsJsonObject())
            .filter(c -> CONTROLS.contains(text(c, "name")))
            .toList();
    JsonObject c = controls.get(random.nextInt(controls.size()));
    String name = text(c, "name");
    click(harness, c);
    if (name.equals("Colour range") || name.equals("Palette") || name.equals("Tutorial topic")) {
      harness.robot("key " + (random.nextBoolean() ? "DOWN" : "UP"));
      harness.robot("key ENTER");
    }
    return count(name.equals("Pause") ? "Play" : name);
  }

  /**
   * Clicks 3 to 6 images as fast as the robot can, then waits for the trace and checks that it and
   * the prediction are the last image's (older traces finishing late must be dropped).
   */
  private int burst(JsonObject state) throws Exception {
    JsonArray buttons = state.getAsJsonArray("imageButtons");
    // An open list (a toolbar combo box's) or a weight's value dialog (two quick clicks on a
    // weight open it) would take the clicks: a learner closes it first.
    for (int i = 0; i < 3 && !hooks.send("popups").equals("0"); i++) {
      harness.robot("key ESCAPE");
      hooks.send("idle");
    }
    harness.robot("delay 0");
    int n = 3 + random.nextInt(4);
    String last = null;
    for (int i = 0; i < n; i++) {
      JsonObject b = buttons.get(random.nextInt(buttons.size())).getAsJsonObject();
      click(harness, b);
      last = text(b, "name");
    }
    harness.robot("delay 5");
    hooks.send("idle");
    String expected = last;
    JsonObject after;
    try {
      after =
          harness.awaitState(
              "the trace of " + expected,
              s -> !s.get("tracing").getAsBoolean() && expected.equals(text(s, "traceImage")));
    } catch (AssertionError e) {
      harness.robot("shot " + AppSoakIT.TARGET.resolve("burst-timeout.png").toAbsolutePath());
      throw e;
    }
    check.accept(after);
    assertEquals(expected, text(after, "image"), "the chosen image after a burst");
    bursts++;
    counts.merge("switch image (burst)", n, Integer::sum);
    return n;
  }

  /**
   * Opens every operation view once along a learner's route — a neuron of each kind of layer, then
   * the nested view from its region — so that the soak covers each view whatever the random walk
   * (whose targets depend on the machine's timing) reaches. Returns how many interactions.
   */
  int openEveryView(Network network) throws Exception {
    int before = guided;
    int conv = firstLayer(network, Conv2D.class);
    int output = network.layers().size() - 1;
    open(conv, null, "ConvolutionElasticView");
    open(conv, "CHANNEL", "ConvolutionFormulaView");
    open(firstLayer(network, ActivationLayer.class), null, "ActivationFormulaView");
    open(firstLayer(network, Pooling2D.class), null, "PoolingFormulaView");
    open(output, null, "FlattenView");
    open(output, "SOFTMAX_BUTTON", "SoftmaxView");
    closeViews();
    return guided - before;
  }

  private static int firstLayer(Network network, Class<? extends Layer> kind) {
    for (int i = 0; i < network.layers().size(); i++) {
      if (kind.isInstance(network.layer(i))) {
        return i;
      }
    }
    throw new IllegalArgumentException("the soak's model has no " + kind.getSimpleName());
  }

  /**
   * Opens {@code view} by clicking a neuron of {@code layer}, then, if {@code region} is given, the
   * open view's first region of that kind. Starts again from the overview when the view does not
   * appear: a click can land while the overview still folds a closed view away (its neurons move),
   * and an Esc pressed to close views can reach the window after the click.
   */
  private void open(int layer, String region, String view) throws Exception {
    for (int attempt = 1; attempt <= 3; attempt++) {
      closeViews();
      Thread.sleep(FOLD_MS);
      if (clickFirst("neurons", t -> t.get("layer").getAsInt() == layer)
          && (region == null
              ? shows("outerView", view)
              : clickFirst("regions", t -> region.equals(text(t, "kind")))
                  && shows("nestedView", view))) {
        count("guided open");
        if (attempt > 1) {
          System.out.println("SOAK " + view + " opened at attempt " + attempt);
        }
        return;
      }
    }
    fail(view + " did not open in 3 attempts; last state: " + harness.dump("state.json"));
  }

  /** Presses Esc until no operation view is open (the tutorial or a popup may take a press). */
  private void closeViews() throws Exception {
    for (int presses = 0; presses < 8; presses++) {
      hooks.send("idle");
      JsonObject state = harness.awaitState("a readable state", s -> s.has("targets"));
      if (!state.getAsJsonObject("targets").has("outerView")) {
        return;
      }
      harness.robot("key ESCAPE");
      guided++;
    }
    harness.awaitState(
        "every view closed after 8 presses of Esc",
        s -> !s.getAsJsonObject("targets").has("outerView"));
  }

  private boolean clickFirst(String key, Predicate<JsonObject> wanted) throws Exception {
    Optional<JsonObject> state = within(s -> firstOf(s, key, wanted) != null);
    if (state.isEmpty()) {
      return false;
    }
    click(harness, firstOf(state.get(), key, wanted));
    guided++;
    return true;
  }

  private boolean shows(String key, String view) throws Exception {
    hooks.send("idle");
    Optional<JsonObject> state = within(s -> view.equals(text(s.getAsJsonObject("targets"), key)));
    state.ifPresent(check);
    return state.isPresent();
  }

  /** The first state dump within a few seconds that satisfies {@code ready}, if any. */
  private Optional<JsonObject> within(Predicate<JsonObject> ready) throws Exception {
    return harness.pollDump("state.json", s -> s.has("targets") && ready.test(s), 5_000);
  }

  private static JsonObject firstOf(JsonObject state, String key, Predicate<JsonObject> wanted) {
    for (var e : array(state, key)) {
      if (wanted.test(e.getAsJsonObject())) {
        return e.getAsJsonObject();
      }
    }
    return null;
  }

  /** The state after the application's event queue drained, checked. */
  private JsonObject settled() throws Exception {
    hooks.send("idle");
    JsonObject state = harness.awaitState("a readable state", s -> s.has("targets"));
    check.accept(state);
    return state;
  }

  private int point(String kind, String action, JsonArray targets) throws Exception {
    if (targets.isEmpty()) {
      return 0;
    }
    JsonObject at = targets.get(random.nextInt(targets.size())).getAsJsonObject();
    harness.robot(action + " " + at.get("x").getAsInt() + " " + at.get("y").getAsInt());
    return count(kind);
  }

  /**
   * The regions of one kind, the kind chosen uniformly: a view paints dozens of strips or channels
   * but one softmax box or close button, and those must be clicked too.
   */
  private JsonArray ofOneKind(JsonArray regions) {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    for (var r : regions) {
      String kind = r.getAsJsonObject().get("kind").getAsString();
      if (!kinds.contains(kind)) {
        kinds.add(kind);
      }
    }
    String kind = kinds.get(random.nextInt(kinds.size()));
    JsonArray same = new JsonArray();
    for (var r : regions) {
      if (r.getAsJsonObject().get("kind").getAsString().equals(kind)) {
        same.add(r);
      }
    }
    return same;
  }

  private int count(String kind) {
    counts.merge(kind, 1, Integer::sum);
    return 1;
  }

  static void click(AppHarness harness, JsonObject at) throws Exception {
    harness.robot("click " + at.get("x").getAsInt() + " " + at.get("y").getAsInt());
  }

  private static JsonArray array(JsonObject state, String key) {
    return state.getAsJsonObject("targets").getAsJsonArray(key);
  }
}
