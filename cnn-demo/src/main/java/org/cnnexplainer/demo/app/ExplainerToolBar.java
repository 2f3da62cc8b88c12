package org.cnnexplainer.demo.app;

import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;

/**
 * The toolbar: colour range mode, palette, detail toggle, play/pause, reduced motion, dark theme
 * and the tutorial; it mirrors the shared state.
 */
final class ExplainerToolBar extends JToolBar {
  private final ExplainerState state;
  private final JComboBox<RangeMode> range = new JComboBox<>(RangeMode.values());
  private final JComboBox<Palette> palette = new JComboBox<>(Palette.values());
  private final JToggleButton detail = new JToggleButton("Details", true);
  private final JToggleButton play = new JToggleButton("Play");
  private final JToggleButton reducedMotion = new JToggleButton("Reduced motion");
  private final JToggleButton dark = new JToggleButton("Dark");
  private final JToggleButton tutorial = new JToggleButton("Tutorial");
  private final javax.swing.JButton explain = new javax.swing.JButton("Explain this view");
  private final StateListener listener = e -> sync();
  private java.util.Optional<Concept> shownConcept = java.util.Optional.empty();
  private java.util.Optional<Boolean> shownPlaying = java.util.Optional.empty();

  ExplainerToolBar(
      ExplainerState state,
      AppPreferences prefs,
      Consumer<Boolean> onPlay,
      Consumer<Boolean> onTutorial,
      Runnable onExplain) {
    this.state = state;
    setFloatable(false);
    getAccessibleContext().setAccessibleName("Explainer controls");
    range.setMaximumSize(range.getPreferredSize());
    palette.setMaximumSize(palette.getPreferredSize());
    range.setRenderer(titled());
    palette.setRenderer(titled());
    range.setToolTipText(
        "Colour range: Unit = each layer its own, Module = shared up to each pooling layer,"
            + " Global = one range for all hidden layers");
    range.addActionListener(e -> state.setRangeMode((RangeMode) range.getSelectedItem()));
    palette.setToolTipText("Colour palette (the colour-blind safe one avoids red against blue)");
    palette.addActionListener(e -> state.setPalette((Palette) palette.getSelectedItem()));
    detail.addActionListener(e -> state.setDetail(detail.isSelected()));
    play.addActionListener(
        e -> {
          play.setText(play.isSelected() ? "Pause" : "Play");
          onPlay.accept(play.isSelected());
        });
    // Reduced motion if remembered, or if asked for on the command line
    // (-Dcnnexplainer.animation=off).
    boolean reduced = prefs.reducedMotion() || !Animator.isEnabled();
    reducedMotion.setSelected(reduced);
    applyMotion(reduced);
    reducedMotion.addActionListener(
        e -> {
          prefs.setReducedMotion(reducedMotion.isSelected());
          applyMotion(reducedMotion.isSelected());
          setViewOpen(shownConcept, shownPlaying);
        });
    dark.setSelected(Theme.isDark());
    dark.addActionListener(
        e -> {
          prefs.setDark(dark.isSelected());
          Theme.switchTo(dark.isSelected());
        });
    tutorial.addActionListener(e -> onTutorial.accept(tutorial.isSelected()));
    explain.addActionListener(e -> onExplain.run());
    describe(explain, "Open the tutorial page about the open view");
    describe(detail, "Show layer shapes and colour legends");
    describe(play, "Play or pause the animation of the open view");
    describe(reducedMotion, "Turn animations off (final frame at once)");
    describe(dark, "Dark theme");
    describe(tutorial, "Show the tutorial side panel");
    add(label("Colour range ", range));
    add(range);
    addSeparator();
    add(label("Palette ", palette));
    add(palette);
    addSeparator();
    add(detail);
    add(play);
    add(reducedMotion);
    addSeparator();
    add(dark);
    add(tutorial);
    add(explain);
    setViewOpen(java.util.Optional.empty(), java.util.Optional.empty());
  }

  /**
   * Follows the open operation view: its concept (for "Explain this view") and, for an animated
   * view, whether it is playing.
   */
  void setViewOpen(java.util.Optional<Concept> concept, java.util.Optional<Boolean> playing) {
    shownConcept = concept;
    shownPlaying = playing;
    explain.setEnabled(concept.isPresent());
    explain.setText(concept.map(c -> "Explain: " + c.title()).orElse("Explain this view"));
    play.setEnabled(playing.isPresent() && Animator.isEnabled()); // reduced motion: nothing plays
    play.setSelected(playing.orElse(false));
    play.setText(play.isSelected() ? "Pause" : "Play");
  }

  /** Keeps the tutorial toggle in step when the panel is closed elsewhere. */
  void setTutorialShown(boolean shown) {
    tutorial.setSelected(shown);
  }

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
    sync();
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    super.removeNotify();
  }

  private void sync() {
    range.setSelectedItem(state.rangeMode());
    palette.setSelectedItem(state.palette());
    detail.setSelected(state.isDetail());
  }

  private static void applyMotion(boolean reduced) {
    System.setProperty(Animator.PROPERTY, reduced ? "off" : "on");
  }

  private static void describe(AbstractButton button, String text) {
    button.setToolTipText(text);
    button.getAccessibleContext().setAccessibleDescription(text);
    button.setFocusable(true);
  }

  private static JLabel label(String text, javax.swing.JComponent target) {
    JLabel label = new JLabel(text);
    label.setLabelFor(target);
    target.getAccessibleContext().setAccessibleName(text.trim());
    return label;
  }

  private static <E extends Enum<E>> javax.swing.ListCellRenderer<E> titled() {
    javax.swing.DefaultListCellRenderer base = new javax.swing.DefaultListCellRenderer();
    return (list, value, index, selected, focused) ->
        base.getListCellRendererComponent(
            list, value == null ? "" : title(value), index, selected, focused);
  }

  /** The name shown for a range mode or palette, in the app's spelling ("colour"). */
  static String title(Enum<?> value) {
    if (value == Palette.COLOR_BLIND_SAFE) {
      return "Colour-blind safe";
    }
    String s = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
