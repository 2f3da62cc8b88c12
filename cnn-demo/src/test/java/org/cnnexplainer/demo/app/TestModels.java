package org.cnnexplainer.demo.app;

import java.io.IOException;
import java.nio.file.Path;

/** Seeded test models for tests outside this package. */
public final class TestModels {
  private TestModels() {}

  /** Saves a seeded Tiny-VGG-shaped model (no examples) to {@code dir}; returns its model.json. */
  public static Path saveSeeded(Path dir, long seed) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    return SeededModel.save(dir, seed, 0);
  }

  /** Writes a seeded 28x28 test image. */
  public static Path writeImage(Path file, long seed) throws IOException {
    return SeededModel.writeImage(file, seed);
  }
}
