package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.TraceJson;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: writes every layer's output for one image as JSON ({@link TraceJson}). */
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
          TraceJson.write(trace, image.toString(), writer);
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
}
