package org.cnnexplainer.core.tfjs;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.Layer;

/**
 * Reads and writes TensorFlow.js "layers-model" folders: {@code model.json}, its binary weight
 * files, and an optional {@code labels.json}.
 *
 * <h2>What is read</h2>
 *
 * Both topology forms ({@code modelTopology.model_config} as written by the Keras converter, or
 * {@code modelTopology} itself as written by TF.js); {@code Sequential} models (input shape from
 * the first layer's {@code batch_input_shape}; a leading {@code InputLayer} entry is dropped, as in
 * TF.js's {@code model.layers}; the very old form with a bare layer list); and {@code Model} /
 * {@code Functional} graphs that are a linear chain (their {@code InputLayer} is kept as layer 0 so
 * indices match TF.js). Layers: {@code InputLayer}, {@code Conv2D}, {@code Activation}, {@code
 * MaxPooling2D}, {@code AveragePooling2D}, {@code Flatten}, {@code Dense}, {@code Dropout}, {@code
 * BatchNormalization} (on the channel axis only), all {@code channels_last}, without dilation or
 * groups. Conv kernels are converted from TF.js's {@code [kh, kw, in, out]} to {@code (out, in, kh,
 * kw)}. Weights are found by name ({@code <layer>/kernel}, {@code /bias}, {@code /gamma}, {@code
 * /beta}, {@code /moving_mean}, {@code /moving_variance}) across all groups; each group's files are
 * concatenated in {@code paths} order (weights may straddle files). Weight dtype must be {@code
 * float32}, stored as float32 or quantized ({@code uint8} / {@code uint16} as {@code q * scale +
 * min}, or {@code float16}).
 *
 * <h2>Labels</h2>
 *
 * {@code labels.json} beside {@code model.json}, if present, is a JSON array of strings, one per
 * network output, in output order (e.g. {@code ["lifeboat", "ladybug", ...]}). Without it the
 * classes are called {@code class 0 .. class n-1}.
 *
 * <h2>Limits and refusals</h2>
 *
 * Every problem raises {@link InvalidModelException} naming the file, the layer or weight, and what
 * was expected versus found. {@code model.json} may be at most 32 MiB and {@code labels.json} 1
 * MiB; a model may hold at most 2<sup>28</sup> weight values (1 GiB), a layer output at most
 * 2<sup>26</sup> values, and the input and all layer outputs together, which a trace keeps, at most
 * 2<sup>27</sup> values (512 MiB); a model may have at most 1,024 layers and 65,536 outputs
 * (classes); these are checked from the declared shapes before anything is allocated, in {@code
 * long} arithmetic so that no product can wrap around. One image may need at most 2<sup>35</sup>
 * (34 billion) multiply-adds, counting each pooling window cell as one (VGG16 at 224x224 needs 15.5
 * billion), so that no file can make a trace run for hours. The weight files must hold exactly the
 * bytes the manifest's shapes and dtypes need. JSON nested deeper than 64 levels is refused while
 * parsing (TF.js and Keras files nest about 10 deep), so no stack can overflow. Weight paths must
 * be plain relative paths to regular files inside the model folder: absolute paths, URL schemes,
 * drive letters, {@code ..}, URL escapes, folders, names the file system cannot open (too long,
 * symbolic link loops) and symbolic links that resolve outside the folder are refused. Weights that
 * are NaN or infinite, and negative BatchNorm variances, are refused with the weight's name, since
 * they would make the outputs NaN or no view could show them. Anything else that goes wrong while
 * reading a file (a disk error) is an {@link IOException}; no other exception escapes for a bad
 * model.
 */
public final class TfjsModel {
  static final int MAX_MODEL_JSON_BYTES = 32 << 20;
  static final int MAX_LABELS_BYTES = 1 << 20;

  /** Most weight values a model may hold: 2<sup>28</sup>, 1 GiB as floats. */
  public static final int MAX_WEIGHT_VALUES = 1 << 28;

  /** Most values one layer output may hold: 2<sup>26</sup>, 256 MiB as floats. */
  public static final int MAX_ACTIVATION_VALUES = 1 << 26;

  /** Most values the input and all layer outputs may hold together (a trace keeps them all). */
  public static final long MAX_TRACE_VALUES = 1L << 27;

  /** Most multiply-adds one image may need, counting each pooling window cell as one. */
  public static final long MAX_MULTIPLY_ADDS = 1L << 35;

  /**
   * Most layers: the overview draws each layer as a column at least 15 pixels wide, so 1,024 layers
   * already make a picture over 15,000 pixels wide; sequential CNNs have tens of layers.
   */
  public static final int MAX_LAYERS = 1024;

  /**
   * Most classes (network outputs): each class gets a name, a probability bar and a row in the
   * softmax view. ImageNet-21k has 21,843 classes; a 300-byte file must not ask for 67 million.
   */
  public static final int MAX_CLASSES = 1 << 16;

  static final int MAX_JSON_DEPTH = 64;

  private TfjsModel() {}

  /**
   * Loads the model whose {@code model.json} is at {@code modelJson} (or, when {@code modelJson} is
   * a folder, the {@code model.json} inside it); weight files and {@code labels.json} are read from
   * the same folder.
   *
   * @param modelJson the {@code model.json} file or its folder
   * @return the network, with its class labels
   * @throws InvalidModelException if the files are not a supported, consistent model
   * @throws IOException if a file cannot be read
   */
  public static Network load(Path modelJson) throws IOException {
    Path file = Objects.requireNonNull(modelJson, "modelJson");
    if (Files.isDirectory(file)) {
      file = file.resolve("model.json");
    }
    return load(ModelFiles.of(file));
  }

