package org.cnnexplainer.viz;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** Exact event sequences of {@link ExplainerState}. */
class ExplainerStateTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(1, 28, 28, 6, 3);
  private final Deque<Runnable> jobs = new ArrayDeque<>();
  private final Executor background = jobs::add;
  private final List<Set<StateProperty>> events = new ArrayList<>();

  private ExplainerState newState() {
    ExplainerState state = new ExplainerState(background);
    state.addListener(e -> events.add(e.changed()));
    return state;
  }

  @Test
  void anEditedNetworkKeepsInputAndSelectionAndRetracesInTheBackground() {
    Tensor image = org.cnnexplainer.viz.testing.TestNetworks.image(NETWORK.inputShape(), 4);
    Network edited = org.cnnexplainer.core.NetworkEdit.zeroChannel("conv_1_1", 0).applyTo(NETWORK);
    ActivationTrace reference = NETWORK.trace(image);
    ExplainerState state =
        Headless.onEdt(
            () -> {
              ExplainerState s = newState();
              s.setNetwork(NETWORK);
              s.setInput(image);
              return s;
            });
    jobs.poll().run();
    Headless.flushEdt();
    events.clear();
    Selection selected = new Selection(new NeuronRef(0, 1), new Position(2, 3));
    runOnEdt(
        () -> {
          state.setSelection(selected);
          state.setReference(reference);
          state.setEditedNetwork(edited);
          assertSame(image, state.input().orElseThrow());
          assertSame(
              NETWORK,
              state.trace().orElseThrow().network(),
              "the old trace until the new one arrives");
          assertTrue(state.isTracing());
        });
    jobs.poll().run();
    Headless.flushEdt();
    runOnEdt(
        () -> {
          assertSame(edited, state.trace().orElseThrow().network());
          assertSame(image, state.trace().orElseThrow().input());
          assertEquals(Optional.of(selected), state.selection());
          assertEquals(Optional.of(reference), state.reference());
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  state.setEditedNetwork(
                      org.cnnexplainer.viz.testing.TestNetworks.tinyVgg(1, 28, 28, 5, 3)));
          state.setNetwork(NETWORK);
          assertEquals(Optional.empty(), state.reference(), "a new network clears the reference");
        });
    assertEquals(
        List.of(
            Set.of(StateProperty.SELECTION),
            Set.of(StateProperty.REFERENCE),
            Set.of(StateProperty.WEIGHTS, StateProperty.TRACE),
            Set.of(StateProperty.TRACE),
            Set.of(
                StateProperty.NETWORK,
                StateProperty.INPUT,
                StateProperty.TRACE,
                StateProperty.SELECTION,
                StateProperty.REFERENCE)),
        events);
  }

  @Test
  void eachMutatorFiresOneEventAndRepeatsFireNone() {
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          state.setNetwork(NETWORK);
          state.setRangeMode(RangeMode.GLOBAL);
          state.setRangeMode(RangeMode.GLOBAL);
          state.setDetail(false);
          state.setDetail(false);
          state.setPalette(Palette.COLOR_BLIND_SAFE);
          state.setHover(Selection.of(new NeuronRef(0, 1)));
          state.setHover(Selection.of(new NeuronRef(0, 1)));
          state.setSelection(new Selection(new NeuronRef(0, 1), new Position(2, 3)));
          state.setSelection(null);
        });
    assertEquals(
        List.of(
            Set.of(StateProperty.NETWORK),
            Set.of(StateProperty.RANGE_MODE),
            Set.of(StateProperty.DETAIL),
            Set.of(StateProperty.PALETTE),
            Set.of(StateProperty.HOVER),
            Set.of(StateProperty.SELECTION),
            Set.of(StateProperty.SELECTION)),
        events);
  }

  @Test
  void batchFiresOneEventWithEveryChangeAndNestedBatchesJoinTheOuterOne() {
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          state.setNetwork(NETWORK);
          events.clear();
          state.batch(
              () -> {
                state.setDetail(false);
                state.batch(() -> state.setRangeMode(RangeMode.MODULE));
                state.setSelection(Selection.of(new NeuronRef(2, 0)));
                assertTrue(events.isEmpty(), "no event inside a batch");
              });
          state.batch(() -> state.setDetail(false)); // no change: no event
        });
    assertEquals(
        List.of(Set.of(StateProperty.DETAIL, StateProperty.RANGE_MODE, StateProperty.SELECTION)),
        events);
  }

  @Test
  void absentValuesAreEmptyOptionalsNeverNull() {
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          assertEquals(Optional.empty(), state.network());
          assertEquals(Optional.empty(), state.input());
          assertEquals(Optional.empty(), state.trace());
          assertEquals(Optional.empty(), state.ranges());
          assertEquals(Optional.empty(), state.hoverText());
          state.setNetwork(NETWORK);
          assertSame(NETWORK, state.network().orElseThrow());
          assertEquals(Optional.empty(), state.trace(), "a network alone has no trace");
          ActivationTrace trace = NETWORK.trace(TestNetworks.image(NETWORK.inputShape(), 1));
          state.setTrace(trace);
          assertSame(trace, state.trace().orElseThrow());
          assertSame(trace.input(), state.input().orElseThrow());
          assertEquals(RangeMode.UNIT, state.ranges().orElseThrow().mode());
        });
    NeuronRef neuron = new NeuronRef(0, 1);
    assertEquals(Optional.empty(), Selection.of(neuron).cell());
    assertEquals(Optional.of(new Position(2, 3)), new Selection(neuron, new Position(2, 3)).cell());
    assertThrows(NullPointerException.class, () -> new Selection(neuron, (Position) null));
    assertThrows(
        NullPointerException.class, () -> new Selection(neuron, (Optional<Position>) null));
  }

  @Test
  void newNetworkClearsTraceSelectionAndHoverInOneEvent() {
    Network other = TestNetworks.tinyVgg(1, 28, 28, 6, 4);
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          state.setNetwork(NETWORK);
          state.setTrace(NETWORK.trace(TestNetworks.image(NETWORK.inputShape(), 1)));
          state.setSelection(Selection.of(new NeuronRef(0, 0)));
          state.setHover(Selection.of(new NeuronRef(1, 0)));
          events.clear();
          state.setNetwork(other);
          assertTrue(state.trace().isEmpty());
          assertTrue(state.input().isEmpty());
          assertTrue(state.ranges().isEmpty(), "no colour ranges without a trace");
          assertSame(other, state.network().orElseThrow());
          assertFalse(state.selection().isPresent());
          assertFalse(state.hover().isPresent());
        });
    assertEquals(
        List.of(
            Set.of(
                StateProperty.NETWORK,
                StateProperty.INPUT,
                StateProperty.TRACE,
                StateProperty.SELECTION,
                StateProperty.HOVER)),
        events);
  }

  @Test
  void inputIsTracedInTheBackgroundAndOnlyTheNewestTraceIsInstalled() {
    Tensor first = TestNetworks.image(NETWORK.inputShape(), 1);
    Tensor second = TestNetworks.image(NETWORK.inputShape(), 2);
    ExplainerState state =
        Headless.onEdt(
            () -> {
              ExplainerState s = newState();
              s.setNetwork(NETWORK);
              events.clear();
              s.setInput(first);
              s.setInput(second);
              assertTrue(s.isTracing());
              assertTrue(s.trace().isEmpty());
              return s;
            });
    // Finish the newer job first, then the older one.
    jobs.removeLast().run();
    jobs.removeFirst().run();
    Headless.flushEdt();
    runOnEdt(
        () -> {
          assertFalse(state.isTracing());
          assertSame(second, state.input().orElseThrow());
          assertSame(second, state.trace().orElseThrow().input());
        });
    assertEquals(
        List.of(
            Set.of(StateProperty.INPUT, StateProperty.TRACE),
            Set.of(StateProperty.INPUT),
            Set.of(StateProperty.TRACE)),
        events);
  }

  @Test
  void listenerChangingTheStateGetsItsEventAfterEveryListenerHadTheFirst() {
    List<String> order = new ArrayList<>();
    runOnEdt(
        () -> {
          ExplainerState state = new ExplainerState(background);
          state.addListener(
              e -> {
                order.add("A " + e.changed());
                if (e.has(StateProperty.DETAIL)) {
                  state.setRangeMode(RangeMode.GLOBAL);
                }
              });
          state.addListener(e -> order.add("B " + e.changed()));
          state.setDetail(false);
        });
    assertEquals(List.of("A [DETAIL]", "B [DETAIL]", "A [RANGE_MODE]", "B [RANGE_MODE]"), order);
  }

  @Test
  void rangesFollowTheModeAndTheTrace() {
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          state.setNetwork(NETWORK);
          assertTrue(state.ranges().isEmpty());
          ActivationTrace trace = NETWORK.trace(TestNetworks.image(NETWORK.inputShape(), 1));
          state.setTrace(trace);
          assertEquals(RangeMode.UNIT, state.ranges().orElseThrow().mode());
          state.setRangeMode(RangeMode.GLOBAL);
          assertEquals(RangeMode.GLOBAL, state.ranges().orElseThrow().mode());
        });
  }

  @Test
  void hoverTextShowsTheTracedValues() {
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          state.setNetwork(NETWORK);
          ActivationTrace trace = NETWORK.trace(TestNetworks.image(NETWORK.inputShape(), 1));
          state.setTrace(trace);
          int output = NETWORK.layers().size() - 1;
          state.setHover(Selection.of(new NeuronRef(output, 6)));
          String expected =
              String.format(java.util.Locale.ROOT, "%.4f", trace.probabilities().at(6));
          assertTrue(
              state.hoverText().orElseThrow().startsWith("espresso · output value " + expected),
              state.hoverText().orElseThrow());
          state.setHover(new Selection(new NeuronRef(0, 2), new Position(3, 4)));
          String cell = String.format(java.util.Locale.ROOT, "%.4f", trace.output(0).get(2, 3, 4));
          assertTrue(
              state.hoverText().orElseThrow().endsWith("at (3, 4): " + cell),
              state.hoverText().orElseThrow());
        });
  }

  @Test
  void hoverTextOfAOneChannelConvShowsItsKernelAndBias() {
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          state.setNetwork(NETWORK); // 1 input channel, so conv_1_1 kernels are 3 x 3
          state.setHover(Selection.of(new NeuronRef(0, 4)));
          org.cnnexplainer.core.layer.Conv2D conv =
              (org.cnnexplainer.core.layer.Conv2D) NETWORK.layer(0);
          String w00 = String.format(java.util.Locale.ROOT, "%.2f", conv.weight(4, 0, 0, 0));
          String w22 = String.format(java.util.Locale.ROOT, "%.2f", conv.weight(4, 0, 2, 2));
          String bias = String.format(java.util.Locale.ROOT, "%.4f", conv.bias().at(4));
          String text = state.hoverText().orElseThrow();
          assertTrue(text.contains("kernel weights [" + w00 + ", "), text);
          assertTrue(text.contains(", " + w22 + "] · bias " + bias), text);
          assertEquals(2, text.chars().filter(c -> c == ';').count(), text);
        });
  }

  @Test
  void changesOffTheEventThreadAreRefused() {
    ExplainerState state = new ExplainerState(background);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> state.setDetail(false));
    assertTrue(e.getMessage().contains("event dispatch thread"), e.getMessage());
  }

  @Test
  void inputOfTheWrongShapeIsRefusedWithBothShapes() {
    runOnEdt(
        () -> {
          ExplainerState state = newState();
          state.setNetwork(NETWORK);
          Tensor wrong = TestNetworks.image(org.cnnexplainer.core.Shape.image(3, 28, 28), 1);
          IllegalArgumentException e =
              assertThrows(IllegalArgumentException.class, () -> state.setInput(wrong));
          assertTrue(
              e.getMessage().contains("[1, 28, 28]") && e.getMessage().contains("[3, 28, 28]"),
              e.getMessage());
        });
  }
}
