package org.cnnexplainer.demo.lab;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.FashionMnist;
import org.cnnexplainer.core.train.ImageFolderDataset;
import org.cnnexplainer.viz.training.DatasetSummary;

/**
 * The images of a run: all of them (converted to the input shape), where each came from, what was
 * skipped, and the separate test set when the data has one (Fashion-MNIST). Immutable.
 *
 * @param source what the learner chose: a folder, or {@code null} for Fashion-MNIST
 * @param all every training image (the validation share is split off when a run starts)
 * @param files the file of each image of {@code all}, or empty for Fashion-MNIST
 * @param skipped files and folders left out, with the reason ("cat/x.png: not a PNG")
 * @param test Fashion-MNIST's 10,000 test images, or {@code null} (then the validation images are
 *     evaluated)
 * @param sizes the original images' sizes in words
 */
record LabData(
    Path source, Dataset all, List<Path> files, List<String> skipped, Dataset test, String sizes) {
  static final int THUMBNAILS_PER_CLASS = 6;

  /** The name the summary and the model card use: the folder's name, or "Fashion-MNIST". */
  String name() {
    return source == null ? "Fashion-MNIST" : source.getFileName().toString();
  }

  /** Reads Fashion-MNIST from {@code directory}, with a message saying how to get it if absent. */
  static LabData fashionMnist(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IOException(
          "Fashion-MNIST is not installed in "
              + directory
              + ". On Debian or Ubuntu install it with: sudo apt-get install dataset-fashion-mnist"
              + " (or set CNN_FASHION_MNIST_DIR to a folder holding its four .gz files).");
    }
    return new LabData(
        null,
        FashionMnist.training(directory),
        List.of(),
        List.of(),
        FashionMnist.test(directory),
        "28×28 grey pixels");
  }

  /** Reads an image folder (one sub-folder per class) at {@code shape}, skipping what it cannot. */
  static LabData folder(Path directory, Shape shape) throws IOException {
    ImageFolderDataset.Contents contents = ImageFolderDataset.readSkipping(directory, shape);
    List<String> skipped = new ArrayList<>();
    for (ImageFolderDataset.Skipped s : contents.skipped()) {
      skipped.add(directory.relativize(s.path()) + ": " + s.reason());
    }
    return new LabData(
        directory,
        contents.dataset(),
        contents.files(),
        skipped,
        null,
        sizes(contents.files(), shape));
  }

  /** A name for image {@code index} of {@code all}: its file ("cat/12.png") or its number. */
  String imageName(int index) {
    return files.isEmpty()
        ? "image " + (index + 1)
        : source.relativize(files.get(index)).toString().replace('\\', '/');
  }

  /** A training / validation split, keeping which original image each validation image is. */
  record Split(Dataset training, Dataset validation, int[] validationIndices) {}

  /** Splits like {@link Dataset#split}: the same seed gives the same images. */
  Split split(double share, long seed) {
    int n = all.size();
    int[] order = Dataset.permutation(n, new SplittableRandom(seed));
    int validation = (int) Math.round(share * n);
    int[] v = new int[validation];
    int[] t = new int[n - validation];
    System.arraycopy(order, 0, v, 0, validation);
    System.arraycopy(order, validation, t, 0, t.length);
    return new Split(all.subset(t), all.subset(v), v);
  }

  /** The summary the data view shows: counts per class and the first few images of each. */
  DatasetSummary summary() {
    List<String> classes = all.classLabels();
    List<List<BufferedImage>> thumbs = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      thumbs.add(new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      List<BufferedImage> list = thumbs.get(all.label(i));
      if (list.size() < THUMBNAILS_PER_CLASS) {
        list.add(ImageInput.toImage(all.image(i)));
      }
    }
    String where =
        source == null
            ? "Fashion-MNIST (training images; 10,000 more for testing)"
            : source.toString();
    return new DatasetSummary(
        where,
        classes,
        all.classCounts(),
        thumbs,
        sizes + ", as the network sees them",
        skipped.size());
  }

  /** The range of the files' pixel sizes, read from their headers. */
  private static String sizes(List<Path> files, Shape shape) {
    int minW = Integer.MAX_VALUE;
    int minH = Integer.MAX_VALUE;
    int maxW = 0;
    int maxH = 0;
    for (Path file : files) {
      int[] wh = dimensions(file);
      if (wh == null) {
        continue;
      }
      if ((long) wh[0] * wh[1] < (long) minW * minH) {
        minW = wh[0];
        minH = wh[1];
      }
      if ((long) wh[0] * wh[1] > (long) maxW * maxH) {
        maxW = wh[0];
        maxH = wh[1];
      }
    }
    String target = shape.height() + "×" + shape.width();
    if (maxW == 0) {
      return "scaled to " + target;
    }
    String range =
        minW == maxW && minH == maxH
            ? minW + "×" + minH
            : String.format(Locale.ROOT, "%d×%d to %d×%d", minW, minH, maxW, maxH);
    return range + " pixels, scaled to " + target;
  }

  private static int[] dimensions(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return null;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