  /**
   * Loads a model through a URL, e.g. from {@code getClass().getResource("/models/x/model.json")}
   * inside a jar; weight paths and {@code labels.json} are resolved relative to that URL.
   *
   * @param modelJson the URL of the {@code model.json}
   * @return the network, with its class labels
   * @throws InvalidModelException if the files are not a supported, consistent model
   * @throws IOException if a file cannot be read
   */
  public static Network load(URL modelJson) throws IOException {
    return load(ModelFiles.of(Objects.requireNonNull(modelJson, "modelJson")));
  }

  /**
   * Writes {@code network} into {@code directory} (created if needed) as TF.js writes it: {@code
   * model.json} (a {@code Sequential} topology, or a {@code Model} one when layer 0 is an {@code
   * InputLayer}), one weight file {@code group1-shard1of1.bin}, and {@code labels.json}. Existing
   * files of these names are replaced. {@link #load(Path)} reads the result back unchanged.
   *
   * @param network the network to write
   * @param directory the folder to write into
   * @throws IOException if the files cannot be written
   */
  public static void save(Network network, Path directory) throws IOException {
    ModelWriter.write(Objects.requireNonNull(network, "network"), directory);
  }

  private static Network load(ModelFiles files) throws IOException {
    Json root =
        new Json(
            files.modelName(), "", parse(files.readModel(MAX_MODEL_JSON_BYTES), files.modelName()));
    if (!root.isObject()) {
      throw root.error("expected a JSON object, found " + root.text());
    }
    if (root.has("format") && !root.get("format").string().equals("layers-model")) {
      throw root.get("format")
          .error(
              "expected format 'layers-model', found '"
                  + root.get("format").string()
                  + "' (graph models from the TF.js converter are not supported)");
    }
    Topology topology = Topology.parse(root);
    if (topology.layers().size() > MAX_LAYERS) {
      throw new InvalidModelException(
          files.modelName()
              + ": the model has "
              + topology.layers().size()
              + " layers, more than the supported "
              + MAX_LAYERS);
    }
    Weights weights =
        root.has("weightsManifest")
            ? ManifestReader.read(root.get("weightsManifest"), files)
            : new Weights(files.modelName(), java.util.Map.of());
    List<Layer> layers = new ArrayList<>();
    Shape shape = topology.inputShape();
    long traced = shape.size();
    long work = 0;
    for (Topology.Spec spec : topology.layers()) {
      Layer layer;
      try {
        layer = LayerFactory.build(spec, shape, weights);
      } catch (IllegalArgumentException e) {
        // The layer's own checks (blank name, rate or epsilon out of range after float rounding)
        throw spec.config().error(e.getMessage());
      }
      try {
        // A pooling window needs no weights, so a few bytes can ask for years of arithmetic.
        work += layer.multiplyAdds(shape);
        shape = layer.outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw spec.config()
            .error("does not fit its input of shape " + shape + ": " + e.getMessage());
      }
      if (work > MAX_MULTIPLY_ADDS) {
        throw spec.config()
            .error(
                "the layers up to here need "
                    + work
                    + " multiply-adds per image, more than the supported "
                    + MAX_MULTIPLY_ADDS);
      }
      if (shape.size() > MAX_ACTIVATION_VALUES) {
        throw spec.config()
            .error("output " + shape + " has more than " + MAX_ACTIVATION_VALUES + " values");
      }
      // A trace keeps every layer's output: a tiny file with many large layers must not make
      // the first trace run out of memory.
      traced += shape.size();
      if (traced > MAX_TRACE_VALUES) {
        throw spec.config()
            .error(
                "the input and the layer outputs up to here hold "
                    + traced
                    + " values together, more than "
                    + MAX_TRACE_VALUES
                    + " (a trace would need over 512 MB)");
      }
      layers.add(layer);
    }
    if (shape.size() > MAX_CLASSES) {
      throw new InvalidModelException(
          files.modelName()
              + ": the network has "
              + shape.size()
              + " outputs (classes), more than the supported "
              + MAX_CLASSES);
    }
    List<String> labels = Labels.read(files, shape.size());
    String name = topology.name() != null ? topology.name() : files.folderName();
    try {
      return new Network(name, topology.inputShape(), layers, labels);
    } catch (IllegalArgumentException e) {
      throw new InvalidModelException(files.modelName() + ": " + e.getMessage(), e);
    }
  }

  static JsonElement parse(byte[] bytes, String file) throws InvalidModelException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new InvalidModelException(file + ": the file is empty (expected JSON)");
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(MAX_JSON_DEPTH);
      JsonElement root = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("text after the end of the JSON value");
      }
      return root;
    } catch (JsonParseException | IllegalStateException | IOException e) {
      String reason = reason(e);
      if (reason.startsWith("Nesting limit")) {
        // Gson's message ends with the whole path down to the limit; the start is enough.
        int at = reason.indexOf(" at line ");
        int path = reason.indexOf(" path ");
        String where = at >= 0 && path > at ? reason.substring(at + 1, path) : "";
        throw new InvalidModelException(
            file + ": JSON nested deeper than " + MAX_JSON_DEPTH + " levels (" + where + ")", e);
      }
      throw new InvalidModelException(file + ": not valid JSON (" + reason + ")", e);
    }
  }

  /** Gson's message without its advice to switch to lenient parsing. */
  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    message =
        message.replace(
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON ", "");
    int see = message.indexOf("\nSee ");
    return (see >= 0 ? message.substring(0, see) : message).trim();
  }
}
