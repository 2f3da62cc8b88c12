package org.cnnexplainer.demo.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.demo.cli.OutputFile.UnusableOutputException;

/**
 * Writes a model folder so that {@code out} only ever holds a complete checkpoint: everything goes
 * to a temporary sibling folder first, which then replaces {@code out} by renaming.
 *
 * <p>{@code out} is checked before any work starts ({@link #open}): it may be a new folder, an
 * empty one, or one that the same command wrote before (its {@code model.json}, weights, {@code
 * labels.json} and the command's record, e.g. {@code training.json}, nothing else). Anything else,
 * a file, the command's input folder ({@code --data}, {@code --model}) or the current folder is
 * refused, since replacing it would delete the user's files.
 */
final class CheckpointWriter {
  /** The training record that marks a folder as written by {@code train}. */
  static final String RECORD = "training.json";

  /** The record's {@code command} starts with this. */
  static final String RECORD_COMMAND = "cnn-explainer train";

  /** {@code train}'s folders. */
  static final Owner TRAIN = new Owner(RECORD, RECORD_COMMAND);

  /** {@code edit}'s folders: the record is the edit list that made the model. */
  static final Owner EDIT = new Owner("edits.json", "cnn-explainer edit");

  /** The files of a TF.js model folder as the writer makes them; a checkpoint adds its record. */
  private static final Pattern MODEL_FILE =
      Pattern.compile("model\\.json|labels\\.json|group\\d+-shard\\d+of\\d+\\.bin");

  /**
   * The command that writes a kind of folder: its record file, which holds JSON whose {@code
   * command} starts with {@code command}.
   */
  record Owner(String recordFile, String command) {
    /** The command's name, e.g. {@code train}. */
    String name() {
      return command.substring(command.lastIndexOf(' ') + 1);
    }
  }

  /** An input folder that {@code out} must neither be, contain nor lie inside. */
  record Guarded(Path folder, String name) {}

  /** Writes a model's files into a folder. */
  interface Format {
    void write(Network network, Path directory) throws IOException;
  }

  private final Path out;
  private final Format format;

  private CheckpointWriter(Path out, Format format) {
    this.out = out;
    this.format = format;
  }

  /**
   * Checks {@code out} (see the class comment) and that a folder can be created beside it, and
   * removes temporary folders that an interrupted earlier run left there.
   *
   * @param dataFolder the training images' folder, which {@code out} must neither be, contain, nor
   *     lie inside; null for a built-in data set
   * @throws UnusableOutputException naming the folder and the reason when it cannot be used
   */
  static CheckpointWriter open(Path out, Path dataFolder, Format format) throws IOException {
    return open(
        out,
        TRAIN,
        dataFolder == null ? null : new Guarded(dataFolder, "the --data folder"),
        "where it would become a class",
        format);
  }

