package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cnnexplainer.core.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  private static final List<String> LABELS = List.of("a", "b", "c");
  @TempDir Path dir;

  static byte[] images(int magic, int count, int rows, int cols, int pixelBytes)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(count);
    out.writeInt(rows);
    out.writeInt(cols);
    for (int i = 0; i < pixelBytes; i++) {
      out.writeByte(i * 7);
    }
    return bytes.toByteArray();
  }

  static byte[] labels(int magic, int... values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(values.length);
    for (int v : values) {
      out.writeByte(v);
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content, boolean gzip) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  @Test
  void readsRawAndGzipFilesAlike() throws IOException {
    byte[] img = images(0x803, 2, 3, 4, 24);
    byte[] lab = labels(0x801, 2, 0);
    Dataset raw = IdxReader.read(write("i", img, false), write("l", lab, false), LABELS);
    Dataset gz = IdxReader.read(write("i.gz", img, true), write("l.gz", lab, true), LABELS);
    for (Dataset d : List.of(raw, gz)) {
      assertEquals(2, d.size());
      assertEquals(Shape.image(1, 3, 4), d.imageShape());
      assertEquals(2, d.label(0));
      assertEquals(0, d.label(1));
      // Pixel 5 of image 1 is byte (12 + 5) * 7 = 119, shown as 119 / 255.
      assertEquals(119 / 255f, d.image(1).at(5), 1e-6f);
      assertEquals(List.of(1, 0, 1), d.classCounts());
    }
  }

  @Test
  void namesTheFileOnEveryKindOfDamage() throws IOException {
    Path goodImages = write("good-i", images(0x803, 2, 3, 4, 24), false);
    Path goodLabels = write("good-l", labels(0x801, 1, 2), false);
    assertMessage(
        () -> IdxReader.read(dir.resolve("missing"), goodLabels, LABELS), "missing", "not exist");
    assertMessage(
        () -> IdxReader.read(write("trunc", images(0x803, 2, 3, 4, 20), false), goodLabels, LABELS),
        "trunc",
        "truncated");
    assertMessage(
        () ->
            IdxReader.read(
                write("trunc.gz", Arrays.copyOf(images(0x803, 2, 3, 4, 24), 30), true),
                goodLabels,
                LABELS),
        "trunc.gz",
        "truncated");
    assertMessage(
        () -> IdxReader.read(write("magic", images(0x801, 2, 3, 4, 24), false), goodLabels, LABELS),
        "magic",
        "magic number 0x00000801, expected 0x00000803");
    assertMessage(
        () -> IdxReader.read(goodImages, write("wrong-labels", labels(0x803, 1, 2), false), LABELS),
        "wrong-labels",
        "magic number");
    assertMessage(
        () -> IdxReader.read(goodImages, write("three", labels(0x801, 1, 2, 0), false), LABELS),
        "three",
        "3 labels but");
    assertMessage(
        () -> IdxReader.read(goodImages, write("big", labels(0x801, 1, 7), false), LABELS),
        "big",
        "label 1 is 7");
    assertMessage(
        () -> IdxReader.read(write("short", new byte[] {0, 0}, false), goodLabels, LABELS),
        "short",
        "truncated");
  }

  @Test
  void headersAskingForMoreThanTheFileHoldsCostNothing() throws IOException {
    Path goodLabels = write("good-l", labels(0x801, 1, 2), false);
    // The product of the three dimensions overflows a long unless checked step by step.
    assertMessage(
        () ->
            IdxReader.read(
                write("overflow", images(0x803, Integer.MAX_VALUE, Integer.MAX_VALUE, 4, 0), false),
                goodLabels,
                LABELS),
        "overflow",
        "implausible image header");
    // 200 MB from 16 bytes, raw and compressed: refused as truncated; memory grows with the bytes
    // read, not with the header (the command-line test at -Xmx512m shows it for 2 GB).
    for (boolean gzip : new boolean[] {false, true}) {
      String name = gzip ? "claims.gz" : "claims";
      assertMessage(
          () ->
              IdxReader.read(
                  write(name, images(0x803, 2_000, 500, 200, 16), gzip), goodLabels, LABELS),
          name,
          "truncated");
    }
    Path goodImages = write("good-i", images(0x803, 2, 3, 4, 24), false);
    byte[] hugeLabelCount = labels(0x801);
    hugeLabelCount[4] = (byte) 0x80; // count 0x80000000, negative
    assertMessage(
        () -> IdxReader.read(goodImages, write("labels-claim", hugeLabelCount, false), LABELS),
        "labels-claim",
        "implausible label count");
  }

  @Test
  void aPipeIsRefusedInsteadOfBlockingForever() throws Exception {
    Path fifo = dir.resolve("fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
        "mkfifo is needed to make a named pipe");
    Path goodLabels = write("good-l", labels(0x801, 1, 2), false);
    assertMessage(() -> IdxReader.read(fifo, goodLabels, LABELS), "fifo", "not a regular file");
  }

  private static void assertMessage(
      org.junit.jupiter.api.function.Executable call, String file, String text) {
    InvalidDatasetException e = assertThrows(InvalidDatasetException.class, call);
    assertTrue(e.getMessage().contains(file), () -> "names the file: " + e.getMessage());
    assertTrue(e.getMessage().contains(text), () -> "says '" + text + "': " + e.getMessage());
  }
}
