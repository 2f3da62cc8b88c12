package org.cnnexplainer.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of a program's entry point with standard output and error captured: the
 * command line's {@code Main.run}, or a sample's {@code main}.
 *
 * @param code the exit code the program returned (0 for a {@code main} that returned)
 * @param outBytes what it printed to standard output
 * @param err what it printed to standard error
 */
public record CapturedRun(int code, byte[] outBytes, String err) {
  /** An entry point: takes the arguments, returns an exit code. */
  @FunctionalInterface
  public interface Program {
    /**
     * Runs the program.
     *
     * @param args the command-line arguments
     * @return the exit code
     * @throws Exception whatever the program throws
     */
    int run(String[] args) throws Exception;
  }

  /**
   * Runs {@code program} with {@code args}, capturing standard output and error, and restores both
   * afterwards. Not for tests that run in parallel (the streams are the JVM's).
   *
   * @param program the entry point
   * @param args its arguments
   * @return the exit code and what it printed
   * @throws IllegalStateException wrapping a checked exception the program threw
   */
  public static CapturedRun of(Program program, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = program.run(args);
      return new CapturedRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the program threw " + e, e);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /**
   * Standard output as text.
   *
   * @return the output, decoded as UTF-8
   */
  public String out() {
    return new String(outBytes, StandardCharsets.UTF_8);
  }

  /**
   * The number of lines on standard error.
   *
   * @return the line count
   */
  public long errLines() {
    return err.lines().count();
  }

  @Override
  public String toString() {
    return "exit " + code + "\nstdout: " + out() + "\nstderr: " + err;
  }
}
