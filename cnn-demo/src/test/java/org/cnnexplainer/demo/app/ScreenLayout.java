package org.cnnexplainer.demo.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Component;
import java.awt.Point;
import java.awt.Window;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * Test support for the state dump: where the window, the explainer panel, the open card and the
 * neuron it explains are on screen, and every text the panel painted last (on screen), so an
 * end-to-end test can check that each view is fully visible and that no two texts overlap.
 */
final class ScreenLayout {
  private ScreenLayout() {}

  /** The layout facts of {@code frame} as JSON (empty when the panel is not showing). */
  static JsonObject of(ExplainerFrame frame) {
    JsonObject json = new JsonObject();
    ExplainerPanel panel = frame.explainer;
    if (!frame.isShowing() || !panel.isShowing()) {
      return json;
    }
    json.add("window", box(frame.getLocationOnScreen(), frame.getBounds().getSize(), 0, 0));
    Point origin = panel.getLocationOnScreen();
    json.add(
        "panel", rect(new Rectangle2D.Double(0, 0, panel.getWidth(), panel.getHeight()), origin));
    json.addProperty("room", panel.room());
    panel.card().ifPresent(card -> json.add("card", rect(((Component) card).getBounds(), origin)));
    panel.cardAnchor().ifPresent(anchor -> json.add("anchor", rect(anchor, origin)));
    JsonArray texts = new JsonArray();
    for (PaintedText t : panel.paintedTexts()) {
      JsonObject text = rect(t.bounds(), origin);
      text.addProperty("text", t.text());
      texts.add(text);
    }
    json.add("texts", texts);
    frame.why.window().filter(Window::isShowing).ifPresent(w -> json.add("why", why(w)));
    return json;
  }

  /**
   * The "Why?" window: its bounds, the method chosen and shown, the tab, the classes, how many
   * overlays, and the step view on show with its painted texts.
   */
  private static JsonObject why(WhyWindow window) {
    JsonObject json = new JsonObject();
    WhyPanel panel = window.panel;
    json.add("window", box(window.getLocationOnScreen(), window.getSize(), 0, 0));
    json.addProperty("method", panel.method().id());
    json.addProperty("tab", panel.tabs().getTitleAt(panel.tabs().getSelectedIndex()));
    json.addProperty("overlays", panel.secondOverlay().getParent() == null ? 1 : 2);
    panel
        .shown()
        .ifPresent(
            shown -> {
              json.addProperty("shownMethod", shown.method().id());
              json.addProperty("classIndex", shown.classIndex());
              json.addProperty("compareIndex", shown.compareIndex());
            });
    panel
        .stepView()
        .filter(Component::isShowing)
        .ifPresent(
            view -> {
              Point origin = view.getLocationOnScreen();
              json.addProperty("stepView", view.getClass().getSimpleName());
              json.add(
                  "view",
                  rect(new Rectangle2D.Double(0, 0, view.getWidth(), view.getHeight()), origin));
              JsonArray texts = new JsonArray();
              for (PaintedText t : view.paintedTexts()) {
                JsonObject text = rect(t.bounds(), origin);
                text.addProperty("text", t.text());
                texts.add(text);
              }
              json.add("texts", texts);
            });
    return json;
  }

  private static JsonObject box(Point at, java.awt.Dimension size, int dx, int dy) {
    return rect(new Rectangle2D.Double(dx, dy, size.width, size.height), at);
  }

  private static JsonObject rect(Rectangle2D r, Point origin) {
    JsonObject json = new JsonObject();
    json.addProperty("x", origin.x + r.getX());
    json.addProperty("y", origin.y + r.getY());
    json.addProperty("w", r.getWidth());
    json.addProperty("h", r.getHeight());
    return json;
  }
}
