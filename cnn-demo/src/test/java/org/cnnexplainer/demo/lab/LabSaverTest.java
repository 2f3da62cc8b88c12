package org.cnnexplainer.demo.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.demo.cli.CliFixtures;
import org.cnnexplainer.demo.io.TrainingRecord;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Lab run on a small drawn folder, saved: the folder opens as a model, its training record gives
 * back the curves and evaluation of the run, and its model card states the run's real figures.
 */
class LabSaverTest {
  @TempDir static Path dir;
  static LabRun run;
  static Evaluation evaluation;

  @BeforeAll
  static void trainOneEpoch() throws Exception {
    Path images = drawFolder(dir.resolve("photos"));
    Files.writeString(images.resolve("light").resolve("broken.jpg"), "no image");
    LabData data = LabData.folder(images, Shape.image(1, 16, 16));
    assertEquals(1, data.skipped().size());
    LabSettings settings = new LabSettings(16, 1, 2, 2, 8, "adam", 0.01, 0, false, 0.25, 3);
    run = new LabRun(data, settings, 2);
    CountDownLatch done = new CountDownLatch(1);
    run.start(done::countDown);
    assertTrue(done.await(60, TimeUnit.SECONDS), "training finished");
    assertEquals(null, run.failure());
    run.drain(true, true);
    evaluation = Evaluation.of(run.result().best(), run.evaluationSet(), 2);
  }

  /** 20 dark and 20 light 16x16 images in the class folders {@code dark} and {@code light}. */
  private static Path drawFolder(Path images) throws IOException {
    for (String name : List.of("dark", "light")) {
      Path classDir = Files.createDirectories(images.resolve(name));
      for (int i = 0; i < 20; i++) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int v = name.equals("dark") ? 20 + i : 200 + i;
        g.setColor(new Color(v, v, v));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        ImageIO.write(img, "png", classDir.resolve(i + ".png").toFile());
      }
    }
    return images;
  }

  @Test
  void savedFolderOpensAsTheTrainedModelWithItsRecordCardAndExamples() throws IOException {
    Path out = dir.resolve("saved");
    Network best = run.result().best();
    LabSaver.save(out, best, run, evaluation);

    Network loaded = TfjsModel.load(out);
    assertEquals(List.of("dark", "light"), loaded.classLabels());
    assertArrayEquals(
        best.predict(run.probe).toArray(), loaded.predict(run.probe).toArray(), 1e-6f);

    TrainingRecord record = TrainingRecord.read(out).orElseThrow();
    assertEquals(run.epochs(), record.history());
    assertEquals(2, record.history().size());
    assertFalse(record.batchCurve().isEmpty());
    assertEquals(run.points().size(), record.batchCurve().size());
    TrainingRecord.Recorded recorded = record.evaluation().orElseThrow();
    assertEquals(evaluation.accuracy(), recorded.accuracy(), 0);
    assertArrayEquals(evaluation.confusion(), recorded.confusion());
    assertEquals("cnn-explainer Learning Lab", record.text("command").orElseThrow());

    String card = Files.readString(out.resolve("README.md"));
    assertTrue(card.contains("Classes (2): dark, light"), card);
    assertTrue(
        card.contains(
            String.format(Locale.ROOT, "**Accuracy %.2f %%**", 100 * evaluation.accuracy())),
        card);
    assertTrue(card.contains("| seed | 3 |"), card);
    assertTrue(card.contains("10 validation images held out from photos"), card);
    try (Stream<Path> examples = Files.list(out.resolve("examples"))) {
      assertEquals(4, examples.count(), "two examples per class");
    }
  }

  @Test
  void refusesAFolderThatHoldsSomethingElse() throws IOException {
    Path foreign = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(foreign.resolve("thesis.txt"), "precious");
    IOException e =
        assertThrows(
            IOException.class, () -> LabSaver.save(foreign, run.result().best(), run, null));
    assertTrue(
        e.getMessage().contains("holds 'thesis.txt', which the Learning Lab did not write"),
        e.getMessage());
    assertEquals("precious", Files.readString(foreign.resolve("thesis.txt")));
  }

  /** The same rules as {@code train --out}, by the same code: CheckpointWriter. */
  @Test
  void replacesItsOwnSaveAndTrainsFolderButNotAddedFilesOrItsImages() throws IOException {
    Path out = dir.resolve("again");
    LabSaver.save(out, run.result().best(), run, evaluation);
    TrainingRecord record = TrainingRecord.read(out).orElseThrow();
    assertTrue(record.files().contains("README.md"), record.files().toString());
    assertTrue(record.files().contains("examples/dark_1.png"), record.files().toString());
    LabSaver.save(out, run.result().best(), run, null);
    assertTrue(TrainingRecord.read(out).orElseThrow().evaluation().isEmpty(), "replaced");

    // A file the learner added is theirs: the folder is no longer one the Lab may replace.
    Files.writeString(out.resolve("examples").resolve("my-notes.txt"), "mine");
    IOException e =
        assertThrows(IOException.class, () -> LabSaver.save(out, run.result().best(), run, null));
    assertTrue(e.getMessage().contains("holds 'examples/my-notes.txt'"), e.getMessage());
    Files.delete(out.resolve("examples").resolve("my-notes.txt"));

    // train --out replaces a folder the Lab saved (and the Lab one train wrote).
    Path clean = drawFolder(dir.resolve("clean"));
    CapturedRun train = CapturedRun.of(Main::run, CliFixtures.trainArgs(clean, out));
    assertEquals(0, train.code(), train.toString());
    assertFalse(Files.exists(out.resolve("README.md")), "train's folder has no card");
    LabSaver.save(out, run.result().best(), run, null);
    assertTrue(Files.exists(out.resolve("README.md")));

    Path images = run.data.source();
    e =
        assertThrows(
            IOException.class, () -> LabSaver.save(images, run.result().best(), run, null));
    assertTrue(e.getMessage().contains("is the image folder being trained on"), e.getMessage());
    e =
        assertThrows(
            IOException.class,
            () -> LabSaver.save(images.resolve("dark"), run.result().best(), run, null));
    assertTrue(e.getMessage().contains("is inside the image folder"), e.getMessage());
  }
}
