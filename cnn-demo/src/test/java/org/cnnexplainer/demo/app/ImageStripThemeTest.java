package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.LookAndFeel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.ExplainerState;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a defect the soak showed: after a theme switch, the frames of the image
 * thumbnails kept the grey of the theme they were last selected or deselected in.
 */
class ImageStripThemeTest {
  @Test
  void thumbnailFramesFollowAThemeSwitch() throws Exception {
    LookAndFeel before = UIManager.getLookAndFeel();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            FlatDarkLaf.setup();
            ImageStrip strip = new ImageStrip(new ExplainerState());
            strip.setExamples(List.of(example("a"), example("b")));
            strip.select(1);
            strip.select(0); // the second frame was last drawn deselected under the dark theme
            FlatLightLaf.setup();
            SwingUtilities.updateComponentTreeUI(strip);
            Color light = UIManager.getColor("Component.borderColor");
            assertNotEquals(
                light, new FlatDarkLaf().getDefaults().getColor("Component.borderColor"));
            JComponent second = strip.button(1);
            assertEquals(light, new Color(leftEdge(second), true));
            JComponent first = strip.button(0);
            assertEquals(
                UIManager.getColor("Component.accentColor"), new Color(leftEdge(first), true));
          });
    } finally {
      UIManager.setLookAndFeel(before);
    }
  }

  /** Left and right choose the neighbouring image; an image the strip has is not added twice. */
  @Test
  void arrowKeysChooseImagesAndTheSameImageIsNotAddedTwice() throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          List<String> chosen = new java.util.ArrayList<>();
          ImageStrip strip = new ImageStrip(new ExplainerState());
          strip.setOnChoose(e -> chosen.add(e.name()));
          strip.setExamples(List.of(example("a"), example("b"), example("c")));
          strip.select(0);
          strip.getActionMap().get("cnn-image-1").actionPerformed(null);
          strip.getActionMap().get("cnn-image-1").actionPerformed(null);
          strip.getActionMap().get("cnn-image-1").actionPerformed(null); // past the end: stays
          strip.getActionMap().get("cnn-image--1").actionPerformed(null);
          assertEquals(List.of("a", "b", "c", "b"), chosen);
          assertEquals(1, strip.selectedIndex());
          assertEquals(2, strip.indexOfSame(example("c")));
          assertEquals(-1, strip.indexOfSame(example("d")));
        });
  }

  /** The colour painted at the middle of the left edge of {@code button}. */
  private static int leftEdge(JComponent button) {
    button.setSize(button.getPreferredSize());
    BufferedImage image =
        new BufferedImage(button.getWidth(), button.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    button.paint(g);
    g.dispose();
    return image.getRGB(0, button.getHeight() / 2);
  }

  /**
   * The "Network input" shows the state's input, whatever set it: a click only reports the image
   * (the controller puts it in the state), and a detached strip stops listening.
   */
  @Test
  void theNetworkInputFollowsTheState() throws Exception {
    try (ExplainerState state = new ExplainerState()) {
      SwingUtilities.invokeAndWait(
          () -> {
            ImageStrip strip = new ImageStrip(state);
            List<String> chosen = new java.util.ArrayList<>();
            strip.setOnChoose(e -> chosen.add(e.name()));
            strip.addNotify();
            JLabel input = networkInput(strip);
            state.setNetwork(SeededModel.network(7));
            strip.setExamples(List.of(example("a"), example("b")));
            strip.select(1);
            assertEquals(List.of("b"), chosen);
            assertNull(input.getIcon(), "a click alone does not change the input");
            state.setInput(example("c").input());
            assertNotNull(input.getIcon());
            assertTrue(input.getText().contains("Network input<br>28×28"), input.getText());
            strip.removeNotify();
            state.setNetwork(SeededModel.network(8)); // clears the input
            assertNotNull(input.getIcon(), "a detached strip no longer follows the state");
            strip.addNotify();
            assertNull(input.getIcon(), "attached again, it shows the state's input (none)");
            strip.removeNotify();
          });
    }
  }

  private static JLabel networkInput(Container parent) {
    for (Component c : parent.getComponents()) {
      if (c instanceof JLabel label
          && "Network input".equals(label.getAccessibleContext().getAccessibleName())) {
        return label;
      }
      if (c instanceof Container inner) {
        JLabel found = networkInput(inner);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Example example(String name) {
    Tensor input = Tensor.of(Shape.image(1, 28, 28), new float[28 * 28]);
    return new Example(name, name, new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB), input);
  }
}
