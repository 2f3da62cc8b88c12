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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.EditList;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.ChannelContributions;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.panel.ExplainerPanel;
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

  @Test
  void aWeightDraggedInTheExplainerIsOneUndoableEdit() throws Exception {
    ExplainerState state = onEdt(() -> new ExplainerState(Runnable::run));
    ExplainerPanel panel = onEdt(() -> new ExplainerPanel(state));
    EditController edits = onEdt(() -> new EditController(null, state));
    onEdt(
        () -> {
          edits.install(panel);
          state.setNetwork(network);
          state.setInput(input);
          return null;
        });
    NetworkEdit first = NetworkEdit.setWeight("conv_1_1", "kernel", new int[] {1, 0, 2, 2}, 0.4f);
    NetworkEdit dragged = NetworkEdit.setWeight("conv_1_1", "kernel", new int[] {1, 0, 2, 2}, 0.9f);
    onEdt(
        () -> {
          // What the views' gestures send (see WeightEditingTest): a drag's first and later steps.
          edits.apply(first, false);
          edits.apply(dragged, true);
          return null;
        });
    onEdt(
        () -> {
          assertEquals(EditList.of(dragged), edits.history().edits());
          assertEquals(
              dragged.applyTo(network).trace(input).probabilities(),
              state.trace().orElseThrow().probabilities());
          edits.undo();
          return null;
        });
    onEdt(
        () -> {
          assertSame(network, state.network().orElseThrow());
          assertFalse(edits.canUndo(), "the whole drag was one step");
          return null;
        });
  }

  @Test
  void aPinnedImageIsTheReferenceOnTheNetworkInForce() throws Exception {
    Tensor second = ImageInput.fromImage(SeededModel.image(11), network.inputShape());
    ExplainerState state = onEdt(() -> new ExplainerState(Runnable::run));
    EditController edits = onEdt(() -> new EditController(null, state));
    onEdt(
        () -> {
          state.setNetwork(network);
          state.setInput(input);
          return null;
        });
    onEdt(
        () -> {
          edits.pin();
          state.setInput(second);
          return null;
        });
    awaitReference(state);
    String status =
        onEdt(
            () -> {
              assertSame(input, state.reference().orElseThrow().input());
              assertEquals(
                  network.trace(input).probabilities(),
                  state.reference().orElseThrow().probabilities());
              return StatusBar.predictionOf(state);
            });
    assertEquals(
        "Prediction: "
            + describe(network.trace(second).predicted())
            + " · pinned image: "
            + describe(network.trace(input).predicted()),
        status);
    // An edit applies to both images: the pinned one is retraced on the edited network.
    NetworkEdit silence = NetworkEdit.zeroChannel("conv_1_1", 0);
    onEdt(
        () -> {
          edits.apply(silence);
          return null;
        });
    Network edited = silence.applyTo(network);
    await("the pinned image retraced", () -> state.reference().orElseThrow().network() != network);
    onEdt(
        () -> {
          assertEquals(
              edited.trace(input).probabilities(), state.reference().orElseThrow().probabilities());
          assertSame(input, state.reference().orElseThrow().input());
          edits.unpin();
          return null;
        });
    await(
        "the unedited trace of the shown image",
        () -> state.reference().map(r -> r.input() == second).orElse(false));
    onEdt(
        () -> {
          // Unpinned with an edit in force: the unedited network's trace of the shown image.
          assertSame(second, state.reference().orElseThrow().input());
          assertSame(network, state.reference().orElseThrow().network());
          return null;
        });
  }

  @Test
  void theSuggestedExperimentShowsTheCoresNumbersAndAppliesTheTopChannel() throws Exception {
    ActivationTrace trace = network.trace(input);
    int target = trace.predicted().index();
    List<ExperimentPanel.Row> rows = ExperimentPanel.rank(trace, target);
    List<ChannelContributions.Channel> ranking = ChannelContributions.rank(trace, target);
    assertEquals(Math.min(ExperimentPanel.ROWS, ranking.size()), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ExperimentPanel.Row row = rows.get(i);
      assertEquals(ranking.get(i), row.channel());
      Network silenced = row.channel().silence().applyTo(network);
      assertEquals(
          trace.logits().orElseThrow().at(target)
              - silenced.trace(input).logits().orElseThrow().at(target),
          row.drop(),
          0f);
      assertEquals(silenced.trace(input).probabilities().at(target), row.probabilityAfter(), 0f);
    }
    ExplainerState state = onEdt(() -> new ExplainerState(Runnable::run));
    EditController edits = onEdt(() -> new EditController(null, state));
    onEdt(
        () -> {
          state.setNetwork(network);
          state.setInput(input);
          return null;
        });
    AtomicReference<Boolean> closed = new AtomicReference<>(false);
    ExperimentPanel dialog =
        onEdt(
            () ->
                new ExperimentPanel(
                    state.trace().orElseThrow(), target, edits::apply, () -> closed.set(true)));
    await("the ranking", () -> !dialog.rows().isEmpty());
    onEdt(
        () -> {
          assertEquals(rows, dialog.rows());
          dialog.silenceSelected();
          assertEquals(EditList.of(rows.get(0).channel().silence()), edits.history().edits());
          assertTrue(closed.get(), "one click applies and closes");
          return null;
        });
  }

  /**
   * With an edit in force and nothing pinned, the reference is always of the shown trace's input:
   * the old trace beside the new image's reference (or the reverse) is what a pinned image looks
   * like, so the overview would show both side by side for a moment.
   */
  @Test
  void switchingImagesWithEditsNeverPairsTheTraceWithAnotherImagesReference() throws Exception {
    Tensor second = ImageInput.fromImage(SeededModel.image(5), network.inputShape());
    ExplainerState state = onEdt(() -> new ExplainerState(Runnable::run));
    EditController edits = onEdt(() -> new EditController(null, state));
    List<String> mismatched = new ArrayList<>();
    onEdt(
        () -> {
          state.setNetwork(network);
          state.setInput(input);
          edits.apply(NetworkEdit.zeroChannel("conv_1_1", 2));
          state.addListener(
              e -> {
                ActivationTrace trace = state.trace().orElse(null);
                ActivationTrace reference = state.reference().orElse(null);
                if (trace != null && reference != null && trace.input() != reference.input()) {
                  mismatched.add(e.toString());
                }
              });
          return null;
        });
    awaitReference(state);
    for (Tensor next : List.of(second, input, second)) {
      onEdt(
          () -> {
            state.setInput(next);
            return null;
          });
      await(
          "the unedited trace of the next image",
          () -> state.reference().map(r -> r.input() == next).orElse(false));
    }
    assertEquals(List.of(), mismatched, "events where the trace and reference differ in input");
    onEdt(
        () -> {
          assertSame(second, state.trace().orElseThrow().input());
          assertEquals(
              network.trace(second).probabilities(),
              state.reference().orElseThrow().probabilities());
          return null;
        });
  }

  private static String describe(ClassScore score) {
    return String.format(Locale.ROOT, "%s (%.1f %%)", score.label(), 100.0 * score.probability());
  }

  /** Waits until the background trace of the unedited network has reached the state. */
  private static void awaitReference(ExplainerState state) throws Exception {
    await("the unedited trace", () -> state.reference().isPresent());
  }

  /** Waits (up to 10 s) until {@code done}, checked on the event thread, is true. */
  private static void await(String what, Callable<Boolean> done) throws Exception {
    long end = System.nanoTime() + 10_000_000_000L;
    while (!onEdt(done)) {
      assertTrue(System.nanoTime() < end, what + " never arrived");
      Thread.sleep(10);
    }
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
