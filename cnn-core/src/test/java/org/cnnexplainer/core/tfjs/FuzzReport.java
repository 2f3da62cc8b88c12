package org.cnnexplainer.core.tfjs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies fuzzing outcomes: loaded, rejected (with messages grouped by their pattern once paths,
 * quoted names, JSON values and numbers are blanked out), and failures (anything else).
 */
final class FuzzReport {
  /** What happened to one mutant. */
  sealed interface Outcome {}

  /**
   * Loaded, and {@code predict} on a zero input gave {@code nan} NaN and {@code infinite} values.
   */
  record Loaded(int outputs, int nan, int infinite) implements Outcome {}

  /** Refused with {@link InvalidModelException}. */
  record Rejected(String message) implements Outcome {}

  /** Any other exception or error, or no answer before the deadline ({@code thrown} null). */
  record Failed(Throwable thrown, String what) implements Outcome {}

  /** A failure with the case that caused it. */
  record Failure(int index, String fixture, String mutation, Failed outcome) {}

  private final Map<String, int[]> byKind = new TreeMap<>();
  private final Map<String, long[]> byFixture = new TreeMap<>();
  private final Map<String, Integer> groups = new HashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private int loaded;
  private int loadedNan;
  private int loadedInfinite;
  private int rejected;

  void add(int index, String kind, FuzzFixture fixture, String mutation, Outcome outcome) {
    int[] counts = byKind.computeIfAbsent(kind, k -> new int[3]);
    if (outcome instanceof Loaded l) {
      loaded++;
      counts[0]++;
      loadedNan += l.nan() > 0 ? 1 : 0;
      loadedInfinite += l.infinite() > 0 ? 1 : 0;
    } else if (outcome instanceof Rejected r) {
      rejected++;
      counts[1]++;
      groups.merge(pattern(r.message(), fixture), 1, Integer::sum);
    } else {
      counts[2]++;
      failures.add(new Failure(index, fixture.name, mutation, (Failed) outcome));
    }
  }

  /** Adds the time one case of {@code fixture} took (writing, loading, predicting). */
  void time(FuzzFixture fixture, long nanos) {
    long[] t = byFixture.computeIfAbsent(fixture.name, k -> new long[2]);
    t[0]++;
    t[1] += nanos;
  }

  int total() {
    return loaded + rejected + failures.size();
  }

  int loaded() {
    return loaded;
  }

  int rejected() {
    return rejected;
  }

  List<Failure> failures() {
    return failures;
  }

  /** A rejection message with the case-specific parts blanked, so like messages group together. */
  static String pattern(String message, FuzzFixture fixture) {
    String s = message.replace(fixture.dir().toString(), "<dir>");
    s = s.replaceAll("'[^'\\n]*'", "'*'");
    s = s.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"*\"");
    s = s.replaceAll("(?<![A-Za-z0-9.])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?![A-Za-z])", "#");
    s = s.replaceAll("\\[[#, .]*\\]", "[#]");
    s = s.replaceAll("found .*", "found ...");
    s = s.replaceAll("\\s+", " ");
    return s.length() > 140 ? s.substring(0, 137) + "..." : s;
  }

  /** The summary table printed by the test. */
  String summary(long seed, long millis, int groupsShown) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "TF.js model fuzzing: seed %d, %d mutants in %.1f s: %d loaded (outputs with NaN: %d,"
                + " with infinities: %d), %d rejected, %d failures%n",
            seed,
            total(),
            millis / 1000.0,
            loaded,
            loadedNan,
            loadedInfinite,
            rejected,
            failures.size()));
    out.append(
        String.format(Locale.ROOT, "%-10s %8s %8s %8s%n", "kind", "loaded", "rejected", "fail"));
    byKind.forEach(
        (kind, c) ->
            out.append(String.format(Locale.ROOT, "%-10s %8d %8d %8d%n", kind, c[0], c[1], c[2])));
    byFixture.forEach(
        (name, t) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "%-18s %6d cases, %.2f ms each%n",
                    name,
                    t[0],
                    t[1] / 1e6 / Math.max(1, t[0]))));
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    out.append(
        String.format(
            Locale.ROOT,
            "rejection messages, %d patterns (<dir> is the mutant's folder):%n",
            sorted.size()));
    int shown = 0;
    int restCases = 0;
    for (Map.Entry<String, Integer> e : sorted) {
      if (shown++ < groupsShown) {
        out.append(String.format(Locale.ROOT, "%7d  %s%n", e.getValue(), e.getKey()));
      } else {
        restCases += e.getValue();
      }
    }
    if (sorted.size() > groupsShown) {
      out.append(
          String.format(
              Locale.ROOT, "%7d  (%d rarer patterns)%n", restCases, sorted.size() - groupsShown));
    }
    return out.toString();
  }
}
