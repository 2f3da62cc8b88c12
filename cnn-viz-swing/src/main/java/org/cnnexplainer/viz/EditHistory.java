package org.cnnexplainer.viz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;

/**
 * The edits made to a network in the explainer, with undo and redo: a sequence of {@link EditList}
 * states from the original network's (no edits) on, and the position of the one in force. {@link
 * #apply} and {@link #reset} add a state (dropping any that were undone), {@link #undo} and {@link
 * #redo} move between them; each returns the network in force, always the original with the current
 * edits applied. Not thread-safe: use it on one thread (the event thread).
 */
public final class EditHistory {
  private final Network original;
  private final List<EditList> states = new ArrayList<>();
  private final List<Network> networks = new ArrayList<>();
  private int position;

  /**
   * A history of {@code original} without edits.
   *
   * @param original the unedited network; {@link #original()} and, until the first edit, {@link
   *     #current()}
   */
  public EditHistory(Network original) {
    this.original = Objects.requireNonNull(original, "original");
    states.add(EditList.empty());
    networks.add(original);
  }

  /** {@return the network before any edit} */
  public Network original() {
    return original;
  }

  /** {@return the network in force: the original with {@link #edits()} applied} */
  public Network current() {
    return networks.get(position);
  }

  /** {@return the edits in force, in the order they were made; empty when none is} */
  public EditList edits() {
    return states.get(position);
  }

  /** {@return whether any edit is in force} */
  public boolean isEdited() {
    return !edits().isEmpty();
  }

  /**
   * {@return the names of the layers whose weights the edits in force change, in the network's
   * order; empty when nothing is edited}
   */
  public Set<String> changedLayers() {
    Set<String> touched = new LinkedHashSet<>();
    edits().edits().forEach(e -> touched.add(e.layer()));
    Set<String> ordered = new LinkedHashSet<>();
    original
        .layers()
        .forEach(
            l -> {
              if (touched.contains(l.name())) {
                ordered.add(l.name());
              }
            });
    return ordered;
  }

  /**
   * Adds {@code edit} after the edits in force and returns the new network; edits that were undone
   * can no longer be redone.
   *
   * @param edit the edit to add
   * @return the new network in force, {@link #current()}
   * @throws IllegalArgumentException if the edit does not fit the network (nothing changes)
   */
  public Network apply(NetworkEdit edit) {
    return apply(edit, false);
  }

  /**
   * Like {@link #apply(NetworkEdit)}, but with {@code amend} true and a last edit in force that
   * sets the same weight or bias ({@link NetworkEdit.SetWeight} of the same layer, parameter and
   * index), {@code edit} replaces that edit instead of adding a state: a drag over many values is
   * one undo step. Otherwise it adds a state as {@link #apply(NetworkEdit)} does.
   *
   * @param edit the edit
   * @param amend whether it continues the last edit's gesture
   * @return the network in force
   * @throws IllegalArgumentException if the edit does not fit the network (nothing changes)
   */
  public Network apply(NetworkEdit edit, boolean amend) {
    if (amend && amends(edit)) {
      Network before = networks.get(position - 1);
      Network edited = edit.applyTo(before);
      states.set(position, edits().first(edits().size() - 1).plus(edit));
      networks.set(position, edited);
      dropRedo();
      return edited;
    }
    Network edited = edit.applyTo(current());
    push(edits().plus(edit), edited);
    return edited;
  }

  /** Whether the last edit in force sets the same parameter element as {@code edit}. */
  private boolean amends(NetworkEdit edit) {
    if (!(edit instanceof NetworkEdit.SetWeight next) || position == 0 || !isEdited()) {
      return false;
    }
    List<NetworkEdit> list = edits().edits();
    // The state before must be this one minus its last edit (not a reset in between).
    if (states.get(position - 1).edits().size() != list.size() - 1) {
      return false;
    }
    return list.get(list.size() - 1) instanceof NetworkEdit.SetWeight last
        && last.layer().equals(next.layer())
        && last.parameter().equals(next.parameter())
        && last.index().equals(next.index());
  }

  /**
   * Removes every edit (undoable) and returns the original network.
   *
   * @return the original network, now {@link #current()}
   */
  public Network reset() {
    if (isEdited()) {
      push(EditList.empty(), original);
    }
    return current();
  }

  /** {@return whether {@link #undo()} has something to undo} */
  public boolean canUndo() {
    return position > 0;
  }

  /** {@return whether {@link #redo()} has something to redo} */
  public boolean canRedo() {
    return position < states.size() - 1;
  }

  /**
   * Goes back to the state before the last {@link #apply} or {@link #reset}.
   *
   * @return the network in force after undoing, {@link #current()}
   * @throws IllegalStateException if there is nothing to undo
   */
  public Network undo() {
    if (!canUndo()) {
      throw new IllegalStateException("nothing to undo");
    }
    position--;
    return current();
  }

  /**
   * Goes forward to the state the last {@link #undo} left.
   *
   * @return the network in force after redoing, {@link #current()}
   * @throws IllegalStateException if there is nothing to redo
   */
  public Network redo() {
    if (!canRedo()) {
      throw new IllegalStateException("nothing to redo");
    }
    position++;
    return current();
  }

  private void push(EditList edits, Network network) {
    dropRedo();
    states.add(edits);
    networks.add(network);
    position++;
  }

  private void dropRedo() {
    while (states.size() > position + 1) {
      states.remove(states.size() - 1);
      networks.remove(networks.size() - 1);
    }
  }
}
