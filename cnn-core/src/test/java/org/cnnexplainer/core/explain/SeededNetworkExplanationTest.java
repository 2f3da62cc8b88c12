package org.cnnexplainer.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.TestNetworks;
import org.junit.jupiter.api.Test;

/** Every explanation reconciled with the trace on seeded Tiny-VGG-shaped and varied networks. */
class SeededNetworkExplanationTest {

  private static ActivationTrace trace(Network net, long inputSeed) {
    return net.trace(TestNetworks.randomInput(net, inputSeed));
  }

  @Test
  void tinyVgg64x64x3() {
    Network net = TestNetworks.tinyVgg(3, 64, 10, 10, 11);
    // every 7th window position (plus the last) keeps this quick; whole maps are still checked
    Reconcile.wholeTrace(trace(net, 12), 7);
  }

  @Test
  void tinyVgg28x28x1() {
    Network net = TestNetworks.tinyVgg(1, 28, 6, 10, 21);
    Reconcile.wholeTrace(trace(net, 22), 1);
  }

  @Test
  void variedNetwork() {
    // same/stride-2 conv with fused relu, batch norm, same average pooling, 2x3 kernel without
    // bias and fused sigmoid, same max pooling, Dense tanh, dropout, separate softmax
    Network net = TestNetworks.varied(31);
    for (long seed = 32; seed < 35; seed++) {
      Reconcile.wholeTrace(trace(net, seed), 1);
    }
  }

  @Test
  void denseAfterDropoutStillMapsToTheFlatten() {
    Network net = TestNetworks.varied(31);
    ActivationTrace trace = trace(net, 40);
    // "hidden" follows the flatten directly; "logits" follows tanh units through Dropout
    DenseBreakdown hidden = DenseBreakdown.of(trace, net.indexOf("hidden").getAsInt(), 0);
    assertEquals(net.indexOf("flatten").getAsInt(), hidden.flatten().orElseThrow().layerIndex());
    DenseBreakdown logits = DenseBreakdown.of(trace, net.indexOf("logits").getAsInt(), 3);
    assertTrue(logits.flatten().isEmpty());
    assertEquals(4, logits.inputAtDisplay(4));
    // the Tiny VGG output layer: display position 169 is channel 1, row 0, column 0
    Network vgg = TestNetworks.tinyVgg(3, 64, 10, 10, 11);
    DenseBreakdown out = DenseBreakdown.of(trace(vgg, 12), vgg.indexOf("output").getAsInt(), 5);
    // TF index of (1, 0, 0) = (0 * 13 + 0) * 10 + 1 = 1; of (0, 1, 0) = 13 * 10 = 130
    assertEquals(1, out.inputAtDisplay(169));
    assertEquals(130, out.inputAtDisplay(13));
  }

  @Test
  void separateSoftmaxBreakdownMatchesTheLogitsLayer() {
    Network net = TestNetworks.varied(31);
    ActivationTrace trace = trace(net, 41);
    SoftmaxBreakdown s = SoftmaxBreakdown.of(trace);
    assertEquals(net.indexOf("softmax").getAsInt(), s.layerIndex());
    for (int c = 0; c < s.size(); c++) {
      assertEquals(trace.output("logits").at(c), s.logits().at(c));
    }
  }
}
