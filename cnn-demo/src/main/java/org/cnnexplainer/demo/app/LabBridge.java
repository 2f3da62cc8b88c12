package org.cnnexplainer.demo.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.demo.lab.ExplainerBridge;
import org.cnnexplainer.demo.lab.LabImage;

/** Lets the Learning Lab open models and images in the explainer window through its controller. */
final class LabBridge implements ExplainerBridge {
  private final ExplainerFrame frame;

  LabBridge(ExplainerFrame frame) {
    this.frame = frame;
  }

  @Override
  public void show(String modelName, Network network, List<LabImage> images, int selected) {
    List<Example> examples =
        images.stream()
            .map(i -> new Example(i.name(), i.description(), i.picture(), i.input()))
            .toList();
    frame.controller.showInMemory(modelName, network, examples, selected);
    frame.toFront();
  }

  @Override
  public void open(Path folder) {
    try {
      frame.controller.open(ModelSource.file(folder));
      frame.toFront();
    } catch (IOException e) {
      ErrorDialogs.modelFailed(frame, folder.toString(), e, frame.state.network().isPresent());
    }
  }
}
