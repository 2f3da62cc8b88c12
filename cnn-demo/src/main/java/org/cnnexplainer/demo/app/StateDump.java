package org.cnnexplainer.demo.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Point;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.demo.cli.OutputFile;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.overview.NetworkOverview;

/**
 * Test support: when the system property {@value #PROPERTY} names a file, the application writes
 * what it shows there as JSON after every change (window shown, model, image, prediction, open
 * view, which images the input and the trace belong to, and where on screen the first convolution
 * neuron and the {@link ScreenTargets} are), so an end-to-end test can drive the real jar with a
 * robot and check the result. Off (and free) otherwise.
 */
final class StateDump {
  static final String PROPERTY = "cnnexplainer.stateDump";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private final Path file;

  private StateDump(Path file) {
    this.file = file;
  }

  /** A dump to the file the property names, or {@code null} when it is not set. */
  static StateDump fromSystemProperty() {
    String path = System.getProperty(PROPERTY);
    return path == null || path.isBlank() ? null : new StateDump(Path.of(path));
  }

  /** The facts a test may check. */
  record Facts(
      boolean shown,
      String model,
      String image,
      String prediction,
      String detailView,
      NetworkOverview overview,
      boolean dark,
      List<Example> images,
      List<Point> imageButtons,
      JsonObject targets,
      JsonObject layout,
      JsonObject draw,
      int edits) {}

  void write(ExplainerState state, Supplier<Facts> facts) {
    Facts f = facts.get();
    JsonObject json = new JsonObject();
    json.addProperty("shown", f.shown());
    json.addProperty("model", f.model());
    json.addProperty("image", f.image());
    json.addProperty("prediction", f.prediction());
    json.addProperty("tracing", state.isTracing());
    json.addProperty("detailView", f.detailView());
    json.addProperty("dark", f.dark());
    json.addProperty("edits", f.edits());
    if (f.draw() != null) {
      json.add("draw", f.draw());
    }
    // Which image the shown trace was computed for, found by identity: a stale trace shows here.
    json.addProperty("inputImage", nameOf(f.images(), state.input().orElse(null)));
    json.addProperty(
        "traceImage", nameOf(f.images(), state.trace().map(ActivationTrace::input).orElse(null)));
    json.add("targets", f.targets());
    json.add("layout", f.layout());
    state
        .selection()
        .ifPresent(
            s -> json.addProperty("selection", s.neuron().layer() + ":" + s.neuron().neuron()));
    JsonArray buttons = new JsonArray();
    for (int i = 0; i < f.imageButtons().size() && i < f.images().size(); i++) {
      if (f.imageButtons().get(i) == null) {
        continue; // scrolled out of the strip's view
      }
      JsonObject button = new JsonObject();
      button.addProperty("name", f.images().get(i).name());
      button.addProperty("x", f.imageButtons().get(i).x);
      button.addProperty("y", f.imageButtons().get(i).y);
      buttons.add(button);
    }
    json.add("imageButtons", buttons);
    Network network = state.network().orElse(null);
    if (network != null && f.shown() && f.overview().isShowing()) {
      for (int i = 0; i < network.layers().size(); i++) {
        if (network.layer(i) instanceof Conv2D) {
          int layer = i;
          f.overview()
              .hitMap()
              .boundsOf(new NeuronRef(layer, 0))
              .ifPresent(
                  b ->
                      json.add("convNeuron", centre(f.overview(), b, network.layer(layer).name())));
          break;
        }
      }
    }
    try {
      // Whole or not at all (a temporary file renamed over it): a polling test never reads half.
      OutputFile.of(file)
          .write(out -> out.write(GSON.toJson(json).getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      System.err.println(
          "cnn-explainer: cannot write the state dump " + file + ": " + e.getMessage());
    }
  }

  private static String nameOf(List<Example> images, Tensor input) {
    if (input == null) {
      return null;
    }
    return images.stream()
        .filter(e -> e.input() == input)
        .map(Example::name)
        .findFirst()
        .orElse("?");
  }

  private static JsonObject centre(NetworkOverview overview, Rectangle2D bounds, String layer) {
    Point origin = overview.getLocationOnScreen();
    JsonObject at = new JsonObject();
    at.addProperty("layer", layer);
    at.addProperty("x", origin.x + (int) Math.round(bounds.getCenterX()));
    at.addProperty("y", origin.y + (int) Math.round(bounds.getCenterY()));
    return at;
  }
}
