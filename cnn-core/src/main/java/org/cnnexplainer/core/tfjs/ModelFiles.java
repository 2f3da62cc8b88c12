package org.cnnexplainer.core.tfjs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The files of one model folder: {@code model.json} plus the files it names, read either from the
 * file system or through a URL (e.g. inside a jar). Relative names are checked so that no file
 * outside the model folder can be reached.
 */
abstract class ModelFiles {
  /** How {@code model.json} is named in messages (its path or URL). */
  abstract String modelName();

  /** The folder name or last URL segment before {@code model.json}, a fallback network name. */
  abstract String folderName();

  /**
   * Opens {@code relative} (already checked by {@link #checkRelative}).
   *
   * @throws FileNotFoundException or {@link NoSuchFileException} when it does not exist
   */
  abstract InputStream open(String relative) throws IOException;

  /** Opens {@code model.json} itself. */
  abstract InputStream openModel() throws IOException;

  /** Reads {@code model.json}, failing when it holds more than {@code maxBytes}. */
  byte[] readModel(long maxBytes) throws IOException {
    try (InputStream in = openModel()) {
      byte[] data = in.readNBytes((int) maxBytes + 1);
      if (data.length > maxBytes) {
        throw new InvalidModelException(
            modelName() + ": larger than the limit of " + maxBytes + " bytes for model.json");
      }
      return data;
    }
  }

  static ModelFiles of(Path modelJson) {
    return new FromPath(modelJson.toAbsolutePath().normalize());
  }

  static ModelFiles of(URL modelJson) {
    return new FromUrl(modelJson);
  }

  /**
   * Rejects names that could leave the model folder: absolute paths, drive letters or URL schemes,
   * {@code ..} segments, backslashes, and URL escapes, queries or fragments.
   */
  void checkRelative(String relative, String what) throws InvalidModelException {
    String problem = null;
    if (relative.isEmpty()) {
      problem = "it is empty";
    } else if (relative.startsWith("/")) {
      problem = "it is absolute";
    } else if (relative.contains(":")) {
      problem = "it names a URL scheme or drive";
    } else if (relative.contains("\\") || relative.indexOf('\0') >= 0) {
      problem = "it contains a backslash or NUL";
    } else if (relative.contains("%") || relative.contains("?") || relative.contains("#")) {
      problem = "it contains URL escapes, a query or a fragment";
    } else {
      for (String segment : relative.split("/", -1)) {
        if (segment.equals("..")) {
          problem = "it goes up with '..'";
        }
      }
    }
    if (problem != null) {
      throw new InvalidModelException(
          modelName()
              + ": "
              + what
              + " '"
              + relative
              + "' is not a plain path inside the model folder ("
              + problem
              + "); weight files must sit beside model.json");
    }
  }

  /** Reads all of {@code relative}, failing when it holds more than {@code maxBytes}. */
  byte[] readAll(String relative, long maxBytes, String what) throws IOException {
    byte[] data = readUpTo(relative, maxBytes + 1);
    if (data.length > maxBytes) {
      throw new InvalidModelException(
          describe(relative) + ": " + what + " is larger than the limit of " + maxBytes + " bytes");
    }
    return data;
  }

  /** The first {@code maxBytes} bytes of {@code relative} (all of it when shorter). */
  byte[] readUpTo(String relative, long maxBytes) throws IOException {
    try (InputStream in = open(relative)) {
      return in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
    }
  }

  /** How {@code relative} is named in messages. */
  abstract String describe(String relative);

  static boolean isMissing(IOException e) {
    return e instanceof FileNotFoundException || e instanceof NoSuchFileException;
  }

  private static final class FromPath extends ModelFiles {
    private final Path modelJson;
    private final Path folder;

    FromPath(Path modelJson) {
      this.modelJson = modelJson;
      Path parent = modelJson.getParent();
      this.folder = parent != null ? parent : modelJson.getRoot();
    }

    @Override
    String modelName() {
      return modelJson.toString();
    }

    @Override
    InputStream openModel() throws IOException {
      if (!Files.isRegularFile(modelJson)) {
        throw new InvalidModelException(
            modelJson + ": no such file (expected the model.json of a TF.js layers model)");
      }
      return Files.newInputStream(modelJson);
    }

    @Override
    String folderName() {
      Path name = folder.getFileName();
      return name != null ? name.toString() : "model";
    }

    @Override
    String describe(String relative) {
      return folder.resolve(relative).normalize().toString();
    }

    @Override
    InputStream open(String relative) throws IOException {
      Path file = folder.resolve(relative).normalize();
      if (!file.startsWith(folder)) {
        throw new InvalidModelException(modelName() + ": '" + relative + "' is outside " + folder);
      }
      try {
        if (Files.exists(file)) {
          // A symbolic link may point anywhere; only files really inside the folder are read.
          Path realFolder = folder.toRealPath();
          Path realFile = file.toRealPath();
          if (!realFile.startsWith(realFolder)) {
            throw new InvalidModelException(
                modelName()
                    + ": '"
                    + relative
                    + "' resolves to "
                    + realFile
                    + ", outside the model folder "
                    + realFolder
                    + " (symbolic links out of the folder are refused)");
          }
          if (!Files.isRegularFile(realFile)) {
            throw new InvalidModelException(
                modelName() + ": '" + relative + "' is not a regular file (" + realFile + ")");
          }
        }
        return Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw e;
      } catch (FileSystemException e) {
        // The name itself is unusable (too long, a symbolic link loop, not a directory on the way)
        throw new InvalidModelException(
            modelName() + ": cannot open '" + relative + "' (" + e.getReason() + ")", e);
      }
    }
  }

  private static final class FromUrl extends ModelFiles {
    private final URL modelJson;

    FromUrl(URL modelJson) {
      this.modelJson = modelJson;
    }

    @Override
    String modelName() {
      return modelJson.toString();
    }

    @Override
    InputStream openModel() throws IOException {
      return modelJson.openStream();
    }

    @Override
    String folderName() {
      String path = modelJson.getPath();
      int end = path.lastIndexOf('/');
      int start = end > 0 ? path.lastIndexOf('/', end - 1) + 1 : 0;
      String name = end > start ? path.substring(start, end) : "model";
      return name.toLowerCase(Locale.ROOT).endsWith(".jar!") ? "model" : name;
    }

    @Override
    String describe(String relative) {
      return modelJson + " -> " + relative;
    }

    @Override
    InputStream open(String relative) throws IOException {
      URL url;
      try {
        url = new URL(modelJson, relative);
      } catch (MalformedURLException e) {
        throw new InvalidModelException(modelName() + ": cannot resolve '" + relative + "'", e);
      }
      return url.openStream();
    }
  }
}
