package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cnnexplainer.demo.Main;
import org.junit.jupiter.api.Test;

/** Without a display, starting the application prints one line naming the commands and exits 2. */
class HeadlessStartTest {
  @Test
  void noArgumentsWithoutDisplayPointsToTheCommandLine() {
    assumeTrue(GraphicsEnvironment.isHeadless(), "needs java.awt.headless=true (surefire sets it)");
    for (String[] args : new String[][] {{}, {"app"}, {"gui"}}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream old = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = Main.run(args);
      } finally {
        System.setErr(old);
      }
      String printed = err.toString(StandardCharsets.UTF_8);
      assertEquals(2, code, "exit code for " + String.join(" ", args));
      assertEquals(1, printed.lines().count(), printed);
      assertTrue(printed.contains("predict") && printed.contains("--help"), printed);
    }
  }
}
