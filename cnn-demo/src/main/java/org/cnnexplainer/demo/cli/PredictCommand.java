package org.cnnexplainer.demo.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code predict}: classifies images and prints the most probable classes. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Classifies images with a model and prints the most probable classes.")
public final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Option(
      names = {"-k", "--top"},
      defaultValue = "3",
      paramLabel = "K",
      description = "How many classes to print per image (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--json",
      description =
          "Print a JSON array, one object per image: image, predicted {index, label,"
              + " probability}, probabilities.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (PNG, JPEG, ...).")
  List<Path> images;

  @Override
  public Integer call() throws IOException {
    OptionChecks.require(spec, top >= 1, "--top must be at least 1; got " + top);
    Network network = model.loadForImages();
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (json) {
      // Streamed, so that memory does not grow with the number of images; a bad image ends the
      // array early with exit code 3.
      JsonWriter writer = new JsonWriter(out);
      writer.setIndent("  ");
      writer.beginArray();
      for (Path image : images) {
        ActivationTrace trace = CheckedTraces.ofImage(network, model.path(), image);
        ClassScore best = trace.predicted();
        writer.beginObject();
        writer.name("image").value(image.toString());
        writer.name("predicted").beginObject();
        writer.name("index").value(best.index());
        writer.name("label").value(best.label());
        writer.name("probability").value(best.probability());
        writer.endObject();
        writer.name("probabilities");
        JsonOutput.floats(writer, trace.probabilities().toArray());
        writer.endObject();
      }
      writer.endArray();
      writer.flush();
      out.println();
      return 0;
    }
    for (Path image : images) {
      ActivationTrace trace = CheckedTraces.ofImage(network, model.path(), image);
      out.println(
          TerminalText.escape(image) + ": " + TerminalText.escape(trace.predicted().label()));
      for (ClassScore score : trace.topK(top)) {
        out.printf(
            Locale.ROOT,
            "  %6.2f %%  %s (%d)%n",
            100 * score.probability(),
            TerminalText.escape(score.label()),
            score.index());
      }
    }
    out.flush();
    return 0;
  }
}
