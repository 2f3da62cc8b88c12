package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** The benchmark runs and reports; its numbers are not judged here (speed is not a unit test). */
class OverviewBenchmarkTest {
  @Test
  void reportsPositiveMediansAsJson() {
    Network network = TestNetworks.tinyVgg(1, 28, 28, 6, 1);
    OverviewBenchmark.Result result =
        OverviewBenchmark.run(
            network.trace(TestNetworks.image(network.inputShape(), 1)),
            network.trace(TestNetworks.image(network.inputShape(), 2)),
            800,
            450,
            1,
            3);
    assertEquals(3, result.runs());
    assertTrue(result.overviewPaintMedianMs() > 0);
    assertTrue(result.traceSwitchMedianMs() > 0);
    assertTrue(
        result
            .toJson()
            .matches(
                "\\{\"overviewPaintMedianMs\": [0-9.]+, \"traceSwitchMedianMs\":"
                    + " [0-9.]+, \"runs\": 3}"),
        result.toJson());
  }

  @Test
  void refusesTracesOfDifferentNetworks() {
    Network a = TestNetworks.tinyVgg(1, 28, 28, 6, 1);
    Network b = TestNetworks.tinyVgg(1, 28, 28, 6, 2);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            OverviewBenchmark.run(
                a.trace(TestNetworks.image(a.inputShape(), 1)),
                b.trace(TestNetworks.image(b.inputShape(), 1)),
                800,
                450,
                0,
                1));
  }
}
