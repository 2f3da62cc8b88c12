package org.cnnexplainer.demo.app;

import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;

/**
 * The Model menu: the models bundled in the jar, "Open model…" for any TF.js {@code model.json},
 * and the recently opened ones (rebuilt each time the menu opens).
 */
final class ModelMenu extends JMenu {
  /** The models the jar may bundle under {@code models/}, in menu order. */
  static final List<String> BUNDLED = List.of("tiny-vgg-fashion");

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

  /** The first bundled model the jar holds, if any. */
  static Optional<ModelSource> defaultBundled() {
    return BUNDLED.stream().map(ModelSource::bundled).flatMap(Optional::stream).findFirst();
  }

  private void rebuild() {
    removeAll();
    boolean any = false;
    for (String name : BUNDLED) {
      Optional<ModelSource> source = ModelSource.bundled(name);
      if (source.isPresent()) {
        add(item(source.get().label(), source.get()));
        any = true;
      }
    }
    if (!any) {
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
