package org.cnnexplainer.demo.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: writes every layer's output for one image as JSON. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a model on one image and writes every layer's output as JSON.",
      "Shapes and values are in the model's own (TF.js) order: images as [height, width, channels]"
          + " with values row-major, channel fastest."
    })
public final class TraceCommand implements Callable<Integer> {
  @Mixin ModelOption model;

  @Option(
      names = {"-i", "--image"},
      required = true,
      paramLabel = "IMAGE",
      description = "The image to run.")
  Path image;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the JSON trace (- for standard output).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputFile target = OptionChecks.output(spec, "--out", out);
    OptionChecks.notAnInput(spec, target, model, image);
    Network network = model.loadForImages();
    ActivationTrace trace = CheckedTraces.ofImage(network, model.path(), image);
    target.write(
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          write(trace, image.toString(), new JsonWriter(writer));
          writer.close();
        });
    // With --out - the JSON owns standard output; the summary goes to standard error.
    PrintStream summary = target.isStandardOutput() ? System.err : System.out;
    summary.println(
        "Wrote "
            + trace.size()
            + " layer outputs to "
            + (target.isStandardOutput() ? "standard output" : TerminalText.escape(out))
            + " (predicted: "
            + TerminalText.escape(trace.predicted().label())
            + ")");
    return 0;
  }

  /** The trace JSON format, shared with the application's export. */
  public static void write(ActivationTrace trace, String imageName, JsonWriter writer)
      throws IOException {
    Network network = trace.network();
    writer.beginObject();
    writer.name("model").value(network.name());
    writer.name("image").value(imageName);
    writer.name("layout").value("TF.js order: images [height, width, channels], row-major");
    writer.name("input");
    tensor(writer, trace.input());
    writer.name("layers").beginArray();
    for (int i = 0; i < trace.size(); i++) {
      writer.beginObject();
      writer.name("index").value(i);
      writer.name("name").value(network.layer(i).name());
      writer.name("kind").value(network.layer(i).kind());
      writeTensorFields(writer, trace.output(i));
      writer.endObject();
    }
    writer.endArray();
    writer.name("labels").beginArray();
    for (String label : network.classLabels()) {
      writer.value(label);
    }
    writer.endArray();
    writer.name("probabilities");
    JsonOutput.floats(writer, trace.probabilities().toArray());
    if (trace.logits().isPresent()) {
      writer.name("logits");
      JsonOutput.floats(writer, trace.logits().get().toArray());
    }
    writer.name("predicted").beginObject();
    writer.name("index").value(trace.predicted().index());
    writer.name("label").value(trace.predicted().label());
    writer.name("probability").value(trace.predicted().probability());
    writer.endObject();
    writer.endObject();
    writer.flush();
  }

  private static void tensor(JsonWriter writer, Tensor tensor) throws IOException {
    writer.beginObject();
    writeTensorFields(writer, tensor);
    writer.endObject();
  }

  private static void writeTensorFields(JsonWriter writer, Tensor tensor) throws IOException {
    writer.name("shape");
    JsonOutput.ints(writer, tensor.shape().toTfjsOrder());
    writer.name("data");
    JsonOutput.floats(writer, tensor.toHwcArray());
  }
}
