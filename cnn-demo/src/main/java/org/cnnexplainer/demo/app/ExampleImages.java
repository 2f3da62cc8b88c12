package org.cnnexplainer.demo.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;

/**
 * Finds the example images that travel with a model: PNG and JPEG files beside its {@code
 * model.json} or in an {@code examples/}, {@code images/} or {@code img/} folder there, named by
 * class ({@code sneaker_1.png}). Works for folders on disk and for models inside the jar.
 */
final class ExampleImages {
  static final int MAX_EXAMPLES = 24;
  private static final List<String> FOLDERS = List.of(".", "examples", "images", "img");

  private ExampleImages() {}

  /**
   * The examples of {@code source} converted for {@code network}, in class order; unreadable ones
   * are left out.
   */
  static List<Example> of(ModelSource source, Network network) throws IOException {
    Path folder = folderOf(source);
    List<Path> files = new ArrayList<>();
    for (String sub : FOLDERS) {
      Path dir = folder.resolve(sub);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> list = Files.list(dir)) {
          list.filter(ExampleImages::isImage).forEach(files::add);
        }
      }
    }
    List<String> labels = network.classLabels();
    files.sort(
        Comparator.comparingInt((Path p) -> classRank(labels, p))
            .thenComparing(p -> p.getFileName().toString()));
    List<Example> examples = new ArrayList<>();
    for (Path file : files) {
      if (examples.size() == MAX_EXAMPLES) {
        break;
      }
      String name = file.getFileName().toString();
      try {
        // Within the same pixel limits as any image: a model folder from anywhere may hold a
        // small file that decodes to gigabytes.
        BufferedImage image = ImageInput.read(file);
        examples.add(
            new Example(
                name,
                Example.labelOf(name),
                image,
                ImageInput.fromImage(image, network.inputShape())));
      } catch (IOException | RuntimeException e) {
        // A broken example must not cost the user the model: leave it out and say so.
        System.err.println("cnn-explainer: skipping example " + file + ": " + e.getMessage());
      }
    }
    return examples;
  }

  /**
   * The index of the class a file is named after: the class whose name equals the file's (letters
   * and digits only, so {@code tshirt_top_1.png} is "T-shirt/top"), else the first whose name ends
   * or starts with it (the original model's {@code boat_1.jpeg} is "lifeboat", {@code car_1.jpeg}
   * "sport car"); the number of classes when none fits.
   */
  static int classRank(List<String> labels, Path file) {
    String label = letters(Example.labelOf(file.getFileName().toString()));
    if (label.isEmpty()) {
      return labels.size();
    }
    for (int i = 0; i < labels.size(); i++) {
      if (letters(labels.get(i)).equals(label)) {
        return i;
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      String known = letters(labels.get(i));
      if (known.endsWith(label) || known.startsWith(label)) {
        return i;
      }
    }
    return labels.size();
  }

  private static String letters(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file)
        && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
  }

  private static Path folderOf(ModelSource source) throws IOException {
    if (source.file() != null) {
      return source.file().getParent();
    }
    try {
      URI uri = source.modelJson().toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem jar;
        try {
          jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          jar = FileSystems.getFileSystem(uri);
        }
        String inner = uri.getSchemeSpecificPart();
        return jar.getPath(inner.substring(inner.indexOf("!/") + 1)).getParent();
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException e) {
      throw new IOException("cannot list the examples of " + source.modelJson(), e);
    }
  }
}
