package org.cnnexplainer.demo.io;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.demo.io.OutputFile.UnusableOutputException;

/**
 * Writes a model folder so that {@code out} only ever holds a complete checkpoint: everything goes
 * to a temporary sibling folder first, which then replaces {@code out} by renaming.
 *
 * <p>{@code out} is checked before any work starts ({@link #open}): it may be a new folder, an
 * empty one, or one that the same kind of writer wrote before (its {@code model.json}, weights,
 * {@code labels.json}, its record — {@code training.json} for {@code train} and the Learning Lab,
 * {@code edits.json} for {@code edit} — and the files a training record lists as written with it,
 * nothing else). Anything else, a file, the writer's input folder ({@code --data}, {@code --model})
 * or the current folder is refused, since replacing it would delete the user's files. {@code train
 * --out}, {@code edit --out} and the Lab's "Save model" all go through here.
 */
public final class CheckpointWriter {
  /** The files of a TF.js model folder as the writer makes them; a checkpoint adds its record. */
  private static final Pattern MODEL_FILE =
      Pattern.compile("model\\.json|labels\\.json|group\\d+-shard\\d+of\\d+\\.bin");

  /** The record's {@code command} for {@code edit}'s folders starts with this. */
  public static final String EDIT_COMMAND = "cnn-explainer edit";

  /**
   * Who writes: how the refusals name it, its input folder, and the record that marks its folders.
   */
  public enum Caller {
    /** The {@code train} command. */
    TRAIN(
        "train",
        "train run",
        "the --data folder",
        "where it would become a class",
        TrainingRecord.FILE),
    /** The Learning Lab's "Save model". */
    LAB(
        "the Learning Lab",
        "save",
        "the image folder being trained on",
        "where it would become a class",
        TrainingRecord.FILE),
    /** The {@code edit} command: its record is the edit list that made the model. */
    EDIT("edit", "edit run", "the --model folder", "which holds the original model", "edits.json");

    private final String name;
    private final String earlier;
    private final String inputFolder;
    private final String insideWhy;
    private final String recordFile;

    Caller(String name, String earlier, String inputFolder, String insideWhy, String recordFile) {
      this.name = name;
      this.earlier = earlier;
      this.inputFolder = inputFolder;
      this.insideWhy = insideWhy;
      this.recordFile = recordFile;
    }
  }

  /** Writes a model's files into a folder. */
  public interface Format {
    /** Writes {@code network}'s files into {@code directory}. */
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
   * @param inputFolder the folder the caller reads (training images, the model being edited), which
   *     {@code out} must neither be, contain, nor lie inside; null for a built-in data set
   * @param caller who writes, for the messages
   * @throws UnusableOutputException naming the folder and the reason when it cannot be used
   */
  public static CheckpointWriter open(Path out, Path inputFolder, Caller caller, Format format)
      throws IOException {
    Path target = resolve(out);
    if (target.getFileName() == null) {
      throw refuse(out, "is the root folder");
    }
    requireNotAround(out, target, Path.of("").toAbsolutePath(), "the current folder");
    if (inputFolder != null) {
      requireNotAround(out, target, inputFolder.toAbsolutePath(), caller.inputFolder);
      if (target.startsWith(realOrAbsolute(inputFolder))) {
        throw refuse(out, "is inside " + caller.inputFolder + ", " + caller.insideWhy);
      }
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw refuse(out, "is a file, not a model folder; name a new folder");
      }
      String foreign = foreignContent(target, caller);
      if (foreign != null) {
        throw refuse(
            out,
            "holds "
                + foreign
                + ", which "
                + caller.name
                + " did not write; name a new or empty folder, or one an earlier "
                + caller.earlier
                + " wrote");
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
   * thing in it that is not. Files other than a checkpoint's own are ours only when our record in
   * the folder lists them (the Lab's model card and example images).
   */
  private static String foreignContent(Path folder, Caller caller) throws IOException {
    List<String> names = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        boolean file = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
        if (file && (MODEL_FILE.matcher(name).matches() || name.equals(caller.recordFile))) {
          names.add(name);
        } else if (file || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          others.add(entry);
        } else {
          return quoted(name);
        }
      }
    }
    if (names.isEmpty() && others.isEmpty()) {
      return null;
    }
    String recordFile = caller.recordFile;
    Optional<List<String>> record =
        names.contains(recordFile) ? ourRecord(folder, caller) : Optional.empty();
    Set<String> listed = new HashSet<>(record.orElse(List.of()));
    for (Path other : others) {
      String foreign = unlisted(folder, other, listed);
      if (foreign != null) {
        return quoted(foreign);
      }
    }
    if (!names.contains("model.json") || !names.contains(recordFile)) {
      return "a model without " + caller.name + "'s record " + recordFile;
    }
    return record.isPresent()
        ? null
        : "a " + recordFile + " that " + caller.name + " did not write";
  }

  /**
   * The files the folder's record lists as written with it, when the record is one that {@code
   * caller}'s kind of writer wrote (an edit's record lists none); empty when it is not.
   */
  private static Optional<List<String>> ourRecord(Path folder, Caller caller) {
    try {
      if (caller != Caller.EDIT) {
        return TrainingRecord.read(folder)
            .filter(TrainingRecord::isOurs)
            .map(TrainingRecord::files);
      }
      Path file = folder.resolve(caller.recordFile);
      if (Files.size(file) > 16 << 20) {
        return Optional.empty();
      }
      JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      boolean ours =
          json.isJsonObject()
              && json.getAsJsonObject().has("command")
              && json.getAsJsonObject().get("command").isJsonPrimitive()
              && json.getAsJsonObject().get("command").getAsString().startsWith(EDIT_COMMAND);
      return ours ? Optional.of(List.of()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Null when {@code entry} is a file the record lists, or a folder holding only such files (at
   * least one); else the first path (relative to {@code folder}) that is not.
   */
  private static String unlisted(Path folder, Path entry, Set<String> listed) throws IOException {
    boolean any = false;
    try (Stream<Path> walk = Files.walk(entry)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String name = TrainingRecord.relativeName(folder, p);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !listed.contains(name)) {
          return name;
        }
        any = true;
      }
    }
    return any ? null : TrainingRecord.relativeName(folder, entry);
  }

  private static String quoted(String name) {
    return "'" + TerminalText.escape(name) + "'";
  }

  private static UnusableOutputException refuse(Path out, String reason) {
    return new UnusableOutputException(TerminalText.escape(out) + ": " + reason);
  }

  /** The folder written (absolute, links resolved). */
  public Path out() {
    return out;
  }

  /** Replaces {@code out} by a folder holding {@code network} plus {@code extras}. */
  public void write(Network network, Extra... extras) throws IOException {
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
  public record Extra(String fileName, String content) {}

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
