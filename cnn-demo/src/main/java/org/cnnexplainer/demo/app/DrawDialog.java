package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.StateProperty;
import org.cnnexplainer.viz.draw.DrawingPad;

/**
 * File &gt; Draw an input: a {@link DrawingPad} beside the explainer whose drawing becomes the
 * network's input at every pointer movement, so the overview and the prediction follow the pen.
 * Offered for networks with small grayscale inputs (see {@link #fits}); closes itself when another
 * model that does not fit is opened.
 */
final class DrawDialog extends JDialog {
  private final ExplainerState state;
  private final JPanel padHolder = new JPanel(new BorderLayout());
  final JLabel prediction = new JLabel(" "); // read by the end-to-end tests' probe
  private final JToggleButton pen = new JToggleButton("Pen", true);
  private final JToggleButton eraser = new JToggleButton("Eraser");
  private final JSlider thickness = new JSlider(1, 12, 5); // half input pixels
  private final Runnable onDrawn;
  private final StateListener listener = this::stateChanged;
  DrawingPad pad; // read by the end-to-end tests' probe

  /**
   * A dialog for {@code state}'s network; {@code onDrawn} runs (before the state changes) each time
   * the drawing becomes the input.
   */
  DrawDialog(JFrame owner, ExplainerState state, Runnable onDrawn) {
    super(owner, "Draw an input", false);
    // Closed, not hidden: a hidden pad must not keep feeding the state.
    setDefaultCloseOperation(DISPOSE_ON_CLOSE);
    this.state = state;
    this.onDrawn = onDrawn;
    ButtonGroup tools = new ButtonGroup();
    tools.add(pen);
    tools.add(eraser);
    pen.addActionListener(e -> pad.setTool(DrawingPad.Tool.PEN));
    eraser.addActionListener(e -> pad.setTool(DrawingPad.Tool.ERASER));
    pen.setMnemonic(KeyEvent.VK_P);
    eraser.setMnemonic(KeyEvent.VK_E);
    thickness.addChangeListener(e -> pad.setThickness(thickness.getValue() / 2f));
    thickness.getAccessibleContext().setAccessibleName("Pen thickness");
    thickness.setToolTipText("Pen thickness in input pixels");
    JButton clear = new JButton("Clear");
    clear.setMnemonic(KeyEvent.VK_C);
    clear.addActionListener(e -> pad.clear());

    JPanel tools1 = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
    tools1.add(pen);
    tools1.add(eraser);
    tools1.add(new JLabel("Thickness"));
    tools1.add(thickness);
    tools1.add(clear);
    prediction.setBorder(BorderFactory.createEmptyBorder(4, 8, 6, 8));
    prediction.getAccessibleContext().setAccessibleName("Prediction for the drawing");
    JPanel content = new JPanel(new BorderLayout());
    content.add(tools1, BorderLayout.NORTH);
    content.add(padHolder, BorderLayout.CENTER);
    content.add(prediction, BorderLayout.SOUTH);
    setContentPane(content);
    getRootPane()
        .registerKeyboardAction(
            e -> dispose(),
            KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
            JComponent.WHEN_IN_FOCUSED_WINDOW);

    state.addListener(listener);
    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosed(WindowEvent e) {
            state.removeListener(listener);
          }
        });
    newPad(state.network().orElseThrow().inputShape());
    pack();
    setMinimumSize(getSize());
    setLocation(owner.getX() + 16, owner.getY() + Math.max(0, owner.getHeight() - getHeight()) / 2);
  }

  /** Whether {@code network} takes small grayscale images (see {@link DrawingPad#suits}). */
  static boolean fits(Network network) {
    return network != null && DrawingPad.suits(network.inputShape());
  }

  private void newPad(Shape inputShape) {
    pad = new DrawingPad(inputShape);
    pad.setThickness(thickness.getValue() / 2f);
    pad.setTool(eraser.isSelected() ? DrawingPad.Tool.ERASER : DrawingPad.Tool.PEN);
    pad.addPropertyChangeListener(DrawingPad.INPUT_PROPERTY, e -> useDrawing());
    padHolder.removeAll();
    padHolder.add(pad, BorderLayout.CENTER);
    padHolder.revalidate();
    useDrawing();
  }

  private void useDrawing() {
    onDrawn.run();
    state.setInput(pad.input());
  }

  private void stateChanged(StateEvent event) {
    if (event.has(StateProperty.NETWORK)) {
      if (!fits(state.network().orElse(null))) {
        dispose();
        return;
      }
      if (!state.network().orElseThrow().inputShape().equals(pad.inputShape())) {
        newPad(state.network().orElseThrow().inputShape());
      } else if (state.input().orElse(null) != pad.input()) {
        useDrawing();
      }
    }
    if (event.has(StateProperty.TRACE) || event.has(StateProperty.INPUT)) {
      showPrediction();
    }
  }

  /**
   * The predicted class from the state's trace while the drawing is the input; while the trace of
   * the latest stroke is still being computed, the previous one's, marked with an ellipsis.
   */
  private void showPrediction() {
    ActivationTrace trace = state.trace().orElse(null);
    if (trace == null || state.input().orElse(null) != pad.input()) {
      prediction.setText(" ");
      return;
    }
    ClassScore top = trace.predicted();
    prediction.setText(
        String.format(
            Locale.ROOT,
            "The network sees: %s (%.1f %%)%s",
            top.label(),
            100 * top.probability(),
            trace.input() == pad.input() ? "" : " …"));
  }
}
