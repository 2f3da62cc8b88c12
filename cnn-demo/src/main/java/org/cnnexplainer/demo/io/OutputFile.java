package org.cnnexplainer.demo.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that a command or the application writes: a regular file (new, or replaced as a whole), or
 * standard output for {@code -}. Every writer goes through here, so the rules hold everywhere:
 *
 * <ul>
 *   <li>The content goes to a temporary file beside the target, which then replaces the target by
 *       renaming; a failed or interrupted run leaves the old file (or nothing) behind, never half a
 *       file. The temporary file is created with the process umask, like any other new file, and a
 *       replaced file keeps its permissions.
 *   <li>Only an absent path or a regular file is written. Folders (also {@code /}), device nodes,
 *       pipes, sockets and symbolic links to any of them are refused before any work starts: as
 *       root, renaming over {@code /dev/null} would replace the device with a file. A symbolic link
 *       to a regular file writes that file.
 *   <li>A read-only file, or a folder where no file can be created, is refused up front too, so a
 *       long computation never ends in "permission denied".
 * </ul>
 */
public final class OutputFile {
  /** The argument that means standard output. */
  public static final String STANDARD_OUTPUT = "-";

  private final Path given;
  private final Path target; // null for standard output

  private OutputFile(Path given, Path target) {
    this.given = given;
    this.target = target;
  }

  /** A file the application writes (what a file chooser returned). */
  public interface Content {
    /** Writes the whole content; the stream is closed (or, for standard output, flushed) after. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Why a path cannot be written; the message names the path. */
  public static final class UnusableOutputException extends IOException {
    private static final long serialVersionUID = 1L;

    UnusableOutputException(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code path} can be written ({@code -} is standard output).
   *
   * @throws UnusableOutputException naming the path and the reason when it cannot
   */
  public static OutputFile of(Path path) throws UnusableOutputException {
    Objects.requireNonNull(path, "path");
    if (path.toString().equals(STANDARD_OUTPUT)) {
      return new OutputFile(path, null);
    }
    Path absolute = path.toAbsolutePath();
    if (absolute.getFileName() == null) {
      throw refuse(path, "is the root folder, not a file");
    }
    if (Files.isDirectory(absolute)) {
      throw refuse(path, "is a folder; name a file inside it");
    }
    if (Files.exists(absolute)) {
      if (!Files.isRegularFile(absolute)) {
        throw refuse(
            path,
            "is not a regular file (a device, pipe or socket); name a file, or - for standard"
                + " output");
      }
      Path real;
      try {
        real = absolute.toRealPath();
      } catch (IOException e) {
        throw refuse(path, "cannot be resolved (" + e.getMessage() + ")");
      }
      if (!Files.isWritable(real)) {
        throw refuse(path, "is read-only");
      }
      requireWritableFolder(path, real.getParent());
      return new OutputFile(path, real);
    }
    if (Files.isSymbolicLink(absolute)) {
      throw refuse(path, "is a symbolic link to a file that does not exist");
    }
    Path folder = absolute.getParent();
    Path existing = folder;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw refuse(path, "cannot be created: " + existing + " is not a folder");
    }
    requireWritableFolder(path, existing);
    return new OutputFile(path, absolute);
  }

  private static void requireWritableFolder(Path path, Path folder) throws UnusableOutputException {
    if (!Files.isWritable(folder)) {
      throw refuse(path, "cannot be written: the folder " + folder + " is not writable");
    }
  }

  private static UnusableOutputException refuse(Path path, String reason) {
    return new UnusableOutputException(TerminalText.escape(path) + ": " + reason);
  }

  /**
   * Refuses to overwrite an input of the same command (an image traced into itself would be lost).
   *
   * @param what how the input is called in the message, e.g. "the input image"
   */
  public void requireNotSameFileAs(Path input, String what) throws UnusableOutputException {
    if (target == null || input == null || !Files.exists(target)) {
      return;
    }
    try {
      if (Files.isSameFile(target, input)) {
        throw refuse(given, "is " + what + "; write to another file");
      }
    } catch (UnusableOutputException e) {
      throw e;
    } catch (IOException e) {
      // The input does not exist or cannot be read: its own check reports that.
    }
  }

  /** True for {@code -}. */
  public boolean isStandardOutput() {
    return target == null;
  }

  /** The path as the user gave it (for messages). */
  public Path path() {
    return given;
  }

  /** Writes {@code content} to the file (replacing it whole) or to standard output. */
  public void write(Content content) throws IOException {
    if (target == null) {
      PrintStream stdout = System.out;
      OutputStream unclosable =
          new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              flush();
            }
          };
      content.writeTo(unclosable);
      stdout.flush();
      return;
    }
    Path folder = target.getParent();
    Files.createDirectories(folder);
    Path partial =
        folder.resolve(
            "."
                + target.getFileName()
                + ".part-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    try {
      // CREATE_NEW with default attributes: the mode is 0666 minus the umask, as for any new file.
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              1 << 16)) {
        content.writeTo(out);
      }
      keepPermissions(partial);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        // Replaced by something else while we worked: never rename over it.
        throw refuse(given, "is no longer a regular file; nothing was written");
      }
      move(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** A replaced file keeps its mode (a shared 0664 file stays 0664). */
  private void keepPermissions(Path partial) {
    PosixFileAttributeView existing =
        Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView fresh =
        Files.getFileAttributeView(partial, PosixFileAttributeView.class);
    if (existing == null || fresh == null || !Files.isRegularFile(target)) {
      return;
    }
    try {
      fresh.setPermissions(existing.readAttributes().permissions());
    } catch (IOException e) {
      // Best effort: the new file keeps the umask's mode.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return given.toString();
  }
}
