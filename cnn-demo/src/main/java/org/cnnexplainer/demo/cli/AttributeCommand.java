package org.cnnexplainer.demo.cli;

import com.google.gson.stream.JsonWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.Attribution;
import org.cnnexplainer.core.attribution.AttributionMethod;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.GradientTimesInput;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.core.attribution.Saliency;
import org.cnnexplainer.core.attribution.SmoothGrad;
import org.cnnexplainer.core.tfjs.InvalidModelException;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code attribute}: which parts of an image made the model give a class its score. */
@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    description = {
      "Explains a class's logit (its score before the softmax) for one image with an attribution"
          + " method, and prints the result, writes it as JSON or draws it over the image.",
      "JSON: {\"method\", \"class\", \"logit\", \"shape\", \"values\"} (Grad-CAM adds \"layer\" and"
          + " \"channelWeights\", integrated gradients \"steps\", \"baselineLogit\" and"
          + " \"completenessGap\"); values row-major in the model's (TF.js) order: [height, width,"
          + " channels] for the input-shaped methods, the map at the layer's [height, width] for"
          + " Grad-CAM, the logit drop per position [rows, columns] for occlusion."
    })
public final class AttributeCommand implements Callable<Integer> {
  /** Most {@code --steps} and {@code --samples}: each is a forward and a backward pass. */
  static final int MAX_RUNS = 4096;

  /** Most occlusion positions (a forward pass each): 256 x 256. */
  static final int MAX_POSITIONS = 65_536;

  @Mixin ModelOption model;

