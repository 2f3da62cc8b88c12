package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.StateProperty;

/** The bottom line: the hovered value on the left, the prediction (or a message) on the right. */
final class StatusBar extends JPanel {
  static final String HINT = "Hover over a neuron to see its values; click it to open its view.";
  private final ExplainerState state;
  private final JLabel hover = new JLabel(HINT);
  private final JLabel prediction = new JLabel(" ");
  private final StateListener listener = this::stateChanged;
  private String message;

  StatusBar(ExplainerState state) {
    super(new BorderLayout(12, 0));
    this.state = state;
    setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    hover.getAccessibleContext().setAccessibleName("Hovered value");
    prediction.getAccessibleContext().setAccessibleName("Prediction");
    add(hover, BorderLayout.CENTER);
    add(prediction, BorderLayout.EAST);
  }

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
    refresh();
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    super.removeNotify();
  }

  /** Shows {@code text} instead of the prediction until the next trace ({@code null} clears). */
  void showMessage(String text) {
    message = text;
    refresh();
  }

  /** The prediction text as shown ("Prediction: sneaker (97.1 %)"). */
  String predictionText() {
    return prediction.getText();
  }

  private void stateChanged(StateEvent event) {
    if (event.has(StateProperty.TRACE) || event.has(StateProperty.NETWORK)) {
      message = null;
    }
    refresh();
  }

  private void refresh() {
    hover.setText(state.hoverText().filter(t -> !t.isEmpty()).orElse(HINT));
    prediction.setText(message != null ? message : predictionOf(state));
    prediction.getAccessibleContext().setAccessibleDescription(prediction.getText());
  }

  static String predictionOf(ExplainerState state) {
    if (state.network().isEmpty()) {
      return "No model loaded";
    }
    if (state.traceError().isPresent()) {
      return "Could not run the network: " + state.traceError().get().getMessage();
    }
    ActivationTrace trace = state.trace().orElse(null);
    if (trace == null) {
      return state.isTracing() ? "Computing…" : "Choose an image";
    }
    ClassScore best = trace.predicted();
    String text =
        String.format(
            Locale.ROOT, "Prediction: %s (%.1f %%)", best.label(), 100.0 * best.probability());
    ActivationTrace reference = state.reference().orElse(null);
    if (reference != null) {
      // The same input: the unedited network's trace; another one: the pinned image's.
      ClassScore other = reference.predicted();
      text +=
          String.format(
              Locale.ROOT,
              " · %s: %s (%.1f %%)",
              reference.input() == trace.input() ? "unedited" : "pinned image",
              other.label(),
              100.0 * other.probability());
    }
    return text;
  }
}
