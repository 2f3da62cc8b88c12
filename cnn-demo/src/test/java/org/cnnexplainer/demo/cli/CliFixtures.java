package org.cnnexplainer.demo.cli;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.testing.RandomTensors;
import org.cnnexplainer.core.tfjs.TfjsModel;

/**
 * Files for command-line tests: a small valid model, images and image folders, and the hostile ones
 * a user could hand the command line (models, images, IDX files, device nodes).
 */
public final class CliFixtures {
  /** The classes of {@link #smallNetwork}. */
  static final List<String> LABELS = List.of("cat", "dog", "cow", "hen");

  private CliFixtures() {}

  /** A valid 10x12x3 model with four classes: conv, relu, pool, flatten, softmax dense. */
  static Network smallNetwork(List<String> labels) {
    Random random = new Random(11);
    List<Layer> layers = new ArrayList<>();
    layers.add(
        new Conv2D(
            "conv",
            RandomTensors.gaussian(Shape.of(3, 3, 3, 3), 0.5f, random),
            RandomTensors.gaussian(Shape.vector(3), 0.5f, random),
            1,
            1,
            Padding.VALID,
            Activation.LINEAR));
    layers.add(new ActivationLayer("relu", Activation.RELU));
    layers.add(new Pooling2D("pool", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID));
    layers.add(new Flatten("flatten"));
    layers.add(
        new Dense(
            "output",
            RandomTensors.gaussian(Shape.of(60, labels.size()), 0.5f, random),
            RandomTensors.gaussian(Shape.vector(labels.size()), 0.5f, random),
            Activation.SOFTMAX));
    return new Network("small", Shape.image(3, 10, 12), layers, labels);
  }

  /** {@code network} with a linear last layer instead of its softmax: a model without logits. */
  static Network withoutSoftmax(Network network) {
    List<Layer> layers = new ArrayList<>(network.layers());
    Dense dense = (Dense) layers.remove(layers.size() - 1);
    layers.add(new Dense(dense.name(), dense.kernel(), dense.bias(), Activation.LINEAR));
    return new Network("linear", network.inputShape(), layers, network.classLabels());
  }

  /**
   * A quick {@code train} run: one epoch of 16x16 gray images, 2 filters, batch 4, a quarter for
   * validation, one thread; {@code extra} options are appended.
   */
  public static String[] trainArgs(Path data, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--epochs",
                "1",
                "--image-size",
                "16",
                "--channels",
                "1",
                "--filters",
                "2",
                "--batch",
                "4",
                "--validation",
                "0.25",
                "--threads",
                "1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  static Path smallModel(Path dir) throws IOException {
    TfjsModel.save(smallNetwork(LABELS), dir);
    return dir;
  }

  /**
   * A model on {@code input} images (any channel count) that predicts class 0 with a large bias,
   * whatever the image: {@code flatten -> dense}. With {@code weight} 3e38 the dense layer
   * overflows to infinity on any bright image.
   */
  static Path constantModel(Path dir, Shape input, List<String> labels, float weight, float bias0)
      throws IOException {
    int inputs = input.size();
    float[] kernel = new float[inputs * labels.size()];
    Arrays.fill(kernel, weight);
    float[] bias = new float[labels.size()];
    bias[0] = bias0;
    List<Layer> layers = new ArrayList<>();
    if (input.isImage()) {
      layers.add(new Flatten("flatten"));
    }
    layers.add(
        new Dense(
            "dense",
            Tensor.of(Shape.of(inputs, labels.size()), kernel),
            Tensor.of(Shape.vector(labels.size()), bias),
            Activation.SOFTMAX));
    TfjsModel.save(new Network("constant", input, layers, labels), dir);
    return dir;
  }

