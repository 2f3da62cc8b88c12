package org.cnnexplainer.demo.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.train.Architectures;
import org.junit.jupiter.api.Test;

class WatchTabTest {
  @Test
  void aSavedRecordDoesNotKeepTheProbeAndKernelsOfTheRunBefore() throws Exception {
    Network network = Architectures.tinyVgg(Shape.image(1, 16, 16), List.of("a", "b"), 2, 1);
    SwingUtilities.invokeAndWait(
        () -> {
          WatchTab watch = new WatchTab();
          watch.showProbe(network.trace(Tensor.zeros(Shape.image(1, 16, 16))));
          watch.showFrame(network, "start");
          assertTrue(watch.probe.trace().isPresent());
          assertEquals(1, watch.filmstrip.frameCount());

          watch.showRecord("saved-model", List.of(), List.of());
          assertTrue(watch.probe.trace().isEmpty(), "no probe from the run before");
          assertEquals(0, watch.filmstrip.frameCount());
        });
  }
}