  /**
   * {@link #open(Path, Path, Format)} for the folders {@code owner}'s command writes, with {@code
   * input} (or null) guarded; {@code insideWhy} ends the message refusing a folder inside it.
   */
  static CheckpointWriter open(
      Path out, Owner owner, Guarded input, String insideWhy, Format format) throws IOException {
    Path target = resolve(out);
    if (target.getFileName() == null) {
      throw refuse(out, "is the root folder");
    }
    requireNotAround(out, target, Path.of("").toAbsolutePath(), "the current folder");
    if (input != null) {
      requireNotAround(out, target, input.folder().toAbsolutePath(), input.name());
      Path guarded = realOrAbsolute(input.folder());
      if (target.startsWith(guarded)) {
        throw refuse(out, "is inside " + input.name() + ", " + insideWhy);
      }
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw refuse(out, "is a file, not a model folder; name a new folder");
      }
      String foreign = foreignContent(target, owner);
      if (foreign != null) {
        String name = owner.name();
        throw refuse(
            out,
            "holds "
                + foreign
                + ", which "
                + name
                + " did not write; name a new or empty folder, or one an earlier "
                + name
                + " run wrote");
      }
    }
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
      // Creating (and removing) a folder where checkpoints will be made is the only reliable
      // test of writability (root, read-only mounts, network file systems).
      Files.delete(Files.createDirectory(sibling(target, ".tmp-")));
    } catch (IOException e) {
      throw refuse(
          out, "cannot be written: no folder can be created in " + parent + " (" + e + ")");
    }
    removeStaleSiblings(target);
    return new CheckpointWriter(target, format);
  }

  /** The absolute path with symbolic links resolved as far as the path exists. */
  private static Path resolve(Path out) throws IOException {
    Path absolute = out.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      return absolute.toRealPath();
    }
    Path parent = absolute.getParent();
    return parent == null ? absolute : realOrAbsolute(parent).resolve(absolute.getFileName());
  }

  private static Path realOrAbsolute(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      Path parent = path.toAbsolutePath().normalize().getParent();
      Path name = path.toAbsolutePath().normalize().getFileName();
      return parent == null || name == null
          ? path.toAbsolutePath()
          : realOrAbsolute(parent).resolve(name);
    }
  }

  /** Refuses {@code target} when it is {@code precious} or a folder above it. */
  private static void requireNotAround(Path out, Path target, Path precious, String what)
      throws UnusableOutputException {
    if (realOrAbsolute(precious).startsWith(target)) {
      throw refuse(
          out,
          (realOrAbsolute(precious).equals(target) ? "is " : "contains ")
              + what
              + "; replacing it would delete it");
    }
  }

  /**
   * Null when {@code folder} is empty or a checkpoint of ours; else a description of the first
   * thing in it that is not.
   */
  private static String foreignContent(Path folder, Owner owner) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!(MODEL_FILE.matcher(name).matches() || name.equals(owner.recordFile()))
            || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          return "'" + TerminalText.escape(name) + "'";
        }
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return null;
    }
    String record = owner.recordFile();
    String name = owner.name();
    if (!names.contains("model.json") || !names.contains(record)) {
      return "a model without " + name + "'s record " + record;
    }
    return isRecord(folder.resolve(record), owner)
        ? null
        : "a " + record + " that " + name + " did not write";
  }

  /** True when {@code file} is {@code owner}'s record: JSON whose command is the owner's. */
  private static boolean isRecord(Path file, Owner owner) {
    try {
      if (Files.size(file) > 16 << 20) {
        return false;
      }
      JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      return json.isJsonObject()
          && json.getAsJsonObject().has("command")
          && json.getAsJsonObject().get("command").isJsonPrimitive()
          && json.getAsJsonObject().get("command").getAsString().startsWith(owner.command());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static UnusableOutputException refuse(Path out, String reason) {
    return new UnusableOutputException(TerminalText.escape(out) + ": " + reason);
  }

  Path out() {
    return out;
  }

  /** Replaces {@code out} by a folder holding {@code network} plus {@code extras}. */
  void write(Network network, Extra... extras) throws IOException {
    Path parent = out.getParent();
    Files.createDirectories(parent);
    // Created with the default attributes: the process umask decides who may read the model.
    Path temp = Files.createDirectory(sibling(out, ".tmp-"));
    Path old = null;
    try {
      format.write(network, temp);
      for (Extra extra : extras) {
        Files.writeString(temp.resolve(extra.fileName()), extra.content());
      }
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        old = sibling(out, ".old-");
        move(out, old);
      }
      move(temp, out);
      temp = null;
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
      if (old != null) {
        deleteTree(old);
      }
    }
  }

  /** A text file written beside the model. */
  record Extra(String fileName, String content) {}

  /**
   * {@code .NAME<kind>PID-RANDOM} beside {@code out}: hidden, and marked with this process so that
   * a later run can tell an abandoned one from one still being written.
   */
  private static Path sibling(Path out, String kind) {
    return out.resolveSibling(
        "."
            + out.getFileName()
            + kind
            + ProcessHandle.current().pid()
            + "-"
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
  }

  /**
   * Deletes the {@code .NAME.tmp-*} and {@code .NAME.old-*} folders beside {@code out} that a run
   * interrupted while writing a checkpoint left behind, unless the process that made them still
   * runs.
   */
  private static void removeStaleSiblings(Path out) throws IOException {
    String prefix = "." + out.getFileName();
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(
            out.getParent(), entry -> entry.getFileName().toString().startsWith(prefix))) {
      for (Path sibling : siblings) {
        String rest = sibling.getFileName().toString().substring(prefix.length());
        String kind =
            rest.startsWith(".tmp-") ? ".tmp-" : rest.startsWith(".old-") ? ".old-" : null;
        if (kind == null || isOwnerAlive(rest.substring(kind.length()))) {
          continue;
        }
        deleteTree(sibling);
      }
    }
  }

  /** True when the name's leading number is the id of a running process. */
  private static boolean isOwnerAlive(String pidAndRandom) {
    int end = pidAndRandom.indexOf('-');
    try {
      long pid = Long.parseLong(end < 0 ? pidAndRandom : pidAndRandom.substring(0, end));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a folder and what it holds; symbolic links are removed, never followed. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
