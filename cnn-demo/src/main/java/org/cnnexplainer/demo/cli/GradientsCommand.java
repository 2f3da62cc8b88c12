package org.cnnexplainer.demo.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.tfjs.InvalidModelException;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gradients}: how a class's logit changes with the input or with a layer's outputs. */
@Command(
    name = "gradients",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a model forward and backward on one image and prints the gradient of a class's logit"
          + " (its score before the softmax) with respect to the input or to one layer's outputs.",
      "JSON: {\"class\", \"logit\", \"layer\", \"shape\", \"values\"}, shape and values in the"
          + " model's own (TF.js) order: [height, width, channels], row-major, channel fastest."
    })
public final class GradientsCommand implements Callable<Integer> {
  /** The {@code --layer} value that means the network's input. */
  static final String INPUT = "input";

  @Mixin ModelOption model;

  @Option(
      names = {"-i", "--image"},
      required = true,
      paramLabel = "IMAGE",
      description = "The image to run.")
  Path image;

  @Option(
      names = {"-c", "--class"},
      paramLabel = "C",
      description = "The class: its index or its label (default: the predicted class).")
  String className;

  @Option(
      names = {"-l", "--layer"},
      defaultValue = INPUT,
      paramLabel = "L",
      description =
          "A layer's name, or input (the default) for the gradient with respect to the input"
              + " image (a saliency map).")
  String layer;

  @Option(names = "--json", description = "Print the gradient values as one JSON object.")
  boolean json;

  @Option(
      names = {"-o", "--out"},
      defaultValue = OutputFile.STANDARD_OUTPUT,
      paramLabel = "FILE",
      description = "Where to write (default: - for standard output).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputFile target = OptionChecks.output(spec, "--out", out);
    OptionChecks.notAnInput(spec, target, model, image);
    Network network = model.loadForImages();
    int layerIndex = layerIndex(network);
    Integer chosen =
        className == null ? null : ClassChoice.parse(spec, className, network.classLabels());
    Limits.requireGradientsFit(network, model.path());
    ActivationTrace trace = CheckedTraces.ofImage(network, model.path(), image);
    if (trace.logits().isEmpty()) {
      throw new InvalidModelException(
          TerminalText.escape(model.path())
              + ": the model does not end in a softmax, so its classes have no logits to"
              + " differentiate");
    }
    int c = chosen != null ? chosen : trace.predicted().index();
    GradientTrace gradients = trace.gradients(GradientTarget.logit(c));
    Tensor values = layerIndex < 0 ? gradients.input() : gradients.output(layerIndex);
    String layerName = layerIndex < 0 ? INPUT : network.layer(layerIndex).name();
    if (!Float.isFinite(values.min()) || !Float.isFinite(values.max())) {
      throw new InvalidModelException(
          TerminalText.escape(model.path())
              + ": model produced non-finite gradients at "
              + TerminalText.escape(layerName)
              + " for "
              + TerminalText.escape(image)
              + "; its weights overflow the float range");
    }
    target.write(
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          if (json) {
            JsonWriter w = new JsonWriter(writer);
            w.beginObject();
            w.name("class").value(c);
            w.name("logit").value(gradients.value());
            w.name("layer").value(layerName);
            w.name("shape");
            JsonOutput.ints(w, values.shape().toTfjsOrder());
            w.name("values");
            JsonOutput.floats(w, values.toHwcArray());
            w.endObject();
            w.flush();
            writer.write(System.lineSeparator());
          } else {
            summary(new PrintWriter(writer), network, c, gradients.value(), layerName, values);
          }
          writer.flush();
        });
    return 0;
  }

  /** The layer {@code --layer} names, or -1 for the input; a usage error names the choices. */
  private int layerIndex(Network network) {
    if (layer.equals(INPUT)) {
      return -1;
    }
    int index = network.indexOf(layer).orElse(-1);
    if (index < 0) {
      List<String> names = network.layers().stream().map(Layer::name).toList();
      List<String> shown = names.subList(0, Math.min(names.size(), InfoCommand.MAX_LISTED_CLASSES));
      throw new ParameterException(
          spec.commandLine(),
          "--layer: the model has no layer named '"
              + TerminalText.escape(layer)
              + "'; use "
              + INPUT
              + " or one of: "
              + String.join(", ", shown.stream().map(TerminalText::escape).toList())
              + (names.size() > shown.size() ? ", ..." : ""));
    }
    return index;
  }

  /** A few lines a person can read: the shape, the range and where the largest gradient is. */
  private static void summary(
      PrintWriter out, Network network, int c, float logit, String layer, Tensor values) {
    Shape shape = values.shape();
    float[] hwc = values.toHwcArray();
    double sumAbs = 0;
    int largest = 0;
    for (int i = 0; i < hwc.length; i++) {
      sumAbs += Math.abs(hwc[i]);
      if (Math.abs(hwc[i]) > Math.abs(hwc[largest])) {
        largest = i;
      }
    }
    String where;
    if (shape.isImage()) {
      int pixel = largest / shape.channels();
      where =
          String.format(
              Locale.ROOT,
              "y %d, x %d, channel %d",
              pixel / shape.width(),
              pixel % shape.width(),
              largest % shape.channels());
    } else {
      where = "index " + largest;
    }
    out.printf(
        Locale.ROOT,
        "gradient of the logit of class %d (%s), %.4f, with respect to %s%n",
        c,
        TerminalText.escape(network.classLabels().get(c)),
        logit,
        TerminalText.escape(layer));
    out.printf(
        Locale.ROOT,
        "shape %s (TF.js order); min %.6g, max %.6g, mean |gradient| %.6g%n",
        java.util.Arrays.toString(shape.toTfjsOrder()),
        values.min(),
        values.max(),
        sumAbs / hwc.length);
    out.printf(Locale.ROOT, "largest |gradient| %.6g at %s%n", hwc[largest], where);
    out.flush();
  }
}
