package org.cnnexplainer.demo.app;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.event.KeyListener;
import javax.swing.JToggleButton;
import javax.swing.UIManager;

/** FlatLaf light and dark: installs one and switches at run time. */
final class Theme {
  private static final String BUTTON_KEY_HANDLER =
      "javax.swing.plaf.basic.BasicButtonUI$KeyHandler";

  private Theme() {}

  /** Installs the theme before any window exists. */
  static void install(boolean dark) {
    // FlatLaf scales by the screen's DPI itself; the JDK's own scaling also stays on (HiDPI).
    System.setProperty("flatlaf.uiScale.allowScaleDown", "true");
    if (dark) {
      FlatDarkLaf.setup();
    } else {
      FlatLightLaf.setup();
    }
    UIManager.put("ScrollBar.showButtons", false);
  }

  /** Switches every open window to the other theme. */
  static void switchTo(boolean dark) {
    install(dark);
    FlatLaf.updateUI();
    for (Window window : Window.getWindows()) {
      dropStaleKeyHandlers(window);
    }
  }

  /**
   * Since JDK 16 {@code BasicButtonUI} gives each toggle button a key listener (arrow keys within a
   * button group) but remembers only the last one in a field of the delegate, which look and feels
   * share between buttons; uninstalling then removes just that one. So every theme switch left the
   * other toggle buttons' handlers behind, each holding the old theme's delegate and colours (the
   * soak's heap growth) and each run again on every key press. Keeps each toggle button's newest
   * handler: the one its current delegate installed.
   */
  static void dropStaleKeyHandlers(Component component) {
    if (component instanceof JToggleButton button) {
      KeyListener[] listeners = button.getKeyListeners();
      boolean newest = true;
      for (int i = listeners.length - 1; i >= 0; i--) {
        if (listeners[i].getClass().getName().equals(BUTTON_KEY_HANDLER)) {
          if (!newest) {
            button.removeKeyListener(listeners[i]);
          }
          newest = false;
        }
      }
    }
    if (component instanceof Container container) {
      for (Component child : container.getComponents()) {
        dropStaleKeyHandlers(child);
      }
    }
  }

  /** Whether the dark theme is installed. */
  static boolean isDark() {
    return FlatLaf.isLafDark();
  }
}
