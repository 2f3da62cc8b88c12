package org.cnnexplainer.models;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.TfjsModel;

/**
 * The models this project trained, bundled in this jar: load one by name instead of copying files.
 *
 * <pre>{@code
 * Network network = BundledModels.load("tiny-vgg-fashion");
 * BundledExample boot = BundledModels.examples("tiny-vgg-fashion").get(0);
 * Tensor input = ImageInput.fromImage(boot.read(), network.inputShape());
 * ActivationTrace trace = network.trace(input);
 * }</pre>
 *
 * <p>The models and their example images are listed in {@code index.json} beside them (a jar cannot
 * be listed reliably on every class loader); a test checks that list against the model folders. All
 * methods are thread-safe.
 */
public final class BundledModels {
  private BundledModels() {}

  /**
   * The names of the bundled models, the recommended first.
   *
   * @return the names, in the order of the index; never empty in a correct build
   */
  public static List<String> names() {
    return List.copyOf(Index.MODELS.keySet());
  }

  /**
   * Loads the bundled model {@code name} with its class labels.
   *
   * @param name one of {@link #names()}
   * @return a new network, independent of any other load
   * @throws IllegalArgumentException if no model of that name is bundled
   * @throws IOException if the model's files cannot be read (a damaged jar)
   */
  public static Network load(String name) throws IOException {
    return TfjsModel.load(modelJson(name));
  }

  /**
   * Where the bundled model's {@code model.json} is; its weights, {@code labels.json} and model
   * card ({@code README.md}) are beside it.
   *
   * @param name one of {@link #names()}
   * @return the resource's URL
   * @throws IllegalArgumentException if no model of that name is bundled
   */
  public static URL modelJson(String name) {
    return resource(entry(name).name() + "/model.json");
  }

  /**
   * The example images that travel with the bundled model {@code name}, in class order.
   *
   * @param name one of {@link #names()}
   * @return the examples, possibly none
   * @throws IllegalArgumentException if no model of that name is bundled
   */
  public static List<BundledExample> examples(String name) {
    Entry entry = entry(name);
    List<BundledExample> examples = new ArrayList<>();
    for (Map.Entry<String, String> example : entry.examples().entrySet()) {
      String file = example.getKey();
      examples.add(
          new BundledExample(
              file.substring(file.lastIndexOf('/') + 1),
              example.getValue(),
              resource(entry.name() + "/" + file)));
    }
    return List.copyOf(examples);
  }

  private static Entry entry(String name) {
    Entry entry = Index.MODELS.get(name);
    if (entry == null) {
      throw new IllegalArgumentException(
          "no bundled model is called '" + name + "'; the bundled models are " + names());
    }
    return entry;
  }

  private static URL resource(String path) {
    URL url = BundledModels.class.getResource(path);
    if (url == null) {
      throw new IllegalStateException(
          "the bundled file " + path + " is missing from the jar: a damaged build");
    }
    return url;
  }

  /** A model as the index lists it: examples map file (relative to its folder) to class label. */
  private record Entry(String name, Map<String, String> examples) {}

  /** The index, read once on first use (in the order it lists models and examples). */
  private static final class Index {
    static final Map<String, Entry> MODELS = read();

    private static Map<String, Entry> read() {
      try (InputStream in = resource("index.json").openStream();
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        Map<String, Entry> models = new LinkedHashMap<>();
        for (JsonElement element :
            JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("models")) {
          JsonObject model = element.getAsJsonObject();
          Map<String, String> examples = new LinkedHashMap<>();
          for (JsonElement example : model.getAsJsonArray("examples")) {
            JsonObject e = example.getAsJsonObject();
            examples.put(e.get("file").getAsString(), e.get("label").getAsString());
          }
          String name = model.get("name").getAsString();
          models.put(name, new Entry(name, Collections.unmodifiableMap(examples)));
        }
        return Collections.unmodifiableMap(models);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the index of the bundled models", e);
      } catch (JsonParseException | IllegalStateException | NullPointerException e) {
        // a field missing or of the wrong type
        throw new IllegalStateException("the index of the bundled models is damaged: " + e, e);
      }
    }
  }
}
