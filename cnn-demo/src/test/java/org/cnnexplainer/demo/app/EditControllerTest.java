package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits in the app: the context menu's silence edits the state's network, the explainer shows the
 * edited network's trace of the same input and the unedited one's as the reference, and the status
 * line reports both with the core's numbers; undo restores the original; export writes a model.
 */
class EditControllerTest {
  private final Network network = SeededModel.network(7);
  private final Tensor input = ImageInput.fromImage(SeededModel.image(3), network.inputShape());

  @TempDir Path tmp;

  @Test
  void silencingAChannelShowsTheEditedTraceBesideTheUneditedOne() throws Exception {
    ExplainerState state = onEdt(() -> new ExplainerState(Runnable::run));
    EditController edits = onEdt(() -> new EditController(null, state));
    onEdt(
        () -> {
          state.setNetwork(network);
          state.setInput(input);
          return null;
        });
    int conv = network.indexOf("conv_1_1").getAsInt();
    JPopupMenu menu = onEdt(() -> edits.menuFor(new NeuronRef(conv, 2)));
    assertEquals(4, menu.getComponentCount());
    JMenuItem silence = (JMenuItem) menu.getComponent(0);
    assertEquals("Silence channel 2 of conv_1_1 (×0)", silence.getText());
    assertNull(onEdt(() -> edits.menuFor(new NeuronRef(conv + 1, 2))), "a ReLU has no weights");

    onEdt(
        () -> {
          silence.doClick();
          return null;
        });
    Network expected = NetworkEdit.zeroChannel("conv_1_1", 2).applyTo(network);
    assertNotEquals(
        network.trace(input).probabilities(),
        expected.trace(input).probabilities(),
        "the silenced channel matters for this input");
    awaitReference(state);
    String status =
        onEdt(
            () -> {
              assertEquals(
                  expected.trace(input).probabilities(),
                  state.trace().orElseThrow().probabilities());
              assertSame(input, state.trace().orElseThrow().input());
              assertEquals(
                  network.trace(input).probabilities(),
                  state.reference().orElseThrow().probabilities());
              assertTrue(edits.canUndo());
              assertEquals("conv_1_1 channel 2 silenced", edits.lastEdit());
              return StatusBar.predictionOf(state);
            });
    assertEquals(
        "Prediction: "
            + describe(expected.trace(input).predicted())
            + " · unedited: "
            + describe(network.trace(input).predicted()),
        status);

    Path out = tmp.resolve("edited");
    onEdt(
        () -> {
          edits.write(out);
          return null;
        });
    assertEquals(
        expected.trace(input).probabilities(), TfjsModel.load(out).trace(input).probabilities());
    assertEquals(
        EditList.of(NetworkEdit.zeroChannel("conv_1_1", 2)),
        EditList.fromJson(Files.readString(out.resolve("edits.json"))));
    assertThrows(
        IOException.class,
        () ->
            onEdt(
                () -> {
                  edits.write(out);
                  return null;
                }),
        "an export never writes into a folder that holds files");

    // Each step on its own event: the traces arrive on the event thread after the step.
    onEdt(
        () -> {
          edits.undo();
          return null;
        });
    onEdt(
        () -> {
          assertSame(network, state.network().orElseThrow());
          assertFalse(edits.isEdited());
          assertTrue(state.reference().isEmpty(), "no reference without edits");
          assertEquals(
              network.trace(input).probabilities(), state.trace().orElseThrow().probabilities());
          edits.redo();
          return null;
        });
    onEdt(
        () -> {
          assertEquals(
              expected.trace(input).probabilities(), state.trace().orElseThrow().probabilities());
          edits.reset();
          return null;
        });
    onEdt(
        () -> {
          assertSame(network, state.network().orElseThrow());
          assertEquals(
              network.trace(input).probabilities(), state.trace().orElseThrow().probabilities());
          return null;
        });
  }

  private static String describe(ClassScore score) {
    return String.format(Locale.ROOT, "%s (%.1f %%)", score.label(), 100.0 * score.probability());
  }

  /** Waits until the background trace of the unedited network has reached the state. */
  private static void awaitReference(ExplainerState state) throws Exception {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      if (onEdt(() -> state.reference().isPresent())) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the unedited trace never arrived");
  }

  private static <T> T onEdt(Callable<T> action) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(action.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
