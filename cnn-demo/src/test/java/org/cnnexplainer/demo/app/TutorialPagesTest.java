package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.Network;
import org.junit.jupiter.api.Test;

class TutorialPagesTest {
  @Test
  void everyConceptHasAPageWithItsTitleAndRealText() {
    for (Concept concept : Concept.values()) {
      String html = TutorialPanel.html(concept);
      assertTrue(html.contains("<h2>" + concept.title() + "</h2>"), concept + " heading");
      assertTrue(html.replaceAll("<[^>]+>", "").length() > 400, concept + " has too little text");
      assertEquals(Optional.of(concept), Concept.byId(concept.id()));
    }
  }

  @Test
  void theViewsExplainHookIdsAreKnown() {
    for (String id :
        List.of(
            "convolution",
            "relu",
            "pooling",
            "flatten",
            "softmax",
            "hyperparameters",
            "integrated-gradients",
            "grad-cam",
            "occlusion")) {
      assertTrue(Concept.byId(id).isPresent(), id);
    }
  }

  @Test
  void layerLabelsOpenTheirConcept() {
    Network network = SeededModel.network(1);
    assertEquals(Concept.CONVOLUTION, Concept.forLayer(network.layer(0)));
    assertEquals(Concept.RELU, Concept.forLayer(network.layer(1)));
    assertEquals(Concept.POOLING, Concept.forLayer(network.layer(4)));
    assertEquals(Concept.FLATTEN, Concept.forLayer(network.layer(10)));
    assertEquals(Concept.SOFTMAX, Concept.forLayer(network.layer(11)));
  }
}
