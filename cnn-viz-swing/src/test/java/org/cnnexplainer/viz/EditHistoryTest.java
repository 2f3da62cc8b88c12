package org.cnnexplainer.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** Undo, redo and reset move between edit lists; the network in force is always recomputed. */
class EditHistoryTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(1, 28, 28, 4, 3);
  private final Tensor input = TestNetworks.image(NETWORK.inputShape(), 5);

  @Test
  void applyUndoRedoAndResetKeepTheNetworkInForceExact() {
    EditHistory history = new EditHistory(NETWORK);
    assertSame(NETWORK, history.current());
    assertFalse(history.canUndo() || history.canRedo() || history.isEdited());

    NetworkEdit silence = NetworkEdit.zeroChannel("conv_1_2", 1);
    NetworkEdit weight = NetworkEdit.setWeight("conv_1_1", "kernel", new int[] {0, 0, 1, 1}, 3f);
    history.apply(silence);
    Network both = history.apply(weight);
    assertEquals(EditList.of(silence, weight), history.edits());
    assertEquals(List.of("conv_1_1", "conv_1_2"), List.copyOf(history.changedLayers()));
    assertEquals(
        EditList.of(silence, weight).applyTo(NETWORK).trace(input).probabilities(),
        both.trace(input).probabilities());

    history.undo();
    assertEquals(EditList.of(silence), history.edits());
    assertTrue(history.canRedo());
    assertSame(both, history.redo());
    assertSame(NETWORK, history.reset());
    assertFalse(history.isEdited());
    assertEquals(Set.of(), history.changedLayers());
    assertSame(both, history.undo(), "reset is undoable");

    history.undo();
    Network other = history.apply(NetworkEdit.scaleChannel("output", 2, 2f));
    assertFalse(history.canRedo(), "a new edit drops what was undone");
    assertEquals(2, history.edits().size());
    assertSame(other, history.current());
  }

  @Test
  void aGestureOnOneWeightIsOneUndoStep() {
    EditHistory history = new EditHistory(NETWORK);
    NetworkEdit silence = NetworkEdit.zeroChannel("conv_1_2", 1);
    int[] at = {0, 0, 1, 1};
    history.apply(silence);
    history.apply(NetworkEdit.setWeight("conv_1_1", "kernel", at, 0.5f), false);
    history.apply(NetworkEdit.setWeight("conv_1_1", "kernel", at, 0.7f), true);
    Network dragged = history.apply(NetworkEdit.setWeight("conv_1_1", "kernel", at, 0.9f), true);
    NetworkEdit last = NetworkEdit.setWeight("conv_1_1", "kernel", at, 0.9f);
    assertEquals(EditList.of(silence, last), history.edits(), "the drag replaced its own edit");
    assertEquals(
        EditList.of(silence, last).applyTo(NETWORK).trace(input).probabilities(),
        dragged.trace(input).probabilities());
    // Another weight, or amend = false, adds a step.
    history.apply(NetworkEdit.setWeight("conv_1_1", "kernel", new int[] {0, 0, 0, 1}, 2f), true);
    assertEquals(3, history.edits().size());
    history.undo();
    assertEquals(EditList.of(silence, last), history.edits());
    assertSame(dragged, history.current());
    history.undo();
    assertEquals(EditList.of(silence), history.edits(), "one undo takes the whole drag back");
    // After an undo the amended edit is not in force: amend adds a new step.
    history.apply(NetworkEdit.setWeight("conv_1_2", "bias", new int[] {1}, 1f), true);
    assertEquals(2, history.edits().size());
    assertFalse(history.canRedo());
  }

  @Test
  void anEditThatDoesNotFitChangesNothing() {
    EditHistory history = new EditHistory(NETWORK);
    history.apply(NetworkEdit.zeroChannel("conv_1_1", 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> history.apply(NetworkEdit.zeroChannel("conv_1_1", 9)));
    assertEquals(1, history.edits().size());
    assertFalse(history.canRedo());
    history.undo();
    assertThrows(IllegalStateException.class, history::undo);
    history.redo();
    assertThrows(IllegalStateException.class, history::redo);
  }
}
