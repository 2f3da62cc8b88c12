package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.junit.jupiter.api.Test;

/** Clicks above a column (on its label) open that layer's tutorial page; neurons do not. */
class LayerLabelClicksTest {
  @Test
  void theStripAboveAColumnNamesItsConcept() throws Exception {
    Network network = SeededModel.network(2);
    List<Optional<Concept>> found = new ArrayList<>();
    SwingUtilities.invokeAndWait(
        () -> {
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(network);
          state.setTrace(
              network.trace(ImageInput.fromImage(SeededModel.image(1), network.inputShape())));
          NetworkOverview overview = new NetworkOverview(state);
          List<Concept> concepts = new ArrayList<>();
          LayerLabelClicks.install(overview, concepts::add);
          overview.addNotify();
          overview.setSize(1200, 650);
          overview.validate();
          overview.printAll(
              new BufferedImage(1200, 650, BufferedImage.TYPE_INT_RGB).createGraphics());
          LayerLabelClicks clicks =
              (LayerLabelClicks)
                  overview.getMouseListeners()[overview.getMouseListeners().length - 1];
          for (int layer : new int[] {NeuronRef.INPUT, 0, 1, 4}) {
            Rectangle2D top = overview.hitMap().boundsOf(new NeuronRef(layer, 0)).orElseThrow();
            found.add(clicks.conceptAt(top.getCenterX(), top.getMinY() - 20));
          }
          Rectangle2D neuron = overview.hitMap().boundsOf(new NeuronRef(0, 1)).orElseThrow();
          found.add(clicks.conceptAt(neuron.getCenterX(), neuron.getCenterY()));
        });
    assertEquals(
        List.of(
            Optional.of(Concept.INPUT),
            Optional.of(Concept.CONVOLUTION),
            Optional.of(Concept.RELU),
            Optional.of(Concept.POOLING),
            Optional.empty()),
        found);
  }
}
