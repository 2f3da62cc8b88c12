package org.cnnexplainer.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the team's read-only fixtures in {@code ../shared} beside the checkout. Tests that need
 * one call {@link #require}, which skips the test with a message naming what is missing.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** The {@code shared} folder: the {@code cnn.shared.dir} property, else {@code ../shared}. */
  public static Path root() {
    String configured = System.getProperty("cnn.shared.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("fixtures"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return Path.of("..", "shared").toAbsolutePath().normalize();
  }

  /**
   * {@code shared/<relative>}, skipping the calling test with a clear message when it is absent.
   */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(
        Files.exists(path),
        () ->
            "fixture missing: "
                + path
                + " (tests expect the team's shared/ folder beside the checkout;"
                + " set -Dcnn.shared.dir to point elsewhere)");
    return path;
  }
}
