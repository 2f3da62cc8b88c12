package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.event.KeyEvent;
import java.util.concurrent.ExecutorService;
import javax.swing.ButtonModel;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.cnnexplainer.viz.ExplainerState;

/**
 * The "Why this class?" window: the {@link WhyPanel} and, beside it on request, the tutorial page
 * of the chosen method. Not modal: the learner keeps choosing images in the main window and the
 * answers follow. Escape closes it.
 */
final class WhyWindow extends JDialog {
  final WhyPanel panel;
  private final TutorialPanel tutorial;
  private final JSplitPane split;

  WhyWindow(Frame owner, ExplainerState state, ExecutorService background, ButtonModel backward) {
    super(owner, "Why this class?", false);
    tutorial = new TutorialPanel(() -> showTutorial(null));
    panel = new WhyPanel(state, background, SwingUtilities::invokeLater, this::showTutorial);
    JCheckBox colour = new JCheckBox("Overview by gradient");
    colour.setModel(backward);
    colour.setToolTipText(
        "Colour the main window's neurons by ∂S/∂activation of this class instead of activation");
    panel.addControl(colour);
    split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, panel, tutorial);
    split.setResizeWeight(1);
    split.setBorder(null);
    tutorial.setVisible(false);
    split.setDividerSize(0);
    add(split, BorderLayout.CENTER);
    getRootPane()
        .registerKeyboardAction(
            e -> setVisible(false),
            KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
            JComponent.WHEN_IN_FOCUSED_WINDOW);
    setDefaultCloseOperation(HIDE_ON_CLOSE);
    setMinimumSize(new Dimension(640, 480));
    // Over the main window, as large as it (the views need the room; the main window's choices
    // stay one click away in its menu and toolbar).
    setBounds(owner.getBounds());
  }

  /** Shows the page of {@code concept} beside the panel, or hides the page (null). */
  void showTutorial(Concept concept) {
    boolean shown = concept != null;
    if (shown) {
      tutorial.show(concept);
    }
    if (tutorial.isVisible() != shown) {
      tutorial.setVisible(shown);
      split.setDividerSize(shown ? UIManager.getInt("SplitPane.dividerSize") : 0);
      if (shown) {
        split.setDividerLocation(Math.max(320, getWidth() - 360));
      }
      split.revalidate();
    }
  }

  /** Whether the tutorial page is shown. */
  boolean tutorialShown() {
    return tutorial.isVisible();
  }
}
