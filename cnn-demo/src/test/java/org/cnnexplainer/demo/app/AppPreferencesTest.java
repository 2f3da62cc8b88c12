package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPreferencesTest {
  private final Preferences node =
      Preferences.userRoot().node("/cnnexplainer-test/" + System.nanoTime());
  private final AppPreferences prefs = new AppPreferences(node);

  @AfterEach
  void removeNode() throws BackingStoreException {
    node.removeNode();
  }

  @Test
  void themeMotionAndBoundsAreRemembered() {
    assertFalse(prefs.dark());
    assertEquals(Optional.empty(), prefs.windowBounds());
    prefs.setDark(true);
    prefs.setReducedMotion(true);
    prefs.setWindowBounds(new Rectangle(10, 20, 900, 600));
    AppPreferences again = new AppPreferences(node);
    assertTrue(again.dark());
    assertTrue(again.reducedMotion());
    assertEquals(Optional.of(new Rectangle(10, 20, 900, 600)), again.windowBounds());
  }

  @Test
  void boundsOffTheScreenGiveACentredWindow() {
    Rectangle screen = new Rectangle(0, 0, 1000, 700);
    assertEquals(new Rectangle(0, 0, 1000, 700), prefs.windowBounds(screen));
    prefs.setWindowBounds(new Rectangle(5000, 5000, 800, 600));
    assertEquals(new Rectangle(0, 0, 1000, 700), prefs.windowBounds(screen));
    prefs.setWindowBounds(new Rectangle(10, 10, 800, 600));
    assertEquals(new Rectangle(10, 10, 800, 600), prefs.windowBounds(screen));
  }

  @Test
  void tinyOrGarbledBoundsAreIgnored() {
    prefs.setWindowBounds(new Rectangle(0, 0, 20, 10));
    assertEquals(Optional.empty(), prefs.windowBounds());
    node.put("windowBounds", "1,2,three,4");
    assertEquals(Optional.empty(), prefs.windowBounds());
  }

  @Test
  void recentModelsNewestFirstWithoutDuplicatesAndBounded(@TempDir Path dir) throws Exception {
    for (int i = 0; i < AppPreferences.MAX_RECENT + 2; i++) {
      prefs.rememberModel(ModelSource.file(dir.resolve("m" + i).resolve("model.json")));
    }
    prefs.rememberModel(ModelSource.file(dir.resolve("m3").resolve("model.json")));
    List<String> recent = prefs.recentModels();
    assertEquals(AppPreferences.MAX_RECENT, recent.size());
    assertTrue(recent.get(0).endsWith("m3/model.json".replace('/', java.io.File.separatorChar)));
    assertEquals(recent.size(), recent.stream().distinct().count());
    assertEquals(Optional.of(recent.get(0)), prefs.lastModel());
  }
}
