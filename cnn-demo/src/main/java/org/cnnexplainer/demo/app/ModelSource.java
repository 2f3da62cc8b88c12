package org.cnnexplainer.demo.app;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.cnnexplainer.models.BundledModels;

/**
 * Where a model comes from: a model bundled inside the jar (one of {@link BundledModels}) or a
 * {@code model.json} on disk. Its {@link #key()} is what the preferences store.
 *
 * @param name what the menus show
 * @param modelJson the {@code model.json} to load
 * @param file the file on disk, or {@code null} for a bundled model
 */
record ModelSource(String name, URL modelJson, Path file) {
  private static final String BUNDLED_PREFIX = "bundled:";

  ModelSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(modelJson, "modelJson");
  }

  /** The bundled model {@code name}, if the jar holds it. */
  static Optional<ModelSource> bundled(String name) {
    return BundledModels.names().contains(name)
        ? Optional.of(new ModelSource(name, BundledModels.modelJson(name), null))
        : Optional.empty();
  }

  /** A model on disk: its {@code model.json}, or the folder holding it. */
  static ModelSource file(Path path) throws IOException {
    Path json = Files.isDirectory(path) ? path.resolve("model.json") : path;
    json = json.toAbsolutePath().normalize();
    Path folder = json.getParent();
    String name =
        folder == null || folder.getFileName() == null
            ? json.toString()
            : folder.getFileName().toString();
    try {
      return new ModelSource(name, json.toUri().toURL(), json);
    } catch (MalformedURLException e) {
      throw new IOException("cannot turn " + json + " into a URL: " + e.getMessage(), e);
    }
  }

  /** The source a {@link #key()} names, if it still exists. */
  static Optional<ModelSource> fromKey(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    if (key.startsWith(BUNDLED_PREFIX)) {
      return bundled(key.substring(BUNDLED_PREFIX.length()));
    }
    Path path = Path.of(key);
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(file(path));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the model is inside the jar. */
  boolean isBundled() {
    return file == null;
  }

  /** A string that {@link #fromKey} turns back into this source. */
  String key() {
    return isBundled() ? BUNDLED_PREFIX + name : file.toString();
  }

  /** The text of a menu item: the name, and the folder for models on disk. */
  String label() {
    return isBundled() ? name + " (bundled)" : name + " — " + file.getParent();
  }
}
