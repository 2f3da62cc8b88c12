package org.cnnexplainer.demo.app;

import java.nio.file.Path;
import java.util.List;
import javax.swing.JFrame;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.demo.lab.ExplainerBridge;
import org.cnnexplainer.demo.lab.LabImage;

/** Lets the Learning Lab open models and images in the explainer window through its controller. */
final class LabBridge implements ExplainerBridge {
  private final AppController controller;
  private final JFrame window;

  /** A bridge that opens through {@code controller} and brings {@code window} to the front. */
  LabBridge(AppController controller, JFrame window) {
    this.controller = controller;
    this.window = window;
  }

  @Override
  public void show(String modelName, Network network, List<LabImage> images, int selected) {
    List<Example> examples =
        images.stream()
            .map(i -> new Example(i.name(), i.description(), i.picture(), i.input()))
            .toList();
    controller.showInMemory(modelName, network, examples, selected);
    window.toFront();
  }

  @Override
  public void open(Path folder) {
    if (controller.openFile(folder)) {
      window.toFront();
    }
  }
}
