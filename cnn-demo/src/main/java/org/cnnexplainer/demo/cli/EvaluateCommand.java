package org.cnnexplainer.demo.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: accuracy, per-class accuracy and confusion matrix of a model on test data. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Runs a model on every test image and reports how often it is right.")
public final class EvaluateCommand implements Callable<Integer> {
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
    Network network = model.load();
    Dataset test = DataSources.test(data, fashionDir, network.inputShape());
    Evaluation e =
        Evaluation.of(
            network, test, threads != null ? threads : Runtime.getRuntime().availableProcessors());
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("accuracy", e.accuracy());
      out.put("perClassAccuracy", e.perClassAccuracy());
      out.put("confusion", e.confusion());
      out.put("count", e.count());
      System.out.println(
          new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(out));
      return 0;
    }
    System.out.print(EvaluationReport.text(e));
    return 0;
  }
}
