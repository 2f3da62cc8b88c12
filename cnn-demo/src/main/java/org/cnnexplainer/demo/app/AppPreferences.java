package org.cnnexplainer.demo.app;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the application remembers between runs (java.util.prefs, user node {@code
 * org/cnnexplainer/demo/app}): theme, reduced motion, window bounds, last and recent models. The
 * system property {@value #NODE_PROPERTY} names another node, so tests never touch the user's.
 */
final class AppPreferences {
  static final String NODE_PROPERTY = "cnnexplainer.prefs";
  static final int MAX_RECENT = 6;
  private static final String DARK = "dark";
  private static final String REDUCED_MOTION = "reducedMotion";
  private static final String BOUNDS = "windowBounds";
  private static final String LAST_MODEL = "lastModel";
  private static final String RECENT = "recentModel.";

  private final Preferences node;

  AppPreferences(Preferences node) {
    this.node = node;
  }

  /** The user's node, or the one {@value #NODE_PROPERTY} names. */
  static AppPreferences forUser() {
    String path = System.getProperty(NODE_PROPERTY, "/org/cnnexplainer/demo/app");
    return new AppPreferences(Preferences.userRoot().node(path));
  }

  boolean dark() {
    return node.getBoolean(DARK, false);
  }

  void setDark(boolean dark) {
    node.putBoolean(DARK, dark);
  }

  boolean reducedMotion() {
    return node.getBoolean(REDUCED_MOTION, false);
  }

  void setReducedMotion(boolean reduced) {
    node.putBoolean(REDUCED_MOTION, reduced);
  }

  /** The last window bounds, if any were saved and they are sane. */
  Optional<Rectangle> windowBounds() {
    String[] parts = node.get(BOUNDS, "").split(",");
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      Rectangle r =
          new Rectangle(
              Integer.parseInt(parts[0]),
              Integer.parseInt(parts[1]),
              Integer.parseInt(parts[2]),
              Integer.parseInt(parts[3]));
      return r.width >= 200 && r.height >= 150 ? Optional.of(r) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The remembered bounds if they are still on {@code screen}, else a window of at most 1280x820
   * centred on it.
   */
  Rectangle windowBounds(Rectangle screen) {
    return windowBounds()
        .filter(screen::intersects)
        .orElseGet(
            () -> {
              int w = Math.min(1280, screen.width);
              int h = Math.min(820, screen.height);
              return new Rectangle(
                  screen.x + (screen.width - w) / 2, screen.y + (screen.height - h) / 2, w, h);
            });
  }

  void setWindowBounds(Rectangle r) {
    node.put(BOUNDS, r.x + "," + r.y + "," + r.width + "," + r.height);
  }

  Optional<String> lastModel() {
    return Optional.ofNullable(node.get(LAST_MODEL, null));
  }

  /** Remembers {@code source} as the last model and at the top of the recent list. */
  void rememberModel(ModelSource source) {
    node.put(LAST_MODEL, source.key());
    if (source.isBundled()) {
      return;
    }
    List<String> recent = recentModels();
    recent.remove(source.key());
    recent.add(0, source.key());
    for (int i = 0; i < MAX_RECENT; i++) {
      if (i < recent.size()) {
        node.put(RECENT + i, recent.get(i));
      } else {
        node.remove(RECENT + i);
      }
    }
  }

  /** Keys of recently opened models on disk, newest first. */
  List<String> recentModels() {
    List<String> recent = new ArrayList<>();
    for (int i = 0; i < MAX_RECENT; i++) {
      String key = node.get(RECENT + i, null);
      if (key != null && !recent.contains(key)) {
        recent.add(key);
      }
    }
    return recent;
  }
}
