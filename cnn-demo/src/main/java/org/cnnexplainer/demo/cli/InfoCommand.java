package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code info}: the model's layers, output shapes, parameters and multiply-adds. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Lists a model's layers with output shapes, parameters and multiply-adds.",
      "Shapes are in the model's (TF.js) order: height x width x channels."
    })
public final class InfoCommand implements Callable<Integer> {
  /** Class names listed before "... (N more)": a model may have 65,536. */
  static final int MAX_LISTED_CLASSES = 100;

  @Mixin ModelOption model;

  @Override
  public Integer call() throws IOException {
    Network network = model.load();
    System.out.printf(
        Locale.ROOT,
        "Model %s: input %s, %d layers, %d classes%n",
        TerminalText.escape(network.name()),
        format(network.inputShape()),
        network.layers().size(),
        network.classLabels().size());
    System.out.printf(
        Locale.ROOT,
        "%3s  %-16s %-20s %-14s %12s %14s%n",
        "#",
        "name",
        "kind",
        "output",
        "parameters",
        "multiply-adds");
    for (int i = 0; i < network.layers().size(); i++) {
      Layer layer = network.layer(i);
      System.out.printf(
          Locale.ROOT,
          "%3d  %-16s %-20s %-14s %,12d %,14d%n",
          i,
          TerminalText.escape(layer.name()),
          TerminalText.escape(layer.kind()),
          format(network.outputShape(i)),
          layer.parameterCount(),
          layer.multiplyAdds(network.inputShape(i)));
    }
    System.out.printf(
        Locale.ROOT,
        "%-58s %,12d %,14d%n",
        "total",
        network.parameterCount(),
        network.multiplyAdds());
    List<String> labels = network.classLabels();
    List<String> shown = labels.subList(0, Math.min(labels.size(), MAX_LISTED_CLASSES));
    System.out.println(
        "classes: "
            + String.join(", ", shown.stream().map(TerminalText::escape).toList())
            + (shown.size() < labels.size()
                ? String.format(Locale.ROOT, ", ... (%,d more)", labels.size() - shown.size())
                : ""));
    return 0;
  }

  static String format(Shape shape) {
    return String.join(
        "x", Arrays.stream(shape.toTfjsOrder()).mapToObj(Integer::toString).toList());
  }
}
