package org.cnnexplainer.demo.app;

import java.awt.Component;
import java.awt.Dimension;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import org.cnnexplainer.core.image.InvalidImageException;
import org.cnnexplainer.core.tfjs.InvalidModelException;

/**
 * Tells the user, in a dialog, why a model or image could not be used — the loader's own message
 * (which names the file, the layer and what was expected), never a stack trace.
 */
final class ErrorDialogs {
  private ErrorDialogs() {}

  static void modelFailed(Component parent, String model, Exception error, boolean hadModel) {
    String lead =
        error instanceof InvalidModelException
            ? "This model cannot be shown:"
            : "The model could not be read:";
    show(
        parent,
        "Cannot open " + model,
        lead,
        error,
        hadModel
            ? "The previous model stays open."
            : "Choose another one with Model ▸ Open model… or a bundled model.");
  }

  static void imageFailed(Component parent, String image, Exception error) {
    String lead =
        error instanceof InvalidImageException
            ? "This file is not an image the explainer can read:"
            : "The image could not be read:";
    show(parent, "Cannot use " + image, lead, error, "The previous image stays selected.");
  }

  static void exportFailed(Component parent, String file, Exception error) {
    show(parent, "Cannot export " + file, "Writing the file failed:", error, "");
  }

  /** The text shown for {@code error}: its message, or its kind when it has none. */
  static String messageOf(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }

  private static void show(
      Component parent, String title, String lead, Exception error, String tail) {
    JTextArea text =
        new JTextArea(lead + "\n\n" + messageOf(error) + (tail.isEmpty() ? "" : "\n\n" + tail));
    text.setEditable(false);
    text.setLineWrap(true);
    text.setWrapStyleWord(true);
    text.setFont(UIManager.getFont("Label.font"));
    text.setOpaque(false);
    text.getAccessibleContext().setAccessibleName(title);
    JScrollPane scroll = new JScrollPane(text);
    scroll.setBorder(null);
    scroll.setPreferredSize(new Dimension(460, 160));
    JOptionPane.showMessageDialog(parent, scroll, title, JOptionPane.ERROR_MESSAGE);
  }
}
