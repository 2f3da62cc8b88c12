package org.cnnexplainer.core.tfjs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fixture model read in place (only {@code model.json} and its weight files; never the large
 * {@code expected.json}), and a work folder in a temporary directory into which mutants are
 * written. Only files that differ from what is already on disk are rewritten, so a mutant of {@code
 * model.json} alone costs one small write.
 */
final class FuzzFixture {
  /** The files of one mutant: {@code model.json} bytes and the other files by name. */
  record Mutant(byte[] modelJson, Map<String, byte[]> files, String description) {}

  final String name;
  final JsonObject model;
  final byte[] modelBytes;

  /** Weight files by their name in the folder, in manifest order. */
  final Map<String, byte[]> shards;

  private final Path dir;
  private final Map<String, byte[]> onDisk = new HashMap<>();

  private FuzzFixture(String name, byte[] modelBytes, Map<String, byte[]> shards, Path dir) {
    this.name = name;
    this.modelBytes = modelBytes;
    this.model =
        JsonParser.parseString(new String(modelBytes, StandardCharsets.UTF_8)).getAsJsonObject();
    this.shards = shards;
    this.dir = dir;
  }

  /** Reads the fixture folder {@code source} and prepares {@code work} as its mutant folder. */
  static FuzzFixture read(Path source, Path work) throws IOException {
    byte[] model = Files.readAllBytes(source.resolve("model.json"));
    JsonObject json =
        JsonParser.parseString(new String(model, StandardCharsets.UTF_8)).getAsJsonObject();
    Map<String, byte[]> shards = new LinkedHashMap<>();
    for (JsonElement group : json.getAsJsonArray("weightsManifest")) {
      for (JsonElement path : group.getAsJsonObject().getAsJsonArray("paths")) {
        String file = Path.of(path.getAsString()).normalize().toString();
        shards.put(file, Files.readAllBytes(source.resolve(file)));
      }
    }
    Files.createDirectories(work);
    return new FuzzFixture(source.getFileName().toString(), model, shards, work);
  }

  Path modelJson() {
    return dir.resolve("model.json");
  }

  Path dir() {
    return dir;
  }

  /** The unmodified fixture as a mutant, with the weight files to change. */
  Mutant original(String description) {
    return new Mutant(modelBytes, new LinkedHashMap<>(shards), description);
  }

  /** A mutant with another {@code model.json} and the original weight files. */
  Mutant withModel(byte[] json, String description) {
    return new Mutant(json, new LinkedHashMap<>(shards), description);
  }

  /** Makes the work folder hold exactly the mutant's files. */
  void write(Mutant mutant) {
    try {
      overwrite(modelJson(), mutant.modelJson());
      Set<String> names = new HashSet<>(onDisk.keySet());
      names.addAll(mutant.files().keySet());
      for (String file : names) {
        byte[] wanted = mutant.files().get(file);
        if (wanted == null) {
          Files.deleteIfExists(dir.resolve(file));
          onDisk.remove(file);
        } else if (onDisk.get(file) != wanted) {
          overwrite(dir.resolve(file), wanted);
          onDisk.put(file, wanted);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code bytes} over {@code file} and then cuts it to length: on ext4 mounted with {@code
   * discard}, opening with truncation costs about 2 ms, a hundred times more than this.
   */
  private static void overwrite(Path file, byte[] bytes) throws IOException {
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.write(bytes);
      out.setLength(bytes.length);
    }
  }

  /** Copies the work folder to {@code target} so a failing mutant can be replayed. */
  void keepCopy(Path target) throws IOException {
    Files.createDirectories(target);
    List<Path> files = new ArrayList<>();
    try (var stream = Files.list(dir)) {
      stream.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path file : files) {
      Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
