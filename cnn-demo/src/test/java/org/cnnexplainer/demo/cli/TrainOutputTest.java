package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, part 1: {@code train --out} only ever replaces an empty folder or a model that train
 * wrote, and checks everything it can before the first batch. ("--out ." is run in the forked
 * hostile-input test, whose working folder is a scratch folder.)
 */
class TrainOutputTest {
  @TempDir Path dir;
  Path data;

  @BeforeEach
  void data() throws IOException {
    data = CliFixtures.imageFolder(dir.resolve("data"), 4, "a", "b");
  }

  private CapturedRun train(Path out, String... extra) {
    return CapturedRun.of(Main::run, CliFixtures.trainArgs(data, out, extra));
  }

  /** Exit 2, one line naming {@code out} and the reason, nothing changed in {@code tree}. */
  private void assertRefused(CapturedRun run, Path out, String reason, Path tree)
      throws IOException {
    List<String> before = listing(tree);
    assertEquals(2, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.toString());
    assertTrue(run.err().contains(out.toString()), run.toString());
    assertTrue(run.err().contains(reason), run.toString());
    assertEquals(before, listing(tree), "nothing was touched");
  }

  private static List<String> listing(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      return walk.map(p -> p + " " + p.toFile().length()).sorted().toList();
    }
  }

  @Test
  void aFolderOfTheUsersFilesIsRefusedAndKept() throws IOException {
    Path user = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(user.resolve("thesis.txt"), "years of work");
    assertRefused(train(user), user, "holds 'thesis.txt', which train did not write", dir);
    assertEquals("years of work", Files.readString(user.resolve("thesis.txt")));
  }

  @Test
  void theDataFolderAFolderAroundItAndOneInsideItAreRefused() throws IOException {
    assertRefused(train(data), data, "is the --data folder", dir);
    assertRefused(train(dir), dir, "contains the --data folder", dir);
    Path inside = data.resolve("model");
    assertRefused(train(inside), inside, "is inside the --data folder", dir);
  }

  @Test
  void aFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
    assertRefused(train(file), file, "is a file", dir);
    assertEquals("keep me", Files.readString(file));
  }

  @Test
  void aModelFolderWithItsCardIsNotOneTrainWrote() throws IOException {
    Path bundled = CliFixtures.smallModel(dir.resolve("bundled"));
    Files.writeString(bundled.resolve("README.md"), "model card");
    assertRefused(train(bundled), bundled, "holds 'README.md'", dir);
    Files.delete(bundled.resolve("README.md"));
    assertRefused(train(bundled), bundled, "without train's record training.json", dir);
    Files.writeString(bundled.resolve("training.json"), "{\"command\": \"rm -rf\"}");
    assertRefused(train(bundled), bundled, "a training.json that train did not write", dir);
  }

  @Test
  void anEmptyFolderAndAnEarlierRunAreReplaced() throws IOException {
    Path out = Files.createDirectories(dir.resolve("models").resolve("bars"));
    CapturedRun first = train(out);
    assertEquals(0, first.code(), first.toString());
    assertTrue(Files.isRegularFile(out.resolve("model.json")));
    CapturedRun second = train(out, "--seed", "9");
    assertEquals(0, second.code(), second.toString());
    assertTrue(Files.readString(out.resolve("training.json")).contains("--seed 9"));
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertEquals(List.of(out), siblings.toList(), "no temporary folders are left");
    }
  }

  @Test
  void staleTemporaryFoldersOfAnInterruptedRunAreRemoved() throws IOException {
    Path models = Files.createDirectories(dir.resolve("models"));
    Path out = models.resolve("bars");
    // Process ids are below 2^22 on Linux: these belong to no running process.
    Path staleTemp = Files.createDirectories(models.resolve(".bars.tmp-987654321-x1"));
    Files.writeString(staleTemp.resolve("model.json"), "{}");
    Path staleOld = Files.createDirectories(models.resolve(".bars.old-987654322"));
    Path legacy = Files.createDirectories(models.resolve(".bars.tmp-4418934472034"));
    // One of a run still going (this very process) and another model's stay.
    Path live =
        Files.createDirectories(
            models.resolve(".bars.tmp-" + ProcessHandle.current().pid() + "-y"));
    Path otherModel = Files.createDirectories(models.resolve(".other.tmp-987654321-x1"));
    assertEquals(0, train(out).code());
    assertFalse(Files.exists(staleTemp));
    assertFalse(Files.exists(staleOld));
    assertFalse(Files.exists(legacy));
    assertTrue(Files.exists(live));
    assertTrue(Files.exists(otherModel));
  }

  @Test
  void tooFewImagesForTheValidationSplitAreRefusedBeforeTraining() throws IOException {
    Path tiny = CliFixtures.imageFolder(dir.resolve("tiny"), 1, "a", "b");
    Path out = dir.resolve("out");
    CapturedRun run =
        CapturedRun.of(
            Main::run,
            "train",
            "--data",
            tiny.toString(),
            "--out",
            out.toString(),
            "--image-size",
            "16",
            "--validation",
            "0.1");
    assertEquals(3, run.code(), run.toString());
    assertEquals(1, run.errLines(), run.toString());
    assertTrue(run.err().contains("2 images cannot be split"), run.toString());
    assertTrue(run.out().isEmpty(), "no training started: " + run.out());
    assertFalse(Files.exists(out), "nothing written");
    CapturedRun none =
        CapturedRun.of(
            Main::run,
            "train",
            "--data",
            tiny.toString(),
            "--out",
            out.toString(),
            "--image-size",
            "16",
            "--channels",
            "1",
            "--filters",
            "2",
            "--epochs",
            "1",
            "--validation",
            "0");
    assertEquals(0, none.code(), none.toString());
    assertTrue(none.out().contains("(no validation) saved to"), none.out());
    assertTrue(Files.isRegularFile(out.resolve("model.json")));
  }

  @Test
  void anOutputUnderAFileIsRefusedBeforeTheDataIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path out = file.resolve("model");
    assertRefused(train(out), out, "cannot be written", dir);
  }
}
