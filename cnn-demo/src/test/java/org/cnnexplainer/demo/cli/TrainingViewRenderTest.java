package org.cnnexplainer.demo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.core.train.Architectures;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --view curves|confusion} paint a trained model's record and its mistakes. */
class TrainingViewRenderTest {
  @TempDir Path dir;

  private static CapturedRun run(String... args) {
    return CapturedRun.of(Main::run, args);
  }

  /** An untrained Tiny VGG for 16x16 gray images of the classes a and b, saved in {@code name}. */
  private Path untrainedModel(String name) throws IOException {
    Path model = dir.resolve(name);
    TfjsModel.save(Architectures.tinyVgg(Shape.image(1, 16, 16), List.of("a", "b"), 2, 1), model);
    return model;
  }

  /** {@code render --view VIEW -m MODEL [more] -o OUT}. */
  private static CapturedRun render(String view, Path model, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("render", "--view", view, "-m", model.toString()));
    args.addAll(List.of(more));
    args.addAll(List.of("-o", out.toString()));
    return run(args.toArray(String[]::new));
  }

  private static Path bundledModel() {
    Path model = Path.of(System.getProperty("user.dir")).resolve("../models/tiny-vgg-fashion");
    assumeTrue(Files.isDirectory(model), "the bundled model is missing at " + model);
    return model;
  }

  @Test
  void curvesOfTheBundledModelShowItsValidationPointsInBothThemes() throws IOException {
    Path light = dir.resolve("curves.png");
    Path dark = dir.resolve("curves-dark.png");
    CapturedRun a = render("curves", bundledModel(), light, "--size", "800x500");
    CapturedRun b = render("curves", bundledModel(), dark, "--size", "800x500", "--theme", "dark");
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    BufferedImage image = ImageIO.read(light.toFile());
    assertEquals(800, image.getWidth());
    int validation = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        validation += (image.getRGB(x, y) & 0xffffff) == 0xd94801 ? 1 : 0;
      }
    }
    assertTrue(validation > 200, "16 validation points and their line: " + validation + " pixels");
    assertEquals(0x1e1f22, ImageIO.read(dark.toFile()).getRGB(1, 1) & 0xffffff);
  }

  @Test
  void curvesNeedATrainingRecord() throws IOException {
    CapturedRun r = render("curves", untrainedModel("untrained"), dir.resolve("x.png"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("has no training.json"), r.err());
  }

  @Test
  void confusionOnAnImageFolderCountsEveryImage() throws IOException {
    Path model = untrainedModel("model");
    Path data = dir.resolve("data");
    for (String c : List.of("a", "b")) {
      Files.createDirectories(data.resolve(c));
      for (int i = 0; i < 3; i++) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(i * 60, 10, 200));
        g.fillRect(0, 0, 8, 16);
        g.dispose();
        ImageIO.write(img, "png", data.resolve(c).resolve(i + ".png").toFile());
      }
    }
    Path out = dir.resolve("confusion.png");
    CapturedRun r = render("confusion", model, out, "--data", data.toString(), "--size", "500x450");
    assertEquals(0, r.code(), r.err());
    assertEquals(500, ImageIO.read(out.toFile()).getWidth());
    CapturedRun missing = render("confusion", model, out);
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--view confusion needs --data"), missing.err());
  }

  @Test
  void aDamagedRecordIsOneLineNamingIt() throws IOException {
    Path model = untrainedModel("damaged");
    Files.writeString(model.resolve("training.json"), "{\"history\": [{\"epoch\": \"one\"}]}");
    CapturedRun r = render("curves", model, dir.resolve("x.png"));
    assertEquals(3, r.code(), r.toString());
    assertEquals(1, r.errLines(), r.toString());
    assertTrue(r.err().contains("training.json: not a readable training record"), r.err());
  }

  @Test
  void confusionNeverWritesIntoItsDataFolder() throws IOException {
    Path data = CliFixtures.imageFolder(dir.resolve("images"), 2, "a", "b");
    Path inside = data.resolve("a").resolve("0.png");
    byte[] before = Files.readAllBytes(inside);
    CapturedRun r = render("confusion", untrainedModel("m"), inside, "--data", data.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("is inside the --data folder"), r.err());
    assertArrayEquals(before, Files.readAllBytes(inside), "the test image is kept");
  }
}
