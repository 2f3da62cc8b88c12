package org.cnnexplainer.demo.app;

import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.swing.JFileChooser;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.viz.EditHistory;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateProperty;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * "What if?": weight edits and comparisons in the app. A right click on a convolution or output
 * neuron of the overview offers to silence or scale its channel; kernel weights and biases can be
 * dragged, scrolled or typed in the convolution views; the Edit menu undoes, redoes, resets, lists
 * the edits, exports the edited model, suggests an experiment, pins the current image and switches
 * the overview's difference mode. The explainer shows the edited network (the same input, retraced)
 * and, as the state's reference trace (ghost bars, difference mode), the pinned image's trace on
 * the network in force, or else the unedited network's trace of the input while edits are in force;
 * references are computed off the event thread.
 */
final class EditController {
  /** A factor the context menu offers; {@code text} formats the channel and the layer name. */
  private record Scale(float factor, String text) {}

  private static final List<Scale> SCALES =
      List.of(
          new Scale(0f, "Silence channel %d of %s (×0)"),
          new Scale(2f, "Double channel %d of %s (×2)"),
          new Scale(0.5f, "Halve channel %d of %s (×0.5)"),
          new Scale(-1f, "Flip the sign of channel %d of %s (×−1)"));

  private final Component frame; // the owner of dialogs
  private final ExplainerState state;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cnn-demo-reference-trace");
            t.setDaemon(true);
            return t;
          });
  private final List<Runnable> onChange = new ArrayList<>();
  private EditHistory history;
  private Tensor referenceFor; // the input whose reference trace was last requested
  private Network referenceNetwork; // and the network it was requested on
  private Tensor pinned; // the pinned image, or null
  private NetworkOverview overview;

  EditController(Component owner, ExplainerState state) {
    this.frame = owner;
    this.state = state;
    state.addListener(this::stateChanged);
  }

  /** Runs {@code listener} after every change of the edits (to enable menu items). */
  void onChange(Runnable listener) {
    onChange.add(listener);
  }

  /**
   * Adds the neuron context menu to the panel's overview and lets its convolution views edit
   * weights.
   */
  void install(ExplainerPanel panel) {
    this.overview = panel.overview();
    panel.setEditListener(this::apply);
    NetworkOverview overview = panel.overview();
    overview.addPropertyChangeListener(
        NetworkOverview.DIFFERENCE_PROPERTY, e -> onChange.forEach(Runnable::run));
    overview.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            popup(e);
          }

          @Override
          public void mouseReleased(MouseEvent e) {
            popup(e);
          }

          private void popup(MouseEvent e) {
            if (!e.isPopupTrigger()) {
              return;
            }
            overview
                .hitMap()
                .selectionAt(e.getX(), e.getY())
                .map(s -> menuFor(s.neuron()))
                .ifPresent(menu -> menu.show(overview, e.getX(), e.getY()));
          }
        });
  }

  /** The context menu of {@code neuron}, or null when its layer has no channel to edit. */
  JPopupMenu menuFor(NeuronRef neuron) {
    Network network = state.network().orElse(null);
    if (network == null || neuron.layer() < 0) {
      return null;
    }
    Layer layer = network.layer(neuron.layer());
    if (!(layer instanceof Conv2D) && !(layer instanceof Dense)) {
      return null;
    }
    JPopupMenu menu = new JPopupMenu();
    for (Scale scale : SCALES) {
      JMenuItem item = new JMenuItem(String.format(scale.text(), neuron.neuron(), layer.name()));
      item.addActionListener(
          e -> apply(NetworkEdit.scaleChannel(layer.name(), neuron.neuron(), scale.factor())));
      menu.add(item);
    }
    if (neuron.layer() == network.layers().size() - 1 && state.trace().isPresent()) {
      menu.addSeparator();
      String label = network.classLabels().get(neuron.neuron());
      JMenuItem suggest = new JMenuItem("Suggest an experiment for " + label + "…");
      suggest.addActionListener(e -> suggestExperiment(neuron.neuron()));
      menu.add(suggest);
    }
    if (canUndo()) {
      menu.addSeparator();
      JMenuItem undo = new JMenuItem("Undo " + lastEdit());
      undo.addActionListener(e -> undo());
      menu.add(undo);
    }
    return menu;
  }

  /** Applies {@code edit} to the network in force; an edit that does not fit shows why. */
  void apply(NetworkEdit edit) {
    apply(edit, false);
  }

  /**
   * Applies {@code edit}, replacing the last edit when {@code amend} continues its gesture (see
   * {@link EditHistory#apply(NetworkEdit, boolean)}).
   */
  void apply(NetworkEdit edit, boolean amend) {
    if (history == null) {
      return;
    }
    try {
      show(history.apply(edit, amend));
    } catch (IllegalArgumentException e) {
      JOptionPane.showMessageDialog(
          frame, e.getMessage(), "The edit does not fit", JOptionPane.WARNING_MESSAGE);
    }
  }

  boolean canUndo() {
    return history != null && history.canUndo();
  }

  boolean canRedo() {
    return history != null && history.canRedo();
  }

  boolean isEdited() {
    return history != null && history.isEdited();
  }

  void undo() {
    if (canUndo()) {
      show(history.undo());
    }
  }

  void redo() {
    if (canRedo()) {
      show(history.redo());
    }
  }

  void reset() {
    if (isEdited()) {
      show(history.reset());
    }
  }

  /** The edit history of the network shown (null before a model is open). */
  EditHistory history() {
    return history;
  }

  /** The last edit in force, described, or "" without edits. */
  String lastEdit() {
    if (history == null || !history.isEdited()) {
      return "";
    }
    List<NetworkEdit> edits = history.edits().edits();
    return edits.get(edits.size() - 1).description();
  }

  /** Edit &gt; Edits: the list of edits in force, with the changed layers. */
  void showEdits() {
    String text;
    if (!isEdited()) {
      text = "No edits: the network is as loaded.";
    } else {
      StringBuilder b = new StringBuilder();
      int i = 1;
      for (NetworkEdit edit : history.edits().edits()) {
        b.append(i++).append(". ").append(edit.description()).append('\n');
      }
      b.append("\nChanged layers: ").append(String.join(", ", history.changedLayers()));
      text = b.toString();
    }
    JOptionPane.showMessageDialog(frame, text, "Edits", JOptionPane.INFORMATION_MESSAGE);
  }

  /**
   * Edit &gt; Export edited model: a TF.js folder plus {@code edits.json}, into an empty folder.
   */
  void exportModel() {
    if (!isEdited()) {
      JOptionPane.showMessageDialog(frame, "There are no edits to export yet.");
      return;
    }
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Export the edited model into an empty folder");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
      return;
    }
    Path folder = chooser.getSelectedFile().toPath();
    try {
      write(folder);
      JOptionPane.showMessageDialog(frame, "Wrote the edited model to " + folder);
    } catch (IOException e) {
      ErrorDialogs.exportFailed(frame, folder.toString(), e);
    }
  }

  /**
   * Writes the edited model and its edit list into {@code folder}, which must be new or empty: an
   * export never replaces the user's files.
   */
  void write(Path folder) throws IOException {
    if (Files.exists(folder)) {
      if (!Files.isDirectory(folder)) {
        throw new IOException(folder + " is a file; choose a new or empty folder");
      }
      try (Stream<Path> entries = Files.list(folder)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(folder + " is not empty; choose a new or empty folder");
        }
      }
    }
    TfjsModel.save(history.current(), folder);
    Files.writeString(folder.resolve("edits.json"), history.edits().toJson());
  }

  /**
   * Edit &gt; Suggest an experiment: the channels that contribute most to class {@code classIndex}
   * (the predicted class when negative), with the exact effect of silencing each; one click applies
   * it.
   */
  void suggestExperiment(int classIndex) {
    ActivationTrace trace = state.trace().orElse(null);
    if (trace == null || history == null) {
      JOptionPane.showMessageDialog(frame, "Open a model and an image first.");
      return;
    }
    if (trace.logits().isEmpty()) {
      JOptionPane.showMessageDialog(
          frame,
          "This network does not end in a softmax, so there is no class score to explain.",
          "Suggest an experiment",
          JOptionPane.INFORMATION_MESSAGE);
      return;
    }
    int target = classIndex >= 0 ? classIndex : trace.predicted().index();
    ExperimentPanel.showDialog(frame, trace, target, this::apply);
  }

  /** Edit &gt; Pin this image: compares every later image (and edit) with it. */
  void pin() {
    Tensor input = state.input().orElse(null);
    if (input == null || state.network().isEmpty()) {
      return;
    }
    pinned = input;
    updateReference();
    onChange.forEach(Runnable::run);
  }

  /** Edit &gt; Unpin: back to comparing with the unedited network (while edits are in force). */
  void unpin() {
    if (pinned != null) {
      pinned = null;
      updateReference();
      onChange.forEach(Runnable::run);
    }
  }

  boolean isPinned() {
    return pinned != null;
  }

  /** Whether the state has a reference to compare with (the difference mode shows something). */
  boolean canCompare() {
    return isPinned() || isEdited();
  }

  boolean isDifference() {
    return overview != null && overview.isDifference();
  }

  void setDifference(boolean on) {
    if (overview != null) {
      overview.setDifference(on);
    }
  }

  private void show(Network network) {
    state.setEditedNetwork(network);
    updateReference();
    onChange.forEach(Runnable::run);
  }

  private void stateChanged(StateEvent event) {
    if (event.has(StateProperty.NETWORK)) {
      history = state.network().map(EditHistory::new).orElse(null);
      referenceFor = null;
      pinned = null; // another model: the pinned image's trace would mean nothing
      onChange.forEach(Runnable::run);
    } else if (event.has(StateProperty.INPUT) || event.has(StateProperty.TRACE)) {
      updateReference();
    }
  }

  /**
   * The state's reference: the pinned image's trace on the network in force, or else the unedited
   * network's trace of the input while edits are in force, or none.
   */
  private void updateReference() {
    // Unpinned, the reference is of the shown trace's own input, not of the input just chosen:
    // that one's reference could arrive before its trace, and the old trace beside another
    // input's reference is what a pinned image looks like (the overview would show it side by
    // side for a moment).
    Tensor input = pinned != null ? pinned : state.trace().map(ActivationTrace::input).orElse(null);
    Network network =
        history == null ? null : pinned != null ? history.current() : history.original();
    if (network == null || input == null || (pinned == null && !isEdited())) {
      referenceFor = null;
      state.setReference(null);
      return;
    }
    ActivationTrace reference = state.reference().orElse(null);
    if (reference != null && reference.input() == input && reference.network() == network) {
      return;
    }
    if (pinned == null && reference != null && reference.input() != input) {
      state.setReference(null); // another image's: until this one's is computed, none
    }
    if (referenceFor == input && referenceNetwork == network) {
      return; // already being computed
    }
    referenceFor = input;
    referenceNetwork = network;
    background.execute(
        () -> {
          ActivationTrace trace;
          try {
            trace = network.trace(input);
          } catch (RuntimeException e) {
            // The state's own trace of this input reports the failure; a later request retries.
            SwingUtilities.invokeLater(
                () -> {
                  if (referenceFor == input && referenceNetwork == network) {
                    referenceFor = null;
                  }
                });
            return;
          }
          SwingUtilities.invokeLater(
              () -> {
                if (referenceFor == input
                    && referenceNetwork == network
                    && state.network().isPresent()
                    && history != null) {
                  state.setReference(trace);
                }
              });
        });
  }
}
