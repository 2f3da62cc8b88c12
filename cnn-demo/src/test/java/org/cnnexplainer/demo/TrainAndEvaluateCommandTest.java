package org.cnnexplainer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.testsupport.CapturedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndEvaluateCommandTest {
  @TempDir Path dir;

  private static CapturedRun run(String... args) {
    return CapturedRun.of(Main::run, args);
  }

  /** Three classes of 16x16 grey images: a bright row, a bright column, or a bright diagonal. */
  private Path imageFolder() throws IOException {
    Path data = dir.resolve("data");
    Random r = new Random(3);
    String[] classes = {"column", "diagonal", "row"};
    for (int c = 0; c < 3; c++) {
      Path folder = Files.createDirectories(data.resolve(classes[c]));
      for (int i = 0; i < 8; i++) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        int pos = 3 + r.nextInt(10);
        for (int y = 0; y < 16; y++) {
          for (int x = 0; x < 16; x++) {
            boolean on = c == 0 ? x == pos : c == 1 ? x == y : y == pos;
            img.getRaster().setSample(x, y, 0, on ? 230 : r.nextInt(40));
          }
        }
        ImageIO.write(img, "png", folder.resolve(i + ".png").toFile());
      }
    }
    return data;
  }

  @Test
  void trainsOnAnImageFolderAndEvaluatesTheSavedModel() throws IOException {
    Path data = imageFolder();
    Path out = dir.resolve("models").resolve("bars");
    CapturedRun train =
        run(
            "train",
            "--data",
            data.toString(),
            "--image-size",
            "16",
            "--channels",
            "1",
            "--epochs",
            "2",
            "--batch",
            "6",
            "--validation",
            "0.25",
            "--filters",
            "3",
            "--threads",
            "2",
            "--seed",
            "4",
            "--out",
            out.toString());
    assertEquals(0, train.code(), train.err());
    assertTrue(train.out().contains("epoch 2/2"), train.out());
    Network network = TfjsModel.load(out.resolve("model.json"));
    assertEquals(List.of("column", "diagonal", "row"), network.classLabels());
    assertEquals(Shape.image(1, 16, 16), network.inputShape());
    String record = Files.readString(out.resolve("training.json"));
    assertTrue(record.contains("\"command\": \"cnn-explainer train --data"), record);
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertEquals(List.of(out), siblings.toList(), "no temporary folders are left behind");
    }

    CapturedRun evaluate =
        run("evaluate", "--model", out.toString(), "--data", data.toString(), "--json");
    assertEquals(0, evaluate.code(), evaluate.err());
    JsonObject json = JsonParser.parseString(evaluate.out()).getAsJsonObject();
    assertEquals(24, json.get("count").getAsInt());
    JsonArray confusion = json.getAsJsonArray("confusion");
    assertEquals(3, confusion.size());
    int correct = 0;
    int total = 0;
    for (int i = 0; i < 3; i++) {
      JsonArray row = confusion.get(i).getAsJsonArray();
      int rowTotal = 0;
      for (int j = 0; j < 3; j++) {
        rowTotal += row.get(j).getAsInt();
      }
      assertEquals(8, rowTotal, "every class has 8 images");
      correct += row.get(i).getAsInt();
      total += rowTotal;
      assertEquals(
          row.get(i).getAsInt() / 8.0,
          json.getAsJsonArray("perClassAccuracy").get(i).getAsDouble(),
          1e-12);
    }
    assertEquals((double) correct / total, json.get("accuracy").getAsDouble(), 1e-12);

    CapturedRun text = run("evaluate", "--model", out.toString(), "--data", data.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("accuracy "), text.out());
    assertTrue(text.out().contains("confusion (rows: true class"), text.out());
  }

  @Test
  void badDataExitsWithThreeNamesTheFileAndWritesNothing() throws IOException {
    Path out = dir.resolve("out");
    Path empty = Files.createDirectories(dir.resolve("no-classes"));
    CapturedRun noClasses = run("train", "--data", empty.toString(), "--out", out.toString());
    assertEquals(3, noClasses.code());
    assertTrue(noClasses.err().contains("no-classes"), noClasses.err());
    assertTrue(noClasses.err().contains("no class sub-folders"), noClasses.err());

    Path fashion = Files.createDirectories(dir.resolve("fashion"));
    Files.write(fashion.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});
    Files.write(fashion.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
    CapturedRun truncated =
        run(
            "train",
            "--data",
            "fashion-mnist",
            "--fashion-mnist-dir",
            fashion.toString(),
            "--out",
            out.toString());
    assertEquals(3, truncated.code());
    assertTrue(truncated.err().contains("train-images-idx3-ubyte"), truncated.err());
    assertTrue(truncated.err().contains("truncated"), truncated.err());

    CapturedRun missing =
        run("evaluate", "--model", dir.resolve("nothing").toString(), "--data", "fashion-mnist");
    assertEquals(3, missing.code());
    assertFalse(Files.exists(out), "nothing is written to --out");
  }
}
