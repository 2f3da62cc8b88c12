package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The test side of the application's {@link TestHooks} folder: commands, replies, exceptions. */
final class HookClient {
  private static final long TIMEOUT_MS = 30_000;
  private final Path dir;
  private final AppHarness harness;
  private int next;

  HookClient(Path dir, AppHarness harness) {
    this.dir = dir;
    this.harness = harness;
  }

  /** The JVM option that turns the hooks on for {@code dir}. */
  static String option(Path dir) {
    return "-D" + TestHooks.PROPERTY + "=" + dir;
  }

  /** Sends {@code command} and returns the application's answer (failing on an error answer). */
  String send(String command) throws Exception {
    String id = Integer.toString(++next);
    Path partial = dir.resolve("command.txt.part");
    Files.writeString(partial, id + " " + command, StandardCharsets.UTF_8);
    Files.move(partial, dir.resolve("command.txt"), StandardCopyOption.ATOMIC_MOVE);
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      try {
        String reply = Files.readString(dir.resolve("reply.txt"), StandardCharsets.UTF_8);
        if (reply.startsWith(id + " ")) {
          String answer = reply.substring(id.length() + 1);
          if (answer.startsWith("error")) {
            fail("test hook " + command + ": " + answer);
          }
          return answer;
        }
      } catch (NoSuchFileException e) {
        // not answered yet
      }
      harness.requireAlive();
      Thread.sleep(2);
    }
    return fail("the application did not answer " + command + " in time\n" + harness.appLog());
  }

  /** Every uncaught exception the application recorded, or an empty string. */
  String exceptions() throws IOException {
    Path file = dir.resolve("exceptions.txt");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
