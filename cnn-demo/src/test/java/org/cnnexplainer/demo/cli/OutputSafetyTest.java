package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, part 1: no command deletes or replaces what it must not. The system's devices are never
 * named: a null device node made in a temporary folder (or a named pipe) stands for one, so a
 * regression could only replace that node.
 */
class OutputSafetyTest {
  @TempDir Path dir;
  Path model;
  Path image;

  @BeforeEach
  void files() throws IOException {
    model = CliFixtures.smallModel(dir.resolve("model"));
    image = CliFixtures.png(dir.resolve("picture.png"), 12, 10);
  }

  private CapturedRun trace(Path out) {
    return CapturedRun.of(
        Main::run, "trace", "-m", model.toString(), "-i", image.toString(), "-o", out.toString());
  }

  private CapturedRun render(Path out) {
    return CapturedRun.of(Main::run, "render", "-m", model.toString(), "-o", out.toString());
  }

  /** Exit 2 with one line that names {@code path}. */
  private static void assertRefused(CapturedRun run, Object path, String reason) {
    assertEquals(2, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.toString());
    assertTrue(run.err().contains(path.toString()), run.toString());
    assertTrue(run.err().contains(reason), run.toString());
    assertFalse(run.err().contains("Exception"), run.toString());
  }

  @Test
  void aDeviceAndALinkToOneAreRefusedAndKept() throws IOException {
    Path device = CliFixtures.nonRegularFile(dir.resolve("null"));
    assumeTrue(device != null, "mknod or mkfifo is needed to make a non-regular file");
    Path link = Files.createSymbolicLink(dir.resolve("link"), device);
    for (Path out : List.of(device, link)) {
      for (CapturedRun run : List.of(trace(out), render(out))) {
        assertRefused(run, out, "is not a regular file");
      }
    }
    assertTrue(Files.isSymbolicLink(link), "the link was not replaced by a file");
    assertEquals(device, Files.readSymbolicLink(link));
    assertTrue(Files.exists(device) && !Files.isRegularFile(device), "the device is still one");
  }

  @Test
  void aPipeAFolderTheRootAndADanglingLinkAreRefused() throws IOException {
    Path fifo = dir.resolve("fifo");
    assumeTrue(CliFixtures.fifo(fifo), "mkfifo is needed to make a named pipe");
    assertRefused(trace(fifo), fifo, "is not a regular file");
    assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
    assertRefused(trace(dir), dir, "is a folder");
    assertRefused(render(Path.of("/")), "/", "is the root folder");
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
    assertRefused(trace(dangling), dangling, "does not exist");
    Path underAFile = image.resolve("trace.json");
    assertRefused(trace(underAFile), underAFile, "is not a folder");
  }

  @Test
  void theOutputMustNotBeTheInputImage() throws IOException {
    byte[] before = Files.readAllBytes(image);
    assertRefused(
        CapturedRun.of(
            Main::run,
            "render",
            "-m",
            model.toString(),
            "-i",
            image.toString(),
            "-o",
            image.toString()),
        image,
        "is the input image");
    assertArrayEquals(before, Files.readAllBytes(image));
  }

  @Test
  void theOutputMustNotBeAFileOfTheModel() throws IOException {
    Files.writeString(model.resolve("training.json"), "{\"history\": []}");
    for (String name :
        List.of("model.json", "labels.json", "group1-shard1of1.bin", "training.json")) {
      Path file = model.resolve(name);
      byte[] before = Files.readAllBytes(file);
      assertRefused(trace(file), file, "is a file of the model");
      assertRefused(render(file), file, "is a file of the model");
      assertArrayEquals(before, Files.readAllBytes(file));
    }
    assertEquals(
        0, trace(model.resolve("trace.json")).code(), "other files in its folder are fine");
  }

  @Test
  void aLinkToARegularFileWritesThatFile() throws IOException {
    Path real = Files.writeString(dir.resolve("real.json"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
    assertEquals(0, trace(link).code());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(JsonParser.parseString(Files.readString(real)).isJsonObject());
  }

  @Test
  void newFilesFollowTheUmaskAndReplacedFilesKeepTheirMode() throws IOException {
    assumeTrue(
        Files.getFileStore(dir).supportsFileAttributeView("posix"), "needs POSIX permissions");
    // A file created the ordinary way shows what the process umask allows.
    Set<PosixFilePermission> umaskMode =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
    Path fresh = dir.resolve("fresh.json");
    assertEquals(0, trace(fresh).code());
    assertEquals(umaskMode, Files.getPosixFilePermissions(fresh), "not 0600");
    Path shared = Files.writeString(dir.resolve("shared.png"), "old");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw----"));
    assertEquals(0, render(shared).code());
    assertEquals(
        PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(shared));
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().contains(".part-")),
          "no temporary file is left");
    }
  }

  @Test
  void dashWritesToStandardOutput() throws IOException {
    CapturedRun json =
        CapturedRun.of(
            Main::run, "trace", "-m", model.toString(), "-i", image.toString(), "-o", "-");
    assertEquals(0, json.code(), json.toString());
    assertTrue(JsonParser.parseString(json.out()).getAsJsonObject().has("layers"));
    assertTrue(json.err().startsWith("Wrote 5 layer outputs to standard output"), json.err());
    CapturedRun png = CapturedRun.of(Main::run, "render", "-m", model.toString(), "-o", "-");
    assertEquals(0, png.code(), png.toString());
    assertEquals(1600, ImageIO.read(new ByteArrayInputStream(png.outBytes())).getWidth());
  }

  @Test
  void aReadOnlyFileOrFolderIsRefusedBeforeAnyWork() throws IOException {
    assumeFalse(CliFixtures.isRoot(), "root ignores file permissions");
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertRefused(trace(locked.resolve("t.json")), locked, "is not writable");
      CapturedRun train =
          CapturedRun.of(
              Main::run,
              "train",
              "--data",
              dir.toString(),
              "--out",
              locked.resolve("m").toString());
      assertRefused(train, locked.resolve("m"), "cannot be written");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
