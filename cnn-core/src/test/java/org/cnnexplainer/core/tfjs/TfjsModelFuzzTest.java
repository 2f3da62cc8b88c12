package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the TF.js loader with mutants of the fixture models: every mutant must either
 * load (and then {@code predict} a zero input without throwing) or be refused with {@link
 * InvalidModelException}; any other exception, an error, or no answer within {@link #CASE_SECONDS}
 * is a failure. Each case has its own seed ({@code seed * 1000003 + index}), so a failure can be
 * replayed alone; failing mutants are also kept in {@code target/fuzz-failures/<index>}. {@code
 * -Dcnn.fuzz.seed=} and {@code -Dcnn.fuzz.mutants=} run other or longer campaigns.
 */
class TfjsModelFuzzTest {
  private static final long CASE_SECONDS = 10;
  private static final String[] SMALL = {"varied", "functional-chain", "grayscale-28"};

  @TempDir Path tmp;

  @Test
  void everyMutantLoadsOrIsRefusedWithInvalidModelException() throws Exception {
    long seed = Long.getLong("cnn.fuzz.seed", 20261126L);
    int mutants = Integer.getInteger("cnn.fuzz.mutants", 10_000);
    long seconds = Long.getLong("cnn.fuzz.seconds", 60); // the bound for mvn verify
    List<FuzzFixture> small = new ArrayList<>();
    for (String name : SMALL) {
      small.add(
          FuzzFixture.read(SharedFixtures.require("fixtures/tfjs/" + name), tmp.resolve(name)));
    }
    List<FuzzFixture> large =
        List.of(
            FuzzFixture.read(
                SharedFixtures.require("fixtures/tfjs/tiny-vgg-random"), tmp.resolve("tiny-vgg")),
            FuzzFixture.read(
                SharedFixtures.require("fixtures/cnn-explainer"), tmp.resolve("cnn-explainer")));

    FuzzReport report = new FuzzReport();
    ExecutorService executor = newExecutor();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    try {
      for (int i = 0; i < mutants && System.nanoTime() < deadline; i++) {
        Random rng = new Random(seed * 1_000_003L + i);
        FuzzFixture fixture =
            rng.nextInt(10) < 8
                ? small.get(rng.nextInt(small.size()))
                : large.get(rng.nextInt(large.size()));
        int kind = rng.nextInt(100);
        String kindName =
            kind < 60
                ? "structure"
                : kind < 70 ? "text" : kind < 90 ? "weights" : kind < 95 ? "quantized" : "labels";
        FuzzFixture.Mutant mutant =
            switch (kindName) {
              case "structure" -> structural(fixture, rng);
              case "text" -> new ByteMutator(rng).text(fixture);
              case "weights" -> new ByteMutator(rng).weights(fixture);
              case "quantized" -> new QuantizedMutator(rng).quantized(fixture);
              default -> new ByteMutator(rng).labels(fixture);
            };
        long caseStart = System.nanoTime();
        fixture.write(mutant);
        FuzzReport.Outcome outcome = run(executor, fixture.modelJson());
        report.time(fixture, System.nanoTime() - caseStart);
        if (outcome instanceof FuzzReport.Failed f) {
          fixture.keepCopy(Path.of("target", "fuzz-failures", String.valueOf(i)));
          if (f.thrown() == null) {
            executor.shutdownNow(); // its thread is stuck in the mutant; start afresh
            executor = newExecutor();
          }
        }
        report.add(i, kindName, fixture, mutant.description(), outcome);
      }
    } finally {
      executor.shutdownNow();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.print(report.summary(seed, millis, 40));

    assertTrue(report.failures().isEmpty(), () -> describe(report.failures()));
    assertTrue(
        report.total() >= mutants,
        "only " + report.total() + " of " + mutants + " mutants ran within " + seconds + " s");
    assertTrue(report.loaded() > 0 && report.rejected() > 0, "both outcomes must be exercised");
  }

  /** One to three structural mutations of the parsed {@code model.json}. */
  private static FuzzFixture.Mutant structural(FuzzFixture fixture, Random rng) {
    JsonElement json = fixture.model.deepCopy();
    JsonMutator mutator = new JsonMutator(rng);
    List<String> steps = new ArrayList<>();
    int count = 1 + (rng.nextInt(4) == 0 ? 1 + rng.nextInt(2) : 0);
    for (int k = 0; k < count; k++) {
      steps.add(mutator.mutate(json));
    }
    return fixture.withModel(ByteMutator.utf8(json.toString()), String.join("; ", steps));
  }

  private static FuzzReport.Outcome run(ExecutorService executor, Path modelJson)
      throws InterruptedException {
    Future<FuzzReport.Outcome> future =
        executor.submit(
            () -> {
              try {
                Network network = TfjsModel.load(modelJson);
                Tensor output = network.predict(Tensor.zeros(network.inputShape()));
                if (!output.shape().equals(network.outputShape(network.layers().size() - 1))) {
                  return new FuzzReport.Failed(null, "predict gave shape " + output.shape());
                }
                // Any float is a possible answer (flipped weight bytes may overflow); count them.
                int nan = 0;
                int infinite = 0;
                for (int k = 0; k < output.size(); k++) {
                  nan += Float.isNaN(output.at(k)) ? 1 : 0;
                  infinite += Float.isInfinite(output.at(k)) ? 1 : 0;
                }
                return new FuzzReport.Loaded(output.size(), nan, infinite);
              } catch (InvalidModelException e) {
                return new FuzzReport.Rejected(e.getMessage());
              } catch (IOException | RuntimeException | Error e) {
                return new FuzzReport.Failed(e, e.toString());
              }
            });
    try {
      return future.get(CASE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new FuzzReport.Failed(null, "no answer within " + CASE_SECONDS + " s");
    } catch (ExecutionException e) {
      return new FuzzReport.Failed(e.getCause(), e.getCause().toString());
    }
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-case");
          t.setDaemon(true);
          return t;
        });
  }

  private static String describe(List<FuzzReport.Failure> failures) {
    StringBuilder out = new StringBuilder(failures.size() + " mutants failed:\n");
    for (FuzzReport.Failure f : failures.subList(0, Math.min(10, failures.size()))) {
      out.append("case ")
          .append(f.index())
          .append(" (")
          .append(f.fixture())
          .append("; kept in target/fuzz-failures/")
          .append(f.index())
          .append("): ")
          .append(
              f.mutation().length() > 300 ? f.mutation().substring(0, 300) + "..." : f.mutation())
          .append("\n  ")
          .append(f.outcome().what())
          .append('\n');
      if (f.outcome().thrown() != null) {
        StringWriter trace = new StringWriter();
        f.outcome().thrown().printStackTrace(new PrintWriter(trace));
        trace
            .toString()
            .lines()
            .skip(1)
            .limit(6)
            .forEach(l -> out.append("  ").append(l).append('\n'));
      }
    }
    return out.toString();
  }
}
