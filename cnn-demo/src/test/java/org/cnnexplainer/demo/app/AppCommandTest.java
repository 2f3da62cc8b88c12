package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code app --lab}: its value is checked before any window opens (the tests run headless, where a
 * valid command line ends with the one-line "no display" message).
 */
class AppCommandTest {
  @TempDir Path dir;

  @Test
  void aLabFolderThatIsNotOneIsAUsageErrorOnOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    for (String bad : new String[] {dir.resolve("missing").toString(), file.toString(), "a\nb"}) {
      CapturedRun run = CapturedRun.of(Main::run, "app", "--lab", bad);
      assertEquals(2, run.code(), run.toString());
      assertEquals(1, run.errLines(), run.toString());
      assertTrue(run.err().contains("is not a folder; give fashion-mnist or a folder"), run.err());
    }
  }

  @Test
  void fashionMnistAFolderOrNoValueGetAsFarAsTheDisplay() {
    assumeTrue(GraphicsEnvironment.isHeadless(), "needs java.awt.headless=true (surefire sets it)");
    for (String[] args :
        new String[][] {
          {"app", "--lab", "fashion-mnist"},
          {"app", "--lab", "Fashion-MNIST"},
          {"app", "--lab", dir.toString()},
          {"app", "--lab"}
        }) {
      CapturedRun run = CapturedRun.of(Main::run, args);
      assertEquals(2, run.code(), run.toString());
      assertEquals(ExplainerApp.NO_DISPLAY, run.err().strip(), run.toString());
    }
  }
}
