package org.cnnexplainer.demo.app;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts the end-to-end checks and prints the closing line {@code E2E: N passed, M failed} (or with
 * another prefix, for the soak).
 */
public class EndToEndTally implements TestWatcher, AfterAllCallback {
  private final String prefix;
  private int passed;
  private int failed;
  private int skipped;
  private String skipReason = "";

  public EndToEndTally() {
    this("E2E");
  }

  protected EndToEndTally(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    passed++;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    failed++;
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    skipped++;
    skipReason = cause.getMessage();
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    skipped++;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // A failure outside a test (starting Xvfb or the jar) counts as a failed check.
    context
        .getExecutionException()
        .ifPresent(
            e -> {
              if (e instanceof org.opentest4j.TestAbortedException) {
                skipReason = e.getMessage();
              } else {
                failed++;
              }
            });
    String tail = skipped > 0 || passed + failed == 0 ? " (skipped: " + skipReason + ")" : "";
    System.out.println(prefix + ": " + passed + " passed, " + failed + " failed" + tail);
  }
}