  @Option(
      names = {"-i", "--image"},
      required = true,
      paramLabel = "IMAGE",
      description = "The image to explain.")
  Path image;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "METHOD",
      description =
          "saliency, gradient-x-input, integrated-gradients, smoothgrad, grad-cam or occlusion.")
  String method;

  @Option(
      names = {"-c", "--class"},
      paramLabel = "C",
      description = "The class: its index or its label (default: the predicted class).")
  String className;

  @Option(
      names = {"-l", "--layer"},
      paramLabel = "L",
      description =
          "grad-cam: the layer whose maps are weighted (default: the last convolution's).")
  String layer;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "integrated-gradients: steps along the path from black (default: 32).")
  Integer steps;

  @Option(
      names = "--samples",
      paramLabel = "N",
      description = "smoothgrad: noisy copies averaged (default: 25).")
  Integer samples;

  @Option(
      names = "--sigma",
      paramLabel = "S",
      description = "smoothgrad: the noise's standard deviation in input units (default: 0.15).")
  Float sigma;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "smoothgrad: the noise's seed (default: 1).")
  Long seed;

  @Option(
      names = "--patch",
      paramLabel = "P",
      description = "occlusion: the side of the square covered, in pixels (default: 8).")
  Integer patch;

  @Option(
      names = "--stride",
      paramLabel = "S",
      description = "occlusion: pixels the square moves between positions (default: 4).")
  Integer stride;

  @Option(
      names = "--fill",
      paramLabel = "F",
      description = "occlusion: the covered pixels' value in input units (default: 0, black).")
  Float fill;

  @Option(names = "--json", description = "Print the values as one JSON object.")
  boolean json;

  @Option(names = "--absolute", description = "--out: colour |value| instead of the signed value.")
  boolean absolute;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Where to write: with --json the JSON, else a PNG of the attribution over the image"
              + " (default: a summary on standard output).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    AttributionMethod chosen = method();
    checkOptionsApply(chosen);
    OutputFile target =
        out == null
            ? OptionChecks.output(spec, "--out", Path.of(OutputFile.STANDARD_OUTPUT))
            : OptionChecks.output(spec, "--out", out);
    OptionChecks.notAnInput(spec, target, model, image);
    checkRanges();
    Network network = model.loadForImages();
    Integer classChoice =
        className == null ? null : ClassChoice.parse(spec, className, network.classLabels());
    String camLayer = chosen == AttributionMethod.GRAD_CAM ? camLayer(network) : null;
    if (chosen == AttributionMethod.OCCLUSION) {
      checkOcclusionFits(network.inputShape());
    }
    int kept = chosen == AttributionMethod.INTEGRATED_GRADIENTS ? steps() : 0;
    Limits.requireAttributionFits(network, model.path(), kept);
    ActivationTrace trace = CheckedTraces.ofImage(network, model.path(), image);
    if (trace.logits().isEmpty()) {
      throw new InvalidModelException(
          TerminalText.escape(model.path())
              + ": the model does not end in a softmax, so its classes have no logits to"
              + " explain");
    }
    int c = classChoice != null ? classChoice : trace.predicted().index();
    Attribution result = compute(chosen, network, trace, c, camLayer);
    Tensor values = result.values();
    if (!Float.isFinite(values.min()) || !Float.isFinite(values.max())) {
      throw new InvalidModelException(
          TerminalText.escape(model.path())
              + ": model produced non-finite "
              + chosen.id()
              + " values for "
              + TerminalText.escape(image)
              + "; its weights overflow the float range");
    }
    String label = network.classLabels().get(c);
    target.write(
        stream -> {
          if (!json && out != null) {
            BufferedImage picture = AttributionPicture.draw(result, trace.input(), label, absolute);
            if (!ImageIO.write(picture, "png", stream)) {
              throw new IOException("no PNG writer in this Java");
            }
            return;
          }
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          if (json) {
            writeJson(writer, result);
          } else {
            summary(new PrintWriter(writer), result, label);
          }
          writer.flush();
        });
    return 0;
  }

  private AttributionMethod method() {
    try {
      return AttributionMethod.fromId(method);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--method: " + TerminalText.escape(e.getMessage()));
    }
  }

  /** A method's own options are refused with the others: they would silently do nothing. */
  private void checkOptionsApply(AttributionMethod chosen) {
    requireOnlyWith(chosen, AttributionMethod.GRAD_CAM, "--layer", layer);
    requireOnlyWith(chosen, AttributionMethod.INTEGRATED_GRADIENTS, "--steps", steps);
    requireOnlyWith(chosen, AttributionMethod.SMOOTHGRAD, "--samples", samples);
    requireOnlyWith(chosen, AttributionMethod.SMOOTHGRAD, "--sigma", sigma);
    requireOnlyWith(chosen, AttributionMethod.SMOOTHGRAD, "--seed", seed);
    requireOnlyWith(chosen, AttributionMethod.OCCLUSION, "--patch", patch);
    requireOnlyWith(chosen, AttributionMethod.OCCLUSION, "--stride", stride);
    requireOnlyWith(chosen, AttributionMethod.OCCLUSION, "--fill", fill);
    OptionChecks.require(
        spec, !absolute || (out != null && !json), "--absolute applies to the picture (--out)");
  }

  private void requireOnlyWith(
      AttributionMethod chosen, AttributionMethod owner, String option, Object value) {
    OptionChecks.require(
        spec,
        value == null || chosen == owner,
        option + " applies to --method " + owner.id() + " only, not " + chosen.id());
  }

  private void checkRanges() {
    if (steps != null) {
      OptionChecks.range(spec, "--steps", steps, 1, MAX_RUNS);
    }
    if (samples != null) {
      OptionChecks.range(spec, "--samples", samples, 1, MAX_RUNS);
    }
    if (sigma != null) {
      OptionChecks.range(spec, "--sigma", sigma, 0, 100);
    }
    if (fill != null) {
      OptionChecks.require(
          spec, Float.isFinite(fill), "--fill must be a finite number; got " + fill);
    }
    if (stride != null) {
      OptionChecks.range(spec, "--stride", stride, 1, Integer.MAX_VALUE);
    }
  }

  private void checkOcclusionFits(Shape input) {
    int p = patch();
    int s = stride == null ? Occlusion.DEFAULT_STRIDE : stride;
    int side = Math.min(input.height(), input.width());
    OptionChecks.range(spec, "--patch", p, 1, side);
    long positions = (long) ((input.height() - p) / s + 1) * ((input.width() - p) / s + 1);
    OptionChecks.require(
        spec,
        positions <= MAX_POSITIONS,
        "--patch "
            + p
            + " and --stride "
            + s
            + " give "
            + positions
            + " positions, each a forward pass; at most "
            + MAX_POSITIONS
            + " (use a larger --stride)");
  }

  private int steps() {
    return steps == null ? IntegratedGradients.DEFAULT_STEPS : steps;
  }

  private int patch() {
    return patch == null ? Occlusion.DEFAULT_PATCH : patch;
  }

  /** The Grad-CAM layer; a usage error lists the layers with maps. */
  private String camLayer(Network network) throws InvalidModelException {
    List<String> usable = GradCam.layers(network);
    if (usable.isEmpty()) {
      throw new InvalidModelException(
          TerminalText.escape(model.path()) + ": the model has no layer with maps for Grad-CAM");
    }
    if (layer == null) {
      return GradCam.defaultLayer(network);
    }
    if (!usable.contains(layer)) {
      List<String> shown =
          usable.subList(0, Math.min(usable.size(), InfoCommand.MAX_LISTED_CLASSES));
      throw new ParameterException(
          spec.commandLine(),
          "--layer: '"
              + TerminalText.escape(layer)
              + "' is not a layer with maps; use one of: "
              + String.join(", ", shown.stream().map(TerminalText::escape).toList())
              + (usable.size() > shown.size() ? ", ..." : ""));
    }
    return layer;
  }

  private Attribution compute(
      AttributionMethod chosen, Network network, ActivationTrace trace, int c, String camLayer) {
    Tensor x = trace.input();
    return switch (chosen) {
      case SALIENCY -> Saliency.of(trace, c);
      case GRADIENT_X_INPUT -> GradientTimesInput.of(trace, c);
      case INTEGRATED_GRADIENTS -> IntegratedGradients.of(network, x, c, steps());
      case SMOOTHGRAD ->
          SmoothGrad.of(
              network,
              x,
              c,
              samples == null ? SmoothGrad.DEFAULT_SAMPLES : samples,
              sigma == null ? SmoothGrad.DEFAULT_SIGMA : sigma,
              seed == null ? 1L : seed);
      case GRAD_CAM -> GradCam.of(trace, c, camLayer);
      case OCCLUSION ->
          Occlusion.of(
              network,
              x,
              c,
              patch(),
              stride == null ? Occlusion.DEFAULT_STRIDE : stride,
              fill == null ? Occlusion.DEFAULT_FILL : fill);
    };
  }

  /** The shape as the fixtures give it: [H, W, C] for input-shaped results, else [h, w]. */
  static int[] shape(Attribution result) {
    Shape s = result.values().shape();
    return result.method().inputShaped() ? s.toTfjsOrder() : new int[] {s.height(), s.width()};
  }

  private static void writeJson(Writer writer, Attribution result) throws IOException {
    JsonWriter w = new JsonWriter(writer);
    w.beginObject();
    w.name("method").value(result.method().id());
    w.name("class").value(result.classIndex());
    w.name("logit").value(result.logit());
    if (result instanceof GradCam cam) {
      w.name("layer").value(cam.layer());
    }
    if (result instanceof IntegratedGradients ig) {
      w.name("steps").value(ig.steps());
      w.name("baselineLogit").value(ig.baselineLogit());
      w.name("completenessGap").value(ig.completenessGap());
    }
    w.name("shape");
    JsonOutput.ints(w, shape(result));
    w.name("values");
    JsonOutput.floats(w, result.values().toHwcArray());
    if (result instanceof GradCam cam) {
      w.name("channelWeights");
      JsonOutput.floats(w, cam.channelWeights());
    }
    w.endObject();
    w.flush();
    writer.write(System.lineSeparator());
  }

  /** A few lines a person can read. */
  private static void summary(PrintWriter out, Attribution result, String label) {
    Tensor v = result.values();
    out.printf(
        Locale.ROOT,
        "%s of %s, logit %.4f%n",
        result.method().displayName(),
        AttributionPicture.classCaption(result.classIndex(), label),
        result.logit());
    out.printf(
        Locale.ROOT,
        "shape %s; min %.6g, max %.6g%n",
        Arrays.toString(shape(result)),
        v.min(),
        v.max());
    if (result instanceof IntegratedGradients ig) {
      out.printf(
          Locale.ROOT,
          "%d steps: sum %.6g = logit %.6g - baseline logit %.6g %+.3g (completeness gap)%n",
          ig.steps(),
          ig.sum(),
          ig.logit(),
          ig.baselineLogit(),
          ig.completenessGap());
    } else if (result instanceof GradCam cam) {
      StringBuilder weights = new StringBuilder();
      for (float a : cam.channelWeights()) {
        weights
            .append(weights.length() == 0 ? "" : ", ")
            .append(String.format(Locale.ROOT, "%.4g", a));
      }
      out.printf(
          Locale.ROOT, "layer %s, channel weights %s%n", TerminalText.escape(cam.layer()), weights);
    } else if (result instanceof Occlusion occlusion) {
      int best = v.argmax();
      out.printf(
          Locale.ROOT,
          "%d x %d positions of a %d-pixel square; largest drop %.6g at top-left y %d, x %d%n",
          occlusion.rows(),
          occlusion.columns(),
          occlusion.patch(),
          v.at(best),
          best / occlusion.columns() * occlusion.stride(),
          best % occlusion.columns() * occlusion.stride());
    }
    out.flush();
  }
}
