package org.cnnexplainer.core.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.TestNetworks;
import org.cnnexplainer.core.layer.Conv2D;
import org.junit.jupiter.api.Test;

/** The ranking is gradient × activation summed per channel; the drop is measured exactly. */
class ChannelContributionsTest {
  @Test
  void ranksEveryConvChannelByGradientTimesActivationAndMeasuresTheDrop() {
    Network network = TestNetworks.tinyVgg(1, 28, 4, 5, 3);
    ActivationTrace trace = network.trace(TestNetworks.randomInput(network, 3));
    int target = trace.predicted().index();
    List<ChannelContributions.Channel> ranking = ChannelContributions.rank(trace, target);

    int expectedCount = 0;
    for (int i = 0; i < network.layers().size(); i++) {
      if (network.layer(i) instanceof Conv2D conv) {
        expectedCount += conv.filters();
      }
    }
    assertEquals(expectedCount, ranking.size(), "every channel of every Conv2D layer");
    for (int i = 1; i < ranking.size(); i++) {
      assertTrue(ranking.get(i - 1).contribution() >= ranking.get(i).contribution());
    }
    // Recompute one contribution from the gradient trace, element by element.
    ChannelContributions.Channel top = ranking.get(0);
    Tensor a = trace.output(top.layerIndex());
    Tensor g = trace.gradients(GradientTarget.logit(target)).output(top.layerIndex());
    int plane = a.shape().height() * a.shape().width();
    double sum = 0;
    for (int p = 0; p < plane; p++) {
      sum += (double) g.at(top.channel() * plane + p) * a.at(top.channel() * plane + p);
    }
    assertEquals(sum, top.contribution(), 1e-5 * Math.max(1, Math.abs(sum)));

    // The exact drop: original logit minus the silenced network's logit.
    Network silenced = top.silence().applyTo(network);
    float expectedDrop =
        trace.logits().orElseThrow().at(target)
            - silenced.trace(trace.input()).logits().orElseThrow().at(target);
    assertEquals(expectedDrop, top.logitDrop(trace, target), 0f);
  }

  @Test
  void aClassOutOfRangeIsRefused() {
    Network network = TestNetworks.tinyVgg(1, 28, 4, 5, 3);
    ActivationTrace trace = network.trace(TestNetworks.randomInput(network, 3));
    assertThrows(IllegalArgumentException.class, () -> ChannelContributions.rank(trace, 99));
  }
}
