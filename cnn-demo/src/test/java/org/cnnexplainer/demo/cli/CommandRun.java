package org.cnnexplainer.demo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cnnexplainer.demo.Main;

/** One in-process run of the command line, with what it printed. */
public record CommandRun(int code, byte[] outBytes, String err) {
  /** Runs {@code args} through {@link Main#run}, capturing standard output and error. */
  public static CommandRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new CommandRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Standard output as text. */
  public String out() {
    return new String(outBytes, StandardCharsets.UTF_8);
  }

  /** The number of lines on standard error. */
  public long errLines() {
    return err.lines().count();
  }

  @Override
  public String toString() {
    return "exit " + code + "\nstdout: " + out() + "\nstderr: " + err;
  }
}
