package org.cnnexplainer.viz.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.panel.ViewStack.Mode;
import org.cnnexplainer.viz.panel.ViewStack.State;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewStackTest {
  // conv_1_1 0, relu_1_1 1, conv_1_2 2, relu 3, max_pool_1 4, ..., max_pool_2 9, flatten 10, output
  // 11
  private final Network network = TestNetworks.tinyVgg(3, 20, 20, 4, 1);
  private final ViewStack stack = new ViewStack();
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void record() {
    stack.addListener(t -> events.add(describe(t.from()) + " -> " + describe(t.to())));
  }

  private static String describe(State s) {
    return s.mode() == Mode.OVERVIEW
        ? "OVERVIEW"
        : s.mode()
            + "("
            + s.neuron().orElseThrow().layer()
            + ":"
            + s.neuron().orElseThrow().neuron()
            + (s.channel().isPresent() ? " c" + s.channel().getAsInt() : "")
            + ")";
  }

  @Test
  void modesFollowTheLayerKinds() {
    assertEquals(Mode.ELASTIC, ViewStack.modeFor(network, new NeuronRef(2, 0)));
    assertEquals(Mode.ACT_POOL, ViewStack.modeFor(network, new NeuronRef(1, 0)));
    assertEquals(Mode.ACT_POOL, ViewStack.modeFor(network, new NeuronRef(4, 0)));
    assertEquals(Mode.FLATTEN, ViewStack.modeFor(network, new NeuronRef(11, 3)));
    assertEquals(Mode.OVERVIEW, ViewStack.modeFor(network, NeuronRef.input(0)));
  }

  @Test
  void formulaNestsInElasticAndClosesInnermostFirst() {
    stack.clickNeuron(network, new NeuronRef(2, 1));
    stack.clickChannel(3);
    stack.clickChannel(0);
    stack.clickNeuron(network, new NeuronRef(2, 1)); // the open neuron: innermost first
    stack.clickNeuron(network, new NeuronRef(2, 1));
    assertEquals(
        List.of(
            "OVERVIEW -> ELASTIC(2:1)",
            "ELASTIC(2:1) -> CONV_FORMULA(2:1 c3)",
            "CONV_FORMULA(2:1 c3) -> CONV_FORMULA(2:1 c0)",
            "CONV_FORMULA(2:1 c0) -> ELASTIC(2:1)",
            "ELASTIC(2:1) -> OVERVIEW"),
        events);
  }

  @Test
  void sameChannelTogglesAndEscClosesInnermost() {
    stack.clickNeuron(network, new NeuronRef(0, 0));
    stack.clickChannel(2);
    stack.clickChannel(2);
    stack.clickChannel(1);
    stack.closeInnermost();
    stack.closeInnermost();
    stack.closeInnermost(); // nothing left: no event
    assertEquals(
        List.of(
            "OVERVIEW -> ELASTIC(0:0)",
            "ELASTIC(0:0) -> CONV_FORMULA(0:0 c2)",
            "CONV_FORMULA(0:0 c2) -> ELASTIC(0:0)",
            "ELASTIC(0:0) -> CONV_FORMULA(0:0 c1)",
            "CONV_FORMULA(0:0 c1) -> ELASTIC(0:0)",
            "ELASTIC(0:0) -> OVERVIEW"),
        events);
  }

  @Test
  void onlyOneOuterViewAtATime() {
    stack.clickNeuron(network, new NeuronRef(11, 6));
    stack.clickSoftmax();
    stack.clickChannel(1); // not in the elastic view: ignored
    stack.clickNeuron(network, new NeuronRef(4, 2)); // replaces flatten + softmax
    stack.clickNeuron(network, NeuronRef.input(0)); // no view there: click-away
    assertEquals(
        List.of(
            "OVERVIEW -> FLATTEN(11:6)",
            "FLATTEN(11:6) -> SOFTMAX(11:6)",
            "SOFTMAX(11:6) -> ACT_POOL(4:2)",
            "ACT_POOL(4:2) -> OVERVIEW"),
        events);
  }

  @Test
  void softmaxClosesBeforeFlatten() {
    stack.clickNeuron(network, new NeuronRef(11, 0));
    stack.clickSoftmax();
    stack.clickNeuron(network, null);
    stack.clickSoftmax();
    stack.clickSoftmax();
    stack.closeInnermost();
    assertEquals(
        List.of(
            "OVERVIEW -> FLATTEN(11:0)",
            "FLATTEN(11:0) -> SOFTMAX(11:0)",
            "SOFTMAX(11:0) -> FLATTEN(11:0)",
            "FLATTEN(11:0) -> SOFTMAX(11:0)",
            "SOFTMAX(11:0) -> FLATTEN(11:0)",
            "FLATTEN(11:0) -> OVERVIEW"),
        events);
  }
}
