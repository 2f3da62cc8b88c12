package org.cnnexplainer.demo.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import org.cnnexplainer.viz.ops.OperationView;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * Test support for the state dump: where on screen a robot can hover or click — every visible
 * neuron of the overview, every region the open operation views painted, and every enabled button
 * and list of the window (by accessible name or text) — and which operation views are open.
 */
final class ScreenTargets {
  private ScreenTargets() {}

  /**
   * The targets in {@code frame}, as JSON arrays {@code neurons}, {@code regions}, {@code
   * controls}.
   */
  static JsonObject of(ExplainerFrame frame) {
    JsonObject json = new JsonObject();
    JsonArray neurons = new JsonArray();
    NetworkOverview overview = frame.explainer.overview();
    if (overview.isShowing()) {
      for (HitMap.Entry entry : overview.hitMap().entries()) {
        centre(overview, entry.bounds())
            .ifPresent(
                at -> {
                  at.addProperty("layer", entry.neuron().layer());
                  at.addProperty("neuron", entry.neuron().neuron());
                  neurons.add(at);
                });
      }
    }
    json.add("neurons", neurons);
    JsonArray regions = new JsonArray();
    frame.explainer.outerView().ifPresent(v -> addRegions(v, "outer", regions));
    frame.explainer.nestedView().ifPresent(v -> addRegions(v, "nested", regions));
    json.add("regions", regions);
    frame.explainer.outerView().ifPresent(v -> json.addProperty("outerView", kind(v)));
    frame.explainer.nestedView().ifPresent(v -> json.addProperty("nestedView", kind(v)));
    JsonArray controls = new JsonArray();
    addControls(frame.getContentPane(), controls);
    json.add("controls", controls);
    return json;
  }

  private static String kind(OperationView view) {
    return view.getClass().getSimpleName();
  }

  private static void addRegions(OperationView view, String which, JsonArray into) {
    HitMap hits = view.hits();
    if (!view.component().isShowing()) {
      return;
    }
    for (HitMap.Region region : hits.regions()) {
      centre(view.component(), region.bounds())
          .ifPresent(
              at -> {
                at.addProperty("view", which);
                at.addProperty("kind", region.kind().name());
                at.addProperty("index", region.index());
                into.add(at);
              });
    }
  }

  private static void addControls(Container parent, JsonArray into) {
    for (Component c : parent.getComponents()) {
      if (!c.isShowing()) {
        continue;
      }
      if ((c instanceof AbstractButton || c instanceof JComboBox) && c.isEnabled()) {
        String name = c.getAccessibleContext().getAccessibleName();
        if (name == null || name.isBlank()) {
          name = c instanceof AbstractButton b ? b.getText() : "";
        }
        Point origin = c.getLocationOnScreen();
        JsonObject at = new JsonObject();
        at.addProperty("name", name);
        at.addProperty("x", origin.x + c.getWidth() / 2);
        at.addProperty("y", origin.y + c.getHeight() / 2);
        into.add(at);
      } else if (c instanceof Container container) {
        addControls(container, into);
      }
    }
  }

  /**
   * The screen centre of {@code bounds} in {@code c}, if it lies in the visible part of {@code c}.
   */
  private static Optional<JsonObject> centre(JComponent c, Rectangle2D bounds) {
    Rectangle visible = c.getVisibleRect();
    int x = (int) Math.round(bounds.getCenterX());
    int y = (int) Math.round(bounds.getCenterY());
    if (!visible.contains(x, y)) {
      return Optional.empty();
    }
    Point origin = c.getLocationOnScreen();
    JsonObject at = new JsonObject();
    at.addProperty("x", origin.x + x);
    at.addProperty("y", origin.y + y);
    return Optional.of(at);
  }
}
