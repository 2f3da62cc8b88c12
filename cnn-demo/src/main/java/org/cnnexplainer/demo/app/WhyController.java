package org.cnnexplainer.demo.app;

import java.awt.Toolkit;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateProperty;
import org.cnnexplainer.viz.overview.NetworkOverview;

/**
 * Wires "Why this class?" into the main window: the menu (open the window, colour the overview by
 * gradient), the toolbar button, the window itself (made on first use) and the backward overview,
 * whose gradients follow the image and the class chosen in the window (the prediction until one is
 * chosen). One background thread computes attributions and gradients; stale answers are dropped.
 */
final class WhyController {
  private final ExplainerFrame frame;
  private final ExplainerState state;
  private final NetworkOverview overview;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "why-attribution");
            t.setDaemon(true);
            return t;
          });

  /** The number of the newest gradient request (event thread only): older answers are dropped. */
  private long newest;

  private final JToggleButton.ToggleButtonModel backward = new JToggleButton.ToggleButtonModel();
  private final Runnable changed;
  private WhyWindow window;

  /**
   * Wires the window of {@code frame}; {@code changed} is told when what the Why? window shows may
   * have changed (the end-to-end tests' probe reads it then).
   */
  WhyController(
      ExplainerFrame frame, ExplainerState state, NetworkOverview overview, Runnable changed) {
    this.frame = frame;
    this.changed = changed;
    this.state = state;
    this.overview = overview;
    backward.addItemListener(e -> updateGradients());
    state.addListener(
        e -> {
          if (e.has(StateProperty.TRACE) && backward.isSelected()) {
            updateGradients();
          }
        });
  }

  /** The "Why?" menu. */
  JMenu menu() {
    JMenu menu = new JMenu("Why?");
    menu.setMnemonic(KeyEvent.VK_W);
    JMenuItem open = new JMenuItem("Why this class?…");
    open.setAccelerator(
        KeyStroke.getKeyStroke(
            KeyEvent.VK_I, Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()));
    open.addActionListener(e -> open());
    JCheckBoxMenuItem colour = new JCheckBoxMenuItem("Overview: colour by gradient");
    colour.setModel(backward);
    colour.setToolTipText(
        "Colour every neuron by ∂S/∂activation of the class instead of its activation");
    menu.add(open);
    menu.add(colour);
    return menu;
  }

  /** The toolbar's "Why?" button. */
  AbstractButton toolbarButton() {
    JButton button = new JButton("Why?");
    button.setToolTipText("Which pixels made the network say this class? (Ctrl+I)");
    button.getAccessibleContext().setAccessibleDescription(button.getToolTipText());
    button.addActionListener(e -> open());
    return button;
  }

  /** The model of the "colour the overview by gradient" switch (menu and window share it). */
  JToggleButton.ToggleButtonModel backwardModel() {
    return backward;
  }

  /** Opens (or brings forward) the window. */
  void open() {
    if (window == null) {
      window = new WhyWindow(frame, state, background, backward);
      // The probe (end-to-end tests) follows the window: a shown answer, another tab.
      window.panel.onShown(this::changedSoon);
      window.panel.tabs().addChangeListener(e -> changedSoon());
      window.addComponentListener(
          new ComponentAdapter() {
            @Override
            public void componentHidden(ComponentEvent e) {
              changedSoon();
            }
          });
      window.panel.onClassChosen(
          () -> {
            if (backward.isSelected()) {
              updateGradients();
            }
          });
    }
    window.setVisible(true);
    window.toFront();
    changedSoon();
  }

  /** Says "changed" after the window's next paints (a few times: the views paint later). */
  private void changedSoon() {
    Timer timer = new Timer(150, e -> changed.run());
    timer.setRepeats(true);
    int[] left = {3};
    timer.addActionListener(
        e -> {
          if (--left[0] <= 0) {
            ((Timer) e.getSource()).stop();
          }
        });
    timer.start();
  }

  /** The window, once opened. */
  Optional<WhyWindow> window() {
    return Optional.ofNullable(window);
  }

  /** The class the overview's gradients are of: the window's choice, else the prediction. */
  private int gradientClass(ActivationTrace trace) {
    if (window != null && window.panel.chosenClass() >= 0) {
      return window.panel.chosenClass();
    }
    return trace.predicted().index();
  }

  private void updateGradients() {
    ActivationTrace trace = state.trace().orElse(null);
    long mine = ++newest;
    if (!backward.isSelected() || trace == null) {
      overview.setGradients(null, null);
      return;
    }
    int c = gradientClass(trace);
    String name = trace.network().classLabels().get(c);
    background.execute(
        () -> {
          GradientTrace g;
          try {
            g = trace.gradients(GradientTarget.logit(c));
          } catch (RuntimeException e) {
            g = null; // e.g. a network without logits: the overview keeps its activations
          }
          GradientTrace computed = g;
          SwingUtilities.invokeLater(
              () -> {
                if (mine == newest && state.trace().orElse(null) == trace) {
                  overview.setGradients(computed, name);
                }
              });
        });
  }
}
