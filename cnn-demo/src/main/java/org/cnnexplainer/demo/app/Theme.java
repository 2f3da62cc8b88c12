package org.cnnexplainer.demo.app;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.UIManager;

/** FlatLaf light and dark: installs one and switches at run time. */
final class Theme {
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
  }

  /** Whether the dark theme is installed. */
  static boolean isDark() {
    return FlatLaf.isLafDark();
  }
}
