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
import java.util.ArrayList;
import java.util.List;
import javax.swing.JToggleButton;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.overview.NetworkOverview;

/**
 * The window's probe in the end-to-end tests: writes what the window shows to a JSON file after
 * every change (window shown, model, image, prediction, open view, which images the input and the
 * trace belong to, where on screen the first convolution neuron, the image buttons and the {@link
 * ScreenTargets} are, the {@link ScreenLayout} and the drawing dialog), so a test can drive the
 * real jar with a robot and check the result. {@link InstrumentedLauncher} installs it when {@value
 * #PROPERTY} names the file.
 */
final class StateDump extends AppProbe {
  static final String PROPERTY = "cnnexplainer.stateDump";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private final Path file;
  private final ExplainerFrame frame;

  /** A dump of {@code frame} (being built: read only later) to {@code file}. */
  StateDump(Path file, ExplainerFrame frame) {
    this.file = file;
    this.frame = frame;
  }

  @Override
  void changed() {
    write();
  }

  @Override
  void painted() {
    if (frame.state.trace().isPresent()) {
      write(); // the neuron positions are known only after a paint
    }
  }

  void write() {
    ExplainerState state = frame.state;
    NetworkOverview overview = frame.explainer.overview();
    List<Example> images = frame.strip.examples();
    boolean shown = frame.isShowing();
    JsonObject json = new JsonObject();
    json.addProperty("shown", shown);
    json.addProperty("model", frame.controller.modelName());
    json.addProperty("image", frame.controller.imageName());
    json.addProperty("prediction", frame.status.predictionText());
    json.addProperty("tracing", state.isTracing());
    json.addProperty(
        "detailView",
        frame.explainer.room() > 0.99 ? frame.viewConcept().map(Concept::id).orElse(null) : null);
    json.addProperty("dark", Theme.isDark());
    json.addProperty(
        "edits", frame.edits.history() == null ? 0 : frame.edits.history().edits().size());
    JsonObject draw = drawFacts(frame.controller.drawing());
    if (draw != null) {
      json.add("draw", draw);
    }
    // Which image the shown trace was computed for, found by identity: a stale trace shows here.
    json.addProperty("inputImage", nameOf(images, state.input().orElse(null)));
    json.addProperty(
        "traceImage", nameOf(images, state.trace().map(ActivationTrace::input).orElse(null)));
    json.add("targets", ScreenTargets.of(frame));
    json.add("layout", ScreenLayout.of(frame));
    state
        .selection()
        .ifPresent(
            s -> json.addProperty("selection", s.neuron().layer() + ":" + s.neuron().neuron()));
    List<Point> centres = buttonCentres(frame.strip, images.size());
    JsonArray buttons = new JsonArray();
    for (int i = 0; i < centres.size(); i++) {
      if (centres.get(i) == null) {
        continue; // scrolled out of the strip's view
      }
      JsonObject button = new JsonObject();
      button.addProperty("name", images.get(i).name());
      button.addProperty("x", centres.get(i).x);
      button.addProperty("y", centres.get(i).y);
      buttons.add(button);
    }
    json.add("imageButtons", buttons);
    Network network = state.network().orElse(null);
    if (network != null && shown && overview.isShowing()) {
      for (int i = 0; i < network.layers().size(); i++) {
        if (network.layer(i) instanceof Conv2D) {
          int layer = i;
          overview
              .hitMap()
              .boundsOf(new NeuronRef(layer, 0))
              .ifPresent(
                  b -> json.add("convNeuron", centre(overview, b, network.layer(layer).name())));
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

  /**
   * Where on screen each of the strip's first {@code count} image buttons is (its centre), {@code
   * null} for one scrolled out of view.
   */
  private static List<Point> buttonCentres(ImageStrip strip, int count) {
    List<Point> centres = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JToggleButton b = strip.button(i);
      JViewport viewport = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, b);
      int cx = b.getX() + b.getWidth() / 2;
      int cy = b.getY() + b.getHeight() / 2;
      if (b.isShowing() && viewport != null && viewport.getViewRect().contains(cx, cy)) {
        Point p = b.getLocationOnScreen();
        centres.add(new Point(p.x + b.getWidth() / 2, p.y + b.getHeight() / 2));
      } else {
        centres.add(null);
      }
    }
    return centres;
  }

  /**
   * The drawing pad's bounds on screen, the prediction line, and whether the drawing is the state's
   * input; null unless {@code dialog} is showing.
   */
  private JsonObject drawFacts(DrawDialog dialog) {
    if (dialog == null || !dialog.isShowing() || !dialog.pad.isShowing()) {
      return null;
    }
    Point at = dialog.pad.getLocationOnScreen();
    JsonObject json = new JsonObject();
    json.addProperty("x", at.x);
    json.addProperty("y", at.y);
    json.addProperty("w", dialog.pad.getWidth());
    json.addProperty("h", dialog.pad.getHeight());
    json.addProperty("prediction", dialog.prediction.getText());
    json.addProperty("drawn", frame.state.input().orElse(null) == dialog.pad.input());
    json.addProperty("inkSum", sum(dialog.pad.input()));
    return json;
  }

  private static double sum(Tensor t) {
    double s = 0;
    for (int i = 0; i < t.size(); i++) {
      s += t.at(i);
    }
    return s;
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
