package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.util.Arrays;
import java.util.List;
import javax.swing.ButtonGroup;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.LookAndFeel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.junit.jupiter.api.Test;

/** Regression test for the soak's heap growth: theme switches must not pile up key handlers. */
class ThemeTest {
  @Test
  void eachToggleButtonKeepsOneKeyHandlerAcrossThemeSwitches() throws Exception {
    LookAndFeel before = UIManager.getLookAndFeel();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            FlatLightLaf.setup();
            JPanel panel = new JPanel();
            ButtonGroup group = new ButtonGroup();
            List<JToggleButton> buttons =
                List.of(new JToggleButton("a"), new JToggleButton("b"), new JToggleButton("c"));
            buttons.forEach(
                b -> {
                  group.add(b);
                  panel.add(b);
                });
            for (int i = 0; i < 6; i++) {
              if (i % 2 == 0) {
                FlatDarkLaf.setup();
              } else {
                FlatLightLaf.setup();
              }
              SwingUtilities.updateComponentTreeUI(panel);
              Theme.dropStaleKeyHandlers(panel);
            }
            for (JToggleButton b : buttons) {
              assertEquals(
                  1,
                  Arrays.stream(b.getKeyListeners())
                      .filter(l -> l.getClass().getName().endsWith("BasicButtonUI$KeyHandler"))
                      .count(),
                  "key handlers of button " + b.getText());
            }
          });
    } finally {
      UIManager.setLookAndFeel(before);
    }
  }
}
