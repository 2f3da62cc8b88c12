package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --jvm-runs N}: the same benchmark in N fresh JVMs, one after another, started like
 * this one (same {@code java}, same JVM options, same class path), so that a slow mode that hits
 * whole JVM runs shows up as one run far from the others. Each run prints its JSON line; the
 * summary is each run's figure and the worst run over the best.
 */
final class JvmRuns {
  /** What N runs measured. */
  record Result(String figure, boolean higherIsBetter, List<String> runs, double[] values) {
    double best() {
      double best = values[0];
      for (double v : values) {
        best = higherIsBetter ? Math.max(best, v) : Math.min(best, v);
      }
      return best;
    }

    double worst() {
      double worst = values[0];
      for (double v : values) {
        worst = higherIsBetter ? Math.min(worst, v) : Math.max(worst, v);
      }
      return worst;
    }

    /** How many times slower the worst run was than the best (1 = all equal). */
    double worstRunOverBest() {
      return higherIsBetter ? best() / worst() : worst() / best();
    }

    double median() {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    String toJson() {
      StringBuilder json = new StringBuilder();
      json.append(
          String.format(
              Locale.ROOT, "{\"jvmRuns\": %d, \"figure\": \"%s\"", values.length, figure));
      json.append(", \"values\": [");
      for (int i = 0; i < values.length; i++) {
        json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", values[i]));
      }
      json.append(
          String.format(
              Locale.ROOT,
              "], \"medianOfRuns\": %.1f, \"best\": %.1f, \"worst\": %.1f, \"worstRunOverBest\": %.3f",
              median(),
              best(),
              worst(),
              worstRunOverBest()));
      json.append(", \"runs\": [").append(String.join(", ", runs)).append("]}");
      return json.toString();
    }

    String toText() {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        text.append(String.format(Locale.ROOT, "run %d: %s %.1f%n", i + 1, figure, values[i]));
      }
      text.append(
          String.format(
              Locale.ROOT,
              "%d JVM runs: median %.1f, best %.1f, worst %.1f, worst run / best run %.2f",
              values.length,
              median(),
              best(),
              worst(),
              worstRunOverBest()));
      return text.toString();
    }
  }

  private JvmRuns() {}

  /**
   * Runs the program with {@code benchArguments} (this command line, {@code bench} included,
   * without {@code --jvm-runs}; {@code --json} is added) in {@code runs} fresh JVMs and reads
   * {@code figure} from each one's JSON.
   *
   * @throws IOException when a run cannot start, fails (its output is in the message) or prints no
   *     such figure
   */
  static Result run(int runs, List<String> benchArguments, String figure, boolean higherIsBetter)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(org.cnnexplainer.demo.Main.class.getName());
    command.addAll(benchArguments);
    if (!benchArguments.contains("--json")) {
      command.add("--json");
    }
    List<String> lines = new ArrayList<>();
    double[] values = new double[runs];
    Pattern value = Pattern.compile("\"" + Pattern.quote(figure) + "\":\\s*([-0-9.eE]+)");
    for (int i = 0; i < runs; i++) {
      String output = runOnce(command);
      String json = lastJsonLine(output);
      Matcher m = json == null ? null : value.matcher(json);
      if (m == null || !m.find()) {
        throw new IOException(
            "JVM run " + (i + 1) + " printed no " + figure + ":\n" + output.strip());
      }
      values[i] = Double.parseDouble(m.group(1));
      lines.add(json);
    }
    return new Result(figure, higherIsBetter, lines, values);
  }

  private static String runOnce(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IOException("a JVM run exited with " + exit + ":\n" + output.strip());
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a JVM run", e);
    }
    return output;
  }

  private static String lastJsonLine(String output) {
    String found = null;
    for (String line : output.split("\\R")) {
      if (line.startsWith("{")) {
        found = line.strip();
      }
    }
    return found;
  }

  /** {@code arguments} without {@code --jvm-runs N} or {@code --jvm-runs=N}. */
  static List<String> withoutJvmRuns(List<String> arguments) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      String a = arguments.get(i);
      if (a.equals("--jvm-runs")) {
        i++;
      } else if (!a.startsWith("--jvm-runs=")) {
        kept.add(a);
      }
    }
    return kept;
  }
}
