package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's safety net works: an exception thrown on the event thread is recorded (so the soak
 * fails), and commands are answered.
 */
class TestHooksTest {
  @Test
  void exceptionOnTheEventThreadIsRecordedAndCommandsAreAnswered(@TempDir Path dir)
      throws Exception {
    TestHooks hooks = new TestHooks(dir, null);
    EventQueue.invokeAndWait(hooks::install);
    try {
      EventQueue.invokeLater(
          () -> {
            throw new IllegalStateException("thrown on purpose by TestHooksTest");
          });
      Files.writeString(dir.resolve("command.txt"), "7 heap");
      Path exceptions = dir.resolve("exceptions.txt");
      Path reply = dir.resolve("reply.txt");
      long deadline = System.currentTimeMillis() + 10_000;
      while ((!Files.exists(exceptions) || !Files.exists(reply))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      String recorded = Files.readString(exceptions);
      assertTrue(
          recorded.contains("IllegalStateException: thrown on purpose by TestHooksTest"), recorded);
      assertEquals(1, recorded.split("uncaught in ", -1).length - 1, "recorded once: " + recorded);
      String[] answer = Files.readString(reply).split(" ");
      assertEquals("7", answer[0]);
      assertTrue(Long.parseLong(answer[1]) > 0, "used heap in bytes: " + answer[1]);
    } finally {
      EventQueue.invokeAndWait(hooks::uninstall);
    }
  }
}
