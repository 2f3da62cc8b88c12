package org.cnnexplainer.demo.app;

import java.awt.event.KeyEvent;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import org.cnnexplainer.models.BundledModels;

/**
 * The Model menu: the models bundled in the jar, "Open model…" for any TF.js {@code model.json},
 * and the recently opened ones (rebuilt each time the menu opens).
 */
final class ModelMenu extends JMenu {
  private final AppPreferences prefs;
  private final Consumer<ModelSource> onChoose;
  private final Runnable onOpen;

  ModelMenu(AppPreferences prefs, Consumer<ModelSource> onChoose, Runnable onOpen) {
    super("Model");
    this.prefs = prefs;
    this.onChoose = onChoose;
    this.onOpen = onOpen;
    setMnemonic(KeyEvent.VK_M);
    addMenuListener(
        new MenuListener() {
          @Override
          public void menuSelected(MenuEvent e) {
            rebuild();
          }

          @Override
          public void menuDeselected(MenuEvent e) {}

          @Override
          public void menuCanceled(MenuEvent e) {}
        });
    rebuild();
  }

  /** The first bundled model, if any. */
  static Optional<ModelSource> defaultBundled() {
    return BundledModels.names().stream().findFirst().flatMap(ModelSource::bundled);
  }

  private void rebuild() {
    removeAll();
    for (String name : BundledModels.names()) {
      ModelSource.bundled(name).ifPresent(source -> add(item(source.label(), source)));
    }
    if (BundledModels.names().isEmpty()) {
      JMenuItem none = new JMenuItem("No bundled model in this build");
      none.setEnabled(false);
      add(none);
    }
    addSeparator();
    JMenuItem open = new JMenuItem("Open model…");
    open.setAccelerator(
        KeyStroke.getKeyStroke(
            KeyEvent.VK_O, getToolkit().getMenuShortcutKeyMaskEx() | KeyEvent.SHIFT_DOWN_MASK));
    open.addActionListener(e -> onOpen.run());
    add(open);
    JMenu recent = new JMenu("Recent models");
    for (String key : prefs.recentModels()) {
      ModelSource.fromKey(key).ifPresent(source -> recent.add(item(source.label(), source)));
    }
    recent.setEnabled(recent.getItemCount() > 0);
    add(recent);
  }

  private JMenuItem item(String text, ModelSource source) {
    JMenuItem item = new JMenuItem(text);
    item.addActionListener(e -> onChoose.accept(source));
    return item;
  }
}
