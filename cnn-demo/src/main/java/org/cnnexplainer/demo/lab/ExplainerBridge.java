package org.cnnexplainer.demo.lab;

import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.Network;

/** What the Lab asks of the explainer window (the application implements it). */
public interface ExplainerBridge {
  /**
   * Shows {@code network} (held in memory, e.g. just trained) in the explainer with {@code images}
   * in its image strip, {@code selected} chosen, and brings the explainer to the front.
   */
  void show(String modelName, Network network, List<LabImage> images, int selected);

  /** Opens the saved model folder {@code folder} in the explainer. */
  void open(Path folder);
}
