package org.cnnexplainer.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.junit.jupiter.api.Test;

/**
 * The bundled models load by name, with their examples, and {@code index.json} lists exactly the
 * model folders beside it. After adding a model folder or example, regenerate the index with {@code
 * mvn -pl models -am test -Dtest=BundledModelsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmodels.index.update=true}.
 */
class BundledModelsTest {
  /** The module folder (surefire's working folder): the model folders and the index are here. */
  private static final Path MODELS = Path.of("").toAbsolutePath();

  private static final Path INDEX = MODELS.resolve("index.json");

  @Test
  void indexListsEveryModelFolderAndItsExamples() throws IOException {
    String expected = indexOfFolders();
    if (Boolean.getBoolean("models.index.update")) {
      Files.writeString(INDEX, expected, StandardCharsets.UTF_8);
    }
    assertEquals(
        expected,
        Files.readString(INDEX, StandardCharsets.UTF_8),
        "index.json does not list the model folders as they are; regenerate it with"
            + " -Dmodels.index.update=true (see this test's Javadoc)");
  }

  @Test
  void theTinyVggIsBundledAndRecommended() {
    assertEquals("tiny-vgg-fashion", BundledModels.names().get(0));
  }

  @Test
  void everyBundledModelLoadsAndClassifiesItsExamples() throws IOException {
    for (String name : BundledModels.names()) {
      Network network = BundledModels.load(name);
      List<BundledExample> examples = BundledModels.examples(name);
      assertTrue(examples.size() >= network.classLabels().size(), name + ": an example per class");
      int right = 0;
      for (BundledExample example : examples) {
        assertTrue(
            network.classLabels().contains(example.label()),
            name + ": " + example.fileName() + " is labelled " + example.label());
        ActivationTrace trace =
            network.trace(ImageInput.fromImage(example.read(), network.inputShape()));
        if (trace.topK(1).get(0).label().equals(example.label())) {
          right++;
        }
      }
      // The trained weights, not random ones (which would get about one in ten right).
      assertTrue(
          right >= examples.size() * 0.8,
          name + ": " + right + " of " + examples.size() + " right");
    }
  }

  @Test
  void examplesComeInClassOrderWithTheirLabels() {
    List<BundledExample> examples = BundledModels.examples("tiny-vgg-fashion");
    assertEquals(20, examples.size());
    BundledExample first = examples.get(0);
    BundledExample last = examples.get(examples.size() - 1);
    assertEquals(
        List.of("tshirt_top_1.png", "T-shirt/top"), List.of(first.fileName(), first.label()));
    assertEquals(List.of("ankle_boot_2.png", "Ankle boot"), List.of(last.fileName(), last.label()));
    assertTrue(last.url().toString().endsWith("/tiny-vgg-fashion/examples/ankle_boot_2.png"));
  }

  @Test
  void anUnknownNameSaysWhichModelsThereAre() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BundledModels.load("../tiny-vgg-fashion"));
    assertEquals(
        "no bundled model is called '../tiny-vgg-fashion'; the bundled models are ["
            + String.join(", ", BundledModels.names())
            + "]",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BundledModels.examples("missing"));
    assertThrows(IllegalArgumentException.class, () -> BundledModels.modelJson("missing"));
  }

  /**
   * The index as the folders say: models in the index's order (new ones last), examples by class.
   */
  private static String indexOfFolders() throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.exists(INDEX)) {
      for (var model :
          JsonParser.parseString(Files.readString(INDEX))
              .getAsJsonObject()
              .getAsJsonArray("models")) {
        String name = model.getAsJsonObject().get("name").getAsString();
        if (Files.isRegularFile(MODELS.resolve(name).resolve("model.json"))) {
          names.add(name);
        }
      }
    }
    try (Stream<Path> folders = Files.list(MODELS)) {
      folders
          .filter(folder -> Files.isRegularFile(folder.resolve("model.json")))
          .map(folder -> folder.getFileName().toString())
          .sorted()
          .filter(name -> !names.contains(name))
          .forEach(names::add);
    }
    JsonArray models = new JsonArray();
    for (String name : names) {
      JsonObject model = new JsonObject();
      model.addProperty("name", name);
      model.add("examples", examplesOf(MODELS.resolve(name)));
      models.add(model);
    }
    JsonObject index = new JsonObject();
    index.add("models", models);
    return new GsonBuilder().setPrettyPrinting().create().toJson(index) + "\n";
  }

  /** The images beside {@code model.json} and in {@code examples/}, each with its class. */
  private static JsonArray examplesOf(Path folder) throws IOException {
    List<String> labels = new ArrayList<>();
    JsonParser.parseString(Files.readString(folder.resolve("labels.json")))
        .getAsJsonArray()
        .forEach(label -> labels.add(label.getAsString()));
    List<String> files = new ArrayList<>();
    for (String sub : List.of(".", "examples")) {
      Path dir = folder.resolve(sub);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> list = Files.list(dir)) {
          list.map(file -> folder.relativize(file).toString().replace('\\', '/'))
              .filter(BundledModelsTest::isImage)
              .forEach(files::add);
        }
      }
    }
    files.sort(Comparator.comparingInt((String f) -> classOf(labels, f)).thenComparing(f -> f));
    JsonArray examples = new JsonArray();
    for (String file : files) {
      JsonObject example = new JsonObject();
      example.addProperty("file", file);
      example.addProperty("label", labels.get(classOf(labels, file)));
      examples.add(example);
    }
    return examples;
  }

  private static boolean isImage(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  /** The class an example is named after: {@code tshirt_top_2.png} is "T-shirt/top". */
  private static int classOf(List<String> labels, String file) {
    String stem = file.substring(file.lastIndexOf('/') + 1).replaceFirst("(_\\d+)?\\.[^.]+$", "");
    for (int i = 0; i < labels.size(); i++) {
      if (letters(labels.get(i)).equals(letters(stem))) {
        return i;
      }
    }
    throw new AssertionError(file + " is named after no class of " + labels);
  }

  private static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