  /**
   * A model whose one convolution has {@code filters} 1x1 filters on a 2x2 gray input: a few
   * kilobytes whose overview is a column of {@code filters} heat-maps, tens of thousands of pixels
   * tall.
   */
  static Path manyChannels(Path dir, int filters) throws IOException {
    Random random = new Random(5);
    Network network =
        new Network(
            "wide",
            Shape.image(1, 2, 2),
            List.of(
                new Conv2D(
                    "conv",
                    RandomTensors.gaussian(Shape.of(filters, 1, 1, 1), 0.5f, random),
                    RandomTensors.gaussian(Shape.vector(filters), 0.5f, random),
                    1,
                    1,
                    Padding.VALID,
                    Activation.RELU),
                new Flatten("flatten")),
            null);
    TfjsModel.save(network, dir);
    return dir;
  }

  /** A random RGB PNG. */
  static Path png(Path file, int width, int height) throws IOException {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(width * 31L + height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        picture.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(picture, "png", file.toFile());
    return file;
  }

  /** A one-colour gray PNG of any size (a 1 x 16,000,000 one is about 31 KB). */
  static Path grayPng(Path file, int width, int height, int value) throws IOException {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((java.awt.image.DataBufferByte) picture.getRaster().getDataBuffer()).getData();
    Arrays.fill(data, (byte) value);
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(picture, "png", file.toFile());
    return file;
  }

  /** A 4x4 gray TIFF whose samples are {@code value}, of {@code dataType}. */
  static Path grayTiff(Path file, int dataType, double value) throws IOException {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            false,
            false,
            Transparency.OPAQUE,
            dataType);
    WritableRaster raster = cm.createCompatibleWritableRaster(4, 4);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        raster.setSample(x, y, 0, value);
      }
    }
    ImageIO.write(new BufferedImage(cm, raster, false, null), "tiff", file.toFile());
    return file;
  }

  /** A GIF whose image descriptor is followed by no pixel at all (clear code, end code). */
  static Path gifWithoutPixels(Path file) throws IOException {
    int[] bytes = {
      'G', 'I', 'F', '8', '9', 'a', 4, 0, 4, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2c, 0, 0, 0,
      0, 4, 0, 4, 0, 0, 2, 1, 0x2c, 0, 0x3b
    };
    byte[] gif = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      gif[i] = (byte) bytes[i];
    }
    return Files.write(file, gif);
  }

  /** The first bytes of a PNG that claims {@code width x height} pixels. */
  static Path pngHeader(Path file, int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    out.writeInt(13);
    out.writeBytes("IHDR");
    out.writeInt(width);
    out.writeInt(height);
    out.write(new byte[] {8, 2, 0, 0, 0});
    out.writeInt(0); // CRC: ImageIO reads the header before checking it
    return Files.write(file, bytes.toByteArray());
  }

  /** A {@code model.json} of {@code n} ReLU layers on a 4x4x1 input, no weights. */
  static Path reluChain(Path dir, int n) throws IOException {
    StringBuilder layers = new StringBuilder();
    for (int i = 0; i < n; i++) {
      layers
          .append(i == 0 ? "" : ",")
          .append("{\"class_name\":\"Activation\",\"config\":{\"name\":\"a")
          .append(i)
          .append("\",\"activation\":\"relu\"")
          .append(i == 0 ? ",\"batch_input_shape\":[null,4,4,1]" : "")
          .append("}}");
    }
    return modelJson(
        dir,
        "{\"modelTopology\":{\"class_name\":\"Sequential\",\"config\":{\"layers\":["
            + layers
            + "]}}}");
  }

  /** 192 bytes: a flatten of an 8192 x 8192 input, 2^26 outputs. */
  static Path flattenBomb(Path dir) throws IOException {
    return modelJson(
        dir,
        "{\"modelTopology\":{\"class_name\":\"Sequential\",\"config\":{\"layers\":[{\"class_name\":"
            + "\"Flatten\",\"config\":{\"name\":\"f\",\"batch_input_shape\":[null,8192,8192,1]}}]}}}");
  }

  /** The small model with its weight file listed {@code times} times. */
  static Path repeatedWeights(Path dir, int times) throws IOException {
    smallModel(dir);
    String json = Files.readString(dir.resolve("model.json"));
    String paths =
        String.join(",", java.util.Collections.nCopies(times, "\"group1-shard1of1.bin\""));
    Files.writeString(
        dir.resolve("model.json"), json.replace("[\"group1-shard1of1.bin\"]", "[" + paths + "]"));
    return dir;
  }

  /** A manifest declaring 2^27 float weights (512 MiB, within the format's limit) for one layer. */
  static Path heavyWeights(Path dir) throws IOException {
    return modelJson(
        dir,
        "{\"modelTopology\":{\"class_name\":\"Sequential\",\"config\":{\"layers\":["
            + "{\"class_name\":\"Dense\",\"config\":{\"name\":\"d\",\"units\":8192,"
            + "\"activation\":\"softmax\",\"batch_input_shape\":[null,16384]}}]}},"
            + "\"weightsManifest\":[{\"paths\":[\"w.bin\"],\"weights\":["
            + "{\"name\":\"d/kernel\",\"shape\":[16384,8192],\"dtype\":\"float32\"},"
            + "{\"name\":\"d/bias\",\"shape\":[8192],\"dtype\":\"float32\"}]}]}");
  }

  static Path modelJson(Path dir, String json) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("model.json"), json, StandardCharsets.UTF_8);
    return dir;
  }

  /** An image folder: {@code perClass} 16x16 gray PNGs in each of the named class folders. */
  static Path imageFolder(Path dir, int perClass, String... classes) throws IOException {
    Random random = new Random(3);
    for (String name : classes) {
      Path folder = Files.createDirectories(dir.resolve(name));
      for (int i = 0; i < perClass; i++) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
          for (int x = 0; x < 16; x++) {
            img.getRaster().setSample(x, y, 0, random.nextInt(256));
          }
        }
        ImageIO.write(img, "png", folder.resolve(i + ".png").toFile());
      }
    }
    return dir;
  }

  /**
   * IDX image and label files in {@code dir} with the file names of Fashion-MNIST's {@code set}.
   */
  static Path idx(Path dir, String set, int count, int rows, int columns, int pixelBytes)
      throws IOException {
    Files.createDirectories(dir);
    ByteArrayOutputStream images = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(images);
    out.writeInt(0x803);
    out.writeInt(count);
    out.writeInt(rows);
    out.writeInt(columns);
    out.write(new byte[pixelBytes]);
    Files.write(dir.resolve(set + "-images-idx3-ubyte"), images.toByteArray());
    ByteArrayOutputStream labels = new ByteArrayOutputStream();
    out = new DataOutputStream(labels);
    out.writeInt(0x801);
    out.writeInt(count);
    out.write(new byte[Math.max(0, Math.min(count, 1 << 20))]);
    Files.write(dir.resolve(set + "-labels-idx1-ubyte"), labels.toByteArray());
    return dir;
  }

  /**
   * Makes a device node in a test folder that behaves like {@code /dev/null} ({@code 1, 3}) or
   * {@code /dev/zero} ({@code 1, 5}), or returns false (only root may). Tests never name the real
   * devices: as root, a regression that renamed a file over one would replace the system's device;
   * over this one it replaces a node in a temporary folder.
   */
  static boolean device(Path file, int major, int minor) {
    try {
      return new ProcessBuilder("mknod", file.toString(), "c", "" + major, "" + minor)
              .redirectErrorStream(true)
              .start()
              .waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A non-regular file in a test folder: a null device node where this process may make one, else a
   * named pipe; null when neither can be made.
   */
  static Path nonRegularFile(Path file) {
    return device(file, 1, 3) || fifo(file) ? file : null;
  }

  /** Makes a named pipe, or returns false where {@code mkfifo} is missing. */
  static boolean fifo(Path file) {
    try {
      return new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether this process runs as root (which ignores file permissions). */
  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
