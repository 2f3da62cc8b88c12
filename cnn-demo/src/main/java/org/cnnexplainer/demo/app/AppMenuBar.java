package org.cnnexplainer.demo.app;

import java.awt.event.ActionListener;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.KeyStroke;
import org.cnnexplainer.core.ActivationTrace;

/** The menu bar: File (images, export, quit), Model, and Help (tutorial pages, about). */
final class AppMenuBar extends JMenuBar {
  private final ExplainerFrame frame;
  private final int shortcut;

  AppMenuBar(ExplainerFrame frame) {
    this.frame = frame;
    this.shortcut = frame.getToolkit().getMenuShortcutKeyMaskEx();
    AppController controller = frame.controller;
    JMenu file = new JMenu("File");
    file.setMnemonic(KeyEvent.VK_F);
    file.add(item("Add image…", KeyEvent.VK_O, e -> controller.addImageFromChooser()));
    file.add(item("Paste image", KeyEvent.VK_V, e -> controller.pasteImage()));
    file.add(item("Draw an input…", KeyEvent.VK_D, e -> controller.draw()));
    file.addSeparator();
    file.add(item("Learning Lab: train your own…", KeyEvent.VK_L, e -> frame.openLab(null)));
    file.addSeparator();
    file.add(item("Export view as PNG…", KeyEvent.VK_E, e -> export("png")));
    file.add(item("Export view as SVG…", 0, e -> export("svg")));
    file.add(item("Export trace as JSON…", 0, e -> export("json")));
    file.addSeparator();
    file.add(
        item(
            "Quit",
            KeyEvent.VK_Q,
            e -> {
              frame.rememberBounds();
              frame.dispose();
            }));
    add(file);
    add(editMenu(frame.edits));
    add(new ModelMenu(frame.prefs, controller::open, controller::openModelFromChooser));
    JMenu help = new JMenu("Help");
    help.setMnemonic(KeyEvent.VK_H);
    for (Concept concept : Concept.values()) {
      help.add(item(concept.title(), 0, e -> frame.explain(concept)));
    }
    help.addSeparator();
    help.add(item("About", 0, e -> about()));
    add(help);
  }

  /** Edit: undo, redo, reset, the list of edits and the export of the edited model. */
  private JMenu editMenu(EditController edits) {
    JMenu menu = new JMenu("Edit");
    menu.setMnemonic(KeyEvent.VK_E);
    JMenuItem undo = item("Undo", KeyEvent.VK_Z, e -> edits.undo());
    JMenuItem redo = item("Redo", 0, e -> edits.redo());
    redo.setAccelerator(
        KeyStroke.getKeyStroke(
            KeyEvent.VK_Z, shortcut | java.awt.event.InputEvent.SHIFT_DOWN_MASK));
    JMenuItem reset = item("Reset all edits", 0, e -> edits.reset());
    JMenuItem list = item("Edits…", 0, e -> edits.showEdits());
    JMenuItem export = item("Export edited model…", 0, e -> edits.exportModel());
    JMenuItem suggest = item("Suggest an experiment…", 0, e -> edits.suggestExperiment(-1));
    suggest.setAccelerator(
        KeyStroke.getKeyStroke(
            KeyEvent.VK_E, shortcut | java.awt.event.InputEvent.SHIFT_DOWN_MASK));
    JMenuItem pin =
        item(
            "Pin this image for comparison",
            0,
            e -> {
              if (edits.isPinned()) {
                edits.unpin();
              } else {
                edits.pin();
              }
            });
    pin.setAccelerator(
        KeyStroke.getKeyStroke(
            KeyEvent.VK_P, shortcut | java.awt.event.InputEvent.SHIFT_DOWN_MASK));
    JCheckBoxMenuItem difference = new JCheckBoxMenuItem("Show differences");
    difference.setAccelerator(
        KeyStroke.getKeyStroke(
            KeyEvent.VK_D, shortcut | java.awt.event.InputEvent.SHIFT_DOWN_MASK));
    difference.addActionListener(e -> edits.setDifference(difference.isSelected()));
    menu.add(undo);
    menu.add(redo);
    menu.add(reset);
    menu.addSeparator();
    menu.add(list);
    menu.add(export);
    menu.addSeparator();
    menu.add(suggest);
    menu.add(pin);
    menu.add(difference);
    // Ctrl+Y redoes too, as in most editors on Windows and Linux.
    frame
        .getRootPane()
        .registerKeyboardAction(
            e -> edits.redo(),
            KeyStroke.getKeyStroke(KeyEvent.VK_Y, shortcut),
            JComponent.WHEN_IN_FOCUSED_WINDOW);
    Runnable refresh =
        () -> {
          undo.setEnabled(edits.canUndo());
          undo.setText(edits.canUndo() ? "Undo " + edits.lastEdit() : "Undo");
          redo.setEnabled(edits.canRedo());
          reset.setEnabled(edits.isEdited());
          export.setEnabled(edits.isEdited());
          pin.setText(edits.isPinned() ? "Unpin the image" : "Pin this image for comparison");
          difference.setSelected(edits.isDifference());
          difference.setText(
              edits.isPinned()
                  ? "Show differences (this image − pinned image)"
                  : "Show differences (edited − original)");
        };
    edits.onChange(refresh);
    refresh.run();
    return menu;
  }

  private JMenuItem item(String text, int key, ActionListener action) {
    JMenuItem item = new JMenuItem(text);
    if (key != 0) {
      item.setAccelerator(KeyStroke.getKeyStroke(key, shortcut));
    }
    item.addActionListener(action);
    return item;
  }

  private void export(String kind) {
    ActivationTrace trace = frame.state.trace().orElse(null);
    if (trace == null) {
      JOptionPane.showMessageDialog(
          frame, "Choose an image first: there is nothing to export yet.");
      return;
    }
    String base =
        Optional.ofNullable(frame.controller.modelName()).orElse("cnn")
            + "-"
            + Optional.ofNullable(frame.controller.imageName())
                .orElse("image")
                .replaceFirst("\\.[^.]+$", "");
    Optional<Path> target = FileChoosers.save(frame, "Export " + kind.toUpperCase(), kind, base);
    if (target.isEmpty()) {
      return;
    }
    JComponent view = frame.explainer;
    try {
      switch (kind) {
        case "png" -> Exporter.png(view, target.get());
        case "svg" -> Exporter.svg(view, target.get());
        default ->
            Exporter.traceJson(
                trace, Optional.ofNullable(frame.controller.imageName()).orElse(""), target.get());
      }
      frame.status.showMessage("Exported " + target.get().getFileName());
    } catch (Exception e) {
      ErrorDialogs.exportFailed(frame, target.get().toString(), e);
    }
  }

  private void about() {
    JOptionPane.showMessageDialog(
        frame,
        "CNN Explainer for Java\n\nA Java port and extension of CNN Explainer"
            + " (Wang et al., IEEE VIS 2020).\nDrop or paste an image on the window to explain it.",
        "About",
        JOptionPane.INFORMATION_MESSAGE);
  }
}
