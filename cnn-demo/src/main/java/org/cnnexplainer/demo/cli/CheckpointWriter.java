package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cnnexplainer.core.Network;

/**
 * Writes a model folder so that {@code out} only ever holds a complete checkpoint: everything goes
 * to a temporary sibling folder first, which then replaces {@code out} by renaming.
 */
public final class CheckpointWriter {
  /** Writes a model's files into a folder. */
  public interface Format {
    /** Writes {@code network}'s files into {@code directory}. */
    void write(Network network, Path directory) throws IOException;
  }

  private final Path out;
  private final Format format;

  /** A writer of the folder {@code out} in {@code format}. */
  public CheckpointWriter(Path out, Format format) {
    this.out = out.toAbsolutePath().normalize();
    this.format = format;
  }

  /** The folder written (absolute). */
  public Path out() {
    return out;
  }

  /** Replaces {@code out} by a folder holding {@code network} plus {@code extras}. */
  public void write(Network network, Extra... extras) throws IOException {
    Path parent = out.getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
    try {
      // createTempDirectory makes it private (rwx------); a model folder is ordinary data.
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder inherits its parent's access rules.
    }
    Path old = null;
    try {
      format.write(network, temp);
      for (Extra extra : extras) {
        Files.writeString(temp.resolve(extra.fileName()), extra.content());
      }
      if (Files.exists(out)) {
        old = parent.resolve("." + out.getFileName() + ".old-" + ProcessHandle.current().pid());
        deleteTree(old);
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

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
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
