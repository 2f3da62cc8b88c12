package org.cnnexplainer.demo.cli;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.InvalidModelException;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.core.train.InvalidDatasetException;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: accuracy, per-class accuracy and confusion matrix of a model on test data. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a model on every test image and reports how often it is right.",
      "In an image folder, each sub-folder holds the images of the class it is named after"
          + " (case and punctuation ignored: t-shirt_top for \"T-shirt/top\")."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Option(
      names = "--data",
      required = true,
      description = "fashion-mnist (its 10,000 test images), or a folder of class sub-folders")
  String data;

  @Option(
      names = "--fashion-mnist-dir",
      description = "Fashion-MNIST folder (default: $CNN_FASHION_MNIST_DIR or Debian's)")
  Path fashionDir;

  @Option(
      names = "--json",
      description = "Print {accuracy, perClassAccuracy, confusion, count} as JSON.")
  boolean json;

  @Option(names = "--threads", description = "worker threads (default: all cores)")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    int workers = OptionChecks.threads(spec, threads);
    DataSources.requireDataArgument(spec, data);
    Evaluation e = evaluate(model, data, fashionDir, workers);
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("accuracy", e.accuracy());
      // A class without test images has no accuracy: null, since JSON has no NaN.
      List<Double> perClass = new ArrayList<>();
      for (double accuracy : e.perClassAccuracy()) {
        perClass.add(Double.isNaN(accuracy) ? null : accuracy);
      }
      out.put("perClassAccuracy", perClass);
      out.put("confusion", e.confusion());
      out.put("count", e.count());
      System.out.println(new Gson().toJson(out));
      return 0;
    }
    System.out.print(EvaluationReport.text(e));
    return 0;
  }

  /**
   * {@code model} run on every test image of {@code data} with {@code workers} threads; shared with
   * {@code render --view confusion}.
   *
   * @throws InvalidModelException when the model cannot take images or computes non-finite values
   * @throws InvalidDatasetException when the data does not fit the model
   */
  static Evaluation evaluate(ModelOption model, String data, Path fashionDir, int workers)
      throws IOException {
    Network network = model.loadForImages();
    Dataset test = DataSources.test(data, fashionDir, network.inputShape(), network.classLabels());
    try {
      return Evaluation.of(network, test, workers);
    } catch (ArithmeticException nonFinite) {
      throw new InvalidModelException(
          TerminalText.escape(model.path()) + ": " + nonFinite.getMessage(), nonFinite);
    } catch (IllegalArgumentException misfit) {
      // The data's image shape or class count does not fit the model.
      throw new InvalidDatasetException(
          TerminalText.escape(data) + ": " + misfit.getMessage() + " (" + model.path() + ")",
          misfit);
    }
  }
}
