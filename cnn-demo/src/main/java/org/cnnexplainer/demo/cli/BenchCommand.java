package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.Acceleration;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.AttributionMethod;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.tfjs.InvalidModelException;
import org.cnnexplainer.demo.app.WhyBenchmark;
import org.cnnexplainer.demo.io.TerminalText;
import org.cnnexplainer.viz.draw.DrawingPad;
import org.cnnexplainer.viz.overview.OverviewBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: how fast a model traces and predicts on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures how fast a model traces and predicts on this machine.",
      "Reports the median and 90th percentile time of a full trace (every layer kept) at batch 1",
      "on one thread after warm-up, and predictions per second with one thread per core."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description = "A TF.js layers model: its model.json, or the folder holding it.")
  Path model;

  @Option(
      names = "--train",
      description =
          "Measure training instead: Tiny VGG (10 filters) on 28x28x1 images, all cores, no model"
              + " needed (JSON: trainImagesPerSec, epochSeconds for 60,000 images, vectorApi).")
  boolean train;

  @Option(
      names = "--train-seconds",
      defaultValue = "20",
      paramLabel = "SECONDS",
      description = "Duration of the timed training run (default: ${DEFAULT-VALUE} s).")
  double trainSeconds;

  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--image"},
      paramLabel = "IMAGE",
      description = "Input image (default: seeded random pixels).")
  Path image;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      paramLabel = "SECONDS",
      description = "Warm-up time before measuring (default: ${DEFAULT-VALUE} s).")
  double warmupSeconds;

  @Option(
      names = "--samples",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Timed traces (default: ${DEFAULT-VALUE}); timing stops after 60 s with fewer.")
  int samples;

  @Option(
      names = "--throughput-seconds",
      defaultValue = "3",
      paramLabel = "SECONDS",
      description = "Duration of the all-cores prediction run (default: ${DEFAULT-VALUE} s).")
  double throughputSeconds;

  @Option(
      names = "--render",
      description =
          "Measure the overview instead: a full 1600x900 paint with a trace, and a switch to a new"
              + " trace (medians; JSON: overviewPaintMedianMs, traceSwitchMedianMs).")
  boolean render;

  @Option(
      names = "--gradients",
      description =
          "Measure the backward pass instead: the gradients of the predicted class's logit for"
              + " every layer and the input, from a trace, on one thread (medians; JSON:"
              + " gradientsMedianUs, traceMedianUs for the forward pass,"
              + " traceAndGradientsMedianUs for both, vectorApi).")
  boolean gradients;

  @Option(
      names = "--draw",
      description =
          "Measure one update of the drawing pad instead (small grayscale models): a pen stroke"
              + " converted to the input, its trace and the overview's switch to it (medians;"
              + " JSON: drawStrokeMedianMs, drawTraceMedianMs, drawOverviewSwitchMedianMs,"
              + " drawUpdateMedianMs).")
  boolean draw;

  @Option(
      names = "--edit",
      description =
          "Measure the latency of a weight edit instead: silencing a channel of the first Conv2D"
              + " or Dense layer, the edited network's trace and the overview's switch to it"
              + " (medians; JSON: editApplyMedianMs, editTraceMedianMs,"
              + " editOverviewSwitchMedianMs, editUpdateMedianMs).")
  boolean edit;

  @Option(
      names = "--attribution",
      description =
          "Measure the attribution methods instead, for the predicted class, one thread, each"
              + " from the image (JSON: saliencyMedianUs, gradCamMedianUs,"
              + " integratedGradientsMedianMs for 32 steps, occlusionMedianMs for an 8x8 square"
              + " at stride 4, traceMedianUs and each one's ratio to it, vectorApi).")
  boolean attribution;

  @Option(
      names = "--why",
      description =
          "Measure the \"Why?\" window instead: from choosing another class or method to the"
              + " repainted 1024x700 panel (computation and paint), per method (medians; JSON:"
              + " classSwitchMedianMs, methodSwitchMedianMs, worstMedianMs).")
  boolean why;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(
      names = "--jvm-runs",
      paramLabel = "N",
      description =
          "Run the benchmark in N fresh JVMs, one after another, started like this one, and report"
              + " each run's figure (the trace median, or what --train, --gradients, ... measure)"
              + " and the worst run over the best (JSON: values, medianOfRuns, worstRunOverBest,"
              + " runs with each run's JSON).")
  Integer jvmRuns;

  @Override
  public Integer call() throws IOException {
    OptionChecks.range(spec, "--warmup", warmupSeconds, 0, Limits.MAX_PHASE_SECONDS);
    OptionChecks.range(spec, "--samples", samples, 1, Limits.MAX_BENCH_SAMPLES);
    OptionChecks.range(
        spec, "--throughput-seconds", throughputSeconds, 0, Limits.MAX_PHASE_SECONDS);
    OptionChecks.require(
        spec,
        trainSeconds > 0 && trainSeconds <= Limits.MAX_PHASE_SECONDS,
        "--train-seconds must be above 0 and at most "
            + Limits.MAX_PHASE_SECONDS
            + "; got "
            + trainSeconds);
    if (!train && model == null) {
      throw new ParameterException(
          spec.commandLine(), "Missing required option: '--model=MODEL' (or use --train)");
    }
    if (jvmRuns != null) {
      OptionChecks.range(spec, "--jvm-runs", jvmRuns, 1, Limits.MAX_BENCH_JVM_RUNS);
      return benchInFreshJvms();
    }
    if (train) {
      return benchTraining();
    }
    Network network = ModelOption.loadForImages(model);
    // The measured trace is checked once: timing a model that computes NaN would be meaningless.
    ActivationTrace first =
        image != null
            ? CheckedTraces.ofImage(network, model, image)
            : CheckedTraces.of(
                network,
                model,
                TraceBenchmark.randomInput(network.inputShape(), 42),
                "random pixels");
    Tensor input = first.input();
    if (gradients) {
      return benchGradients(network, input);
    }
    if (attribution) {
      return benchAttribution(network, first);
    }
    if (why) {
      return benchWhy(network, first);
    }
    if (edit) {
      if (EditBenchmark.editable(network) == null) {
        throw new ParameterException(
            spec.commandLine(), "--edit needs a model with a Conv2D or Dense layer to edit");
      }
      EditBenchmark.Result result =
          EditBenchmark.run(network, input, warmupSeconds, samples, Limits.BENCH_SAMPLING_SECONDS);
      System.out.println(json ? result.toJson() : result.toText());
      return 0;
    }
    if (draw) {
      if (!DrawingPad.suits(network.inputShape())) {
        throw new ParameterException(
            spec.commandLine(),
            "--draw needs a model with small grayscale inputs (1 channel, at most "
                + DrawingPad.MAX_SUITED_SIDE
                + " pixels a side); this one takes "
                + network.inputShape());
      }
      DrawBenchmark.Result result =
          DrawBenchmark.run(network, warmupSeconds, samples, Limits.BENCH_SAMPLING_SECONDS);
      System.out.println(json ? result.toJson() : result.toText());
      return 0;
    }
    if (render) {
      OverviewBenchmark.Result result = RenderBenchmark.run(network, input);
      System.out.println(
          json
              ? result.toJson()
              : String.format(
                  Locale.ROOT,
                  "overview 1600x900: paint median %.2f ms, trace switch median %.2f ms (%d runs)",
                  result.overviewPaintMedianMs(),
                  result.traceSwitchMedianMs(),
                  result.runs()));
      return 0;
    }
    TraceBenchmark.Result result =
        new TraceBenchmark(network, input)
            .run(warmupSeconds, samples, throughputSeconds, Limits.BENCH_SAMPLING_SECONDS);
    if (json) {
      System.out.printf(
          Locale.ROOT,
          "{\"traceMedianUs\": %.1f, \"traceP90Us\": %.1f, \"predictImagesPerSec\": %.0f,"
              + " \"vectorApi\": %b, \"timedPageFaults\": %d}%n",
          result.traceMedianMicros(),
          result.traceP90Micros(),
          result.predictImagesPerSecond(),
          Acceleration.vectorApi(),
          result.timedPageFaults());
    } else {
      System.out.printf(
          Locale.ROOT,
          "trace (1 thread): median %.1f us, p90 %.1f us over %d runs (%d page faults)%n"
              + "predict (%d threads): %.0f images/s%n"
              + "convolutions: %s%n",
          result.traceMedianMicros(),
          result.traceP90Micros(),
          result.samples(),
          result.timedPageFaults(),
          result.threads(),
          result.predictImagesPerSecond(),
          Acceleration.vectorApi()
              ? "Vector API"
              : "plain Java (start java with "
                  + Acceleration.VECTOR_API_OPTION
                  + " for the faster Vector API path)");
    }
    return 0;
  }

  private int benchInFreshJvms() throws IOException {
    String figure;
    if (train) {
      figure = "trainImagesPerSec";
    } else if (gradients) {
      figure = "gradientsMedianUs";
    } else if (attribution) {
      figure = "integratedGradientsMedianMs";
    } else if (why) {
      figure = "worstMedianMs";
    } else if (render) {
      figure = "traceSwitchMedianMs";
    } else if (draw) {
      figure = "drawUpdateMedianMs";
    } else if (edit) {
      figure = "editUpdateMedianMs";
    } else {
      figure = "traceMedianUs";
    }
    JvmRuns.Result result =
        JvmRuns.run(
            jvmRuns,
            JvmRuns.withoutJvmRuns(spec.commandLine().getParseResult().originalArgs()),
            figure,
            train);
    System.out.println(json ? result.toJson() : result.toText());
    return 0;
  }

  private int benchGradients(Network network, Tensor input) throws InvalidModelException {
    Limits.requireGradientsFit(network, model);
    GradientsBenchmark.Result r =
        GradientsBenchmark.run(
            network, input, warmupSeconds, samples, Limits.BENCH_SAMPLING_SECONDS);
    if (json) {
      System.out.printf(
          Locale.ROOT,
          "{\"gradientsMedianUs\": %.1f, \"traceMedianUs\": %.1f,"
              + " \"traceAndGradientsMedianUs\": %.1f, \"vectorApi\": %b}%n",
          r.gradientsMedianMicros(),
          r.traceMedianMicros(),
          r.traceAndGradientsMedianMicros(),
          Acceleration.vectorApi());
    } else {
      System.out.printf(
          Locale.ROOT,
          "backward pass (1 thread, predicted class): median %.1f us over %d runs%n"
              + "traced forward pass: median %.1f us; both: median %.1f us (%s)%n",
          r.gradientsMedianMicros(),
          r.samples(),
          r.traceMedianMicros(),
          r.traceAndGradientsMedianMicros(),
          Acceleration.vectorApi() ? "Vector API" : "plain Java");
    }
    return 0;
  }

  private int benchWhy(Network network, ActivationTrace first) throws InvalidModelException {
    Limits.requireAttributionFits(network, model, IntegratedGradients.DEFAULT_STEPS);
    if (first.logits().isEmpty()) {
      throw new InvalidModelException(
          TerminalText.escape(model)
              + ": the model does not end in a softmax, so its classes have no logits to explain");
    }
    int runs = Math.max(5, samples / 20);
    WhyBenchmark.Result r = WhyBenchmark.run(network, first.input(), Math.max(2, runs / 2), runs);
    if (json) {
      System.out.println(r.toJson());
    } else {
      for (AttributionMethod m : AttributionMethod.values()) {
        System.out.printf(
            Locale.ROOT,
            "%s: another class %.2f ms, switching to it %.2f ms%n",
            m.displayName(),
            r.classSwitchMedianMs().get(m),
            r.methodSwitchMedianMs().get(m));
      }
      System.out.printf(
          Locale.ROOT,
          "choice to repainted %dx%d panel, medians over %d switches each; slowest %.2f ms%n",
          WhyBenchmark.WIDTH,
          WhyBenchmark.HEIGHT,
          r.runs(),
          r.worstMedianMs());
    }
    return 0;
  }

  private int benchAttribution(Network network, ActivationTrace first)
      throws InvalidModelException {
    Limits.requireAttributionFits(network, model, IntegratedGradients.DEFAULT_STEPS);
    if (first.logits().isEmpty()) {
      throw new InvalidModelException(
          TerminalText.escape(model)
              + ": the model does not end in a softmax, so its classes have no logits to explain");
    }
    AttributionBenchmark.Result r =
        AttributionBenchmark.run(
            network, first.input(), warmupSeconds, samples, Limits.BENCH_SAMPLING_SECONDS);
    if (json) {
      System.out.println(r.toJson(Acceleration.vectorApi()));
    } else {
      double t = r.traceMedianMicros();
      System.out.printf(
          Locale.ROOT,
          "traced forward pass (1 thread): median %.1f us over %d runs (%s)%n"
              + "saliency: %.1f us (%.2f x); Grad-CAM: %.1f us (%.2f x)%n"
              + "integrated gradients, 32 steps: %.2f ms (%.1f x);"
              + " occlusion 8x8 stride 4: %.2f ms (%.1f x), %d runs each%n",
          t,
          r.samples(),
          Acceleration.vectorApi() ? "Vector API" : "plain Java",
          r.saliencyMedianMicros(),
          r.saliencyMedianMicros() / t,
          r.gradCamMedianMicros(),
          r.gradCamMedianMicros() / t,
          r.integratedGradientsMedianMillis(),
          r.integratedGradientsMedianMillis() * 1e3 / t,
          r.occlusionMedianMillis(),
          r.occlusionMedianMillis() * 1e3 / t,
          r.slowSamples());
    }
    return 0;
  }

  private int benchTraining() {
    TrainBenchmark.Result r =
        TrainBenchmark.run(warmupSeconds, trainSeconds, Runtime.getRuntime().availableProcessors());
    if (json) {
      System.out.printf(
          Locale.ROOT,
          "{\"trainImagesPerSec\": %.0f, \"epochSeconds\": %.1f, \"vectorApi\": %b}%n",
          r.imagesPerSecond(),
          r.epochSeconds(),
          r.vectorApi());
    } else {
      System.out.printf(
          Locale.ROOT,
          "train Tiny VGG (10 filters, 28x28x1, batch %d, %d threads, %s): %.0f images/s,"
              + " %.1f s per 60,000-image epoch%n",
          r.batchSize(),
          r.threads(),
          r.vectorApi() ? "Vector API" : "plain Java",
          r.imagesPerSecond(),
          r.epochSeconds());
    }
    return 0;
  }
}
