package org.cnnexplainer.demo.app;

import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.image.InvalidImageException;
import org.cnnexplainer.viz.draw.DrawingPad;

/**
 * What the window does with models and images: loads them off the event thread, installs them in
 * the shared state, and reports failures without changing what is shown.
 */
final class AppController {
  private final ExplainerFrame frame;
  private final ModelLoader loader = new ModelLoader();
  private final ExecutorService images =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cnn-demo-image-reader");
            t.setDaemon(true);
            return t;
          });
  private ModelSource model;
  private String inMemoryModel;
  private Example image;
  private DrawDialog drawing;
  private EarlyNetwork early;

  AppController(ExplainerFrame frame) {
    this.frame = frame;
  }

  /** The model to start with: {@code modelPath} when given, else the last one, else the bundled. */
  static Optional<ModelSource> startSource(AppPreferences prefs, Path modelPath)
      throws IOException {
    return modelPath != null
        ? Optional.of(ModelSource.file(modelPath))
        : prefs.lastModel().flatMap(ModelSource::fromKey).or(ModelMenu::defaultBundled);
  }

  /**
   * Opens the model named on the command line, else the last one, else the bundled one; {@code
   * early} may hold its network already (or {@code null}).
   */
  void start(Path modelPath, Path imagePath, EarlyNetwork early) {
    this.early = early;
    Optional<ModelSource> source;
    try {
      source = startSource(frame.prefs, modelPath);
    } catch (IOException e) {
      ErrorDialogs.modelFailed(frame, modelPath.toString(), e, false);
      source = ModelMenu.defaultBundled();
    }
    if (source.isEmpty()) {
      frame.status.showMessage("No model yet: choose Model ▸ Open model… (a TF.js model.json)");
      return;
    }
    open(source.get(), imagePath);
  }

  /**
   * Loads {@code source}: its structure shows as soon as the network is read; then its examples
   * and, with {@code imagePath} (or its first example), its activations.
   */
  void open(ModelSource source, Path imagePath) {
    frame.status.showMessage("Loading " + source.name() + "…");
    EarlyNetwork first = early;
    early = null; // only the first model is read early
    loader.load(
        source,
        first,
        network -> {
          if (frame.state.network().orElse(null) != network) {
            frame.state.setNetwork(network);
            frame.strip.setExamples(List.of());
            frame.strip.showInput(null);
          }
        },
        loaded -> {
          PaintTimer.mark("model and examples loaded");
          model = loaded.source();
          inMemoryModel = null;
          image = null;
          if (frame.state.network().orElse(null) != loaded.network()) {
            frame.state.setNetwork(loaded.network());
          }
          frame.strip.setExamples(loaded.examples());
          frame.strip.showInput(null);
          frame.prefs.rememberModel(source);
          frame.setTitle("CNN Explainer — " + source.name());
          if (!loaded.examples().isEmpty()) {
            // The first example shows at once; an image from the command line replaces it when
            // read, and if it cannot be read the example stays.
            frame.strip.showSelected(0);
            image = loaded.examples().get(0);
            frame.state.setTrace(loaded.firstTrace());
          } else if (imagePath == null) {
            frame.status.showMessage("This model has no example images: add one with +");
          }
          if (imagePath != null) {
            addImage(imagePath);
          }
          frame.dump();
        },
        error -> {
          boolean hadModel = frame.state.network().isPresent();
          frame.status.showMessage(
              hadModel ? null : "No model loaded: choose Model ▸ Open model… (a TF.js model.json)");
          ErrorDialogs.modelFailed(frame, source.label(), error, hadModel);
        });
  }

  void open(ModelSource source) {
    open(source, null);
  }

  /**
   * Shows a network that is not in a file (one the Learning Lab just trained) with {@code images}
   * in the strip and {@code selected} chosen.
   */
  void showInMemory(String name, Network network, List<Example> images, int selected) {
    model = null;
    inMemoryModel = name;
    frame.state.setNetwork(network);
    frame.strip.setExamples(images);
    frame.strip.showInput(null);
    frame.setTitle("CNN Explainer — " + name);
    if (!images.isEmpty()) {
      int chosen = Math.max(0, Math.min(selected, images.size() - 1));
      frame.strip.showSelected(chosen);
      chooseImage(images.get(chosen));
    }
    frame.dump();
  }

  /** Waits briefly for the first model's network, so the window's first frame shows it. */
  void awaitFirstNetwork() {
    loader.awaitNetwork(600);
  }

  /** Shows {@code example} (called by the strip). */
  void chooseImage(Example example) {
    if (frame.state.network().isEmpty()) {
      return;
    }
    image = example;
    frame.timer.imageChosen();
    frame.state.setInput(example.input());
  }

  /**
   * Opens the drawing pad (File &gt; Draw an input) for a network with small grayscale inputs, or
   * says why it is not offered.
   */
  void draw() {
    Network network = frame.state.network().orElse(null);
    if (!DrawDialog.fits(network)) {
      JOptionPane.showMessageDialog(
          frame,
          network == null
              ? "Open a model first."
              : "Drawing is offered for models with small grayscale inputs (one channel, at most "
                  + DrawingPad.MAX_SUITED_SIDE
                  + " pixels a side), such as the Fashion-MNIST model; this model takes "
                  + network.inputShape()
                  + ".",
          "Draw an input",
          JOptionPane.INFORMATION_MESSAGE);
      return;
    }
    if (drawing == null || !drawing.isDisplayable()) {
      drawing = new DrawDialog(frame, frame.state, () -> image = null);
    }
    drawing.setVisible(true);
    drawing.toFront();
    frame.dump();
  }

  /** The drawing dialog once opened, else null (for tests). */
  DrawDialog drawing() {
    return drawing;
  }

  void addImageFromChooser() {
    FileChoosers.openImage(frame).ifPresent(this::addImage);
  }

  void openModelFromChooser() {
    FileChoosers.openModel(frame)
        .ifPresent(
            path -> {
              try {
                open(ModelSource.file(path));
              } catch (IOException e) {
                ErrorDialogs.modelFailed(
                    frame, path.toString(), e, frame.state.network().isPresent());
              }
            });
  }

  /**
   * Reads an image file off the event thread and adds it; a failure leaves everything as it was.
   */
  void addImage(Path file) {
    Network network = frame.state.network().orElse(null);
    if (network == null) {
      ErrorDialogs.imageFailed(frame, file.toString(), new IOException("open a model first"));
      return;
    }
    images.execute(
        () -> {
          try {
            Tensor input = ImageInput.fromFile(file, network.inputShape());
            // Decoded within the pixel limits (subsampled when huge), like the input itself.
            BufferedImage thumb = ImageInput.read(file);
            String name = file.getFileName().toString();
            Example example = new Example(name, name, thumb, input);
            SwingUtilities.invokeLater(() -> addIfCurrent(network, example));
          } catch (IOException | RuntimeException e) {
            SwingUtilities.invokeLater(() -> ErrorDialogs.imageFailed(frame, file.toString(), e));
          }
        });
  }

  /** Adds a pasted or dropped picture. */
  void addImage(BufferedImage picture) {
    Network network = frame.state.network().orElse(null);
    if (network == null) {
      return;
    }
    Tensor input = ImageInput.fromImage(picture, network.inputShape());
    addIfCurrent(network, new Example("pasted image", "pasted image", picture, input));
  }

  void pasteImage() {
    try {
      var contents = Toolkit.getDefaultToolkit().getSystemClipboard().getContents(null);
      if (contents == null
          || !new ImageTransfer(this::addImage, this::addImage).importFrom(contents)) {
        throw new InvalidImageException("the clipboard holds no image or image file");
      }
    } catch (Exception e) {
      ErrorDialogs.imageFailed(frame, "the clipboard", e);
    }
  }

  /** Adds {@code example} (or selects the same image when the strip already has it). */
  private void addIfCurrent(Network network, Example example) {
    if (frame.state.network().orElse(null) != network) {
      return;
    }
    int same = frame.strip.indexOfSame(example);
    if (same >= 0) {
      frame.strip.select(same);
    } else {
      frame.strip.addAndSelect(example);
    }
  }

  String modelName() {
    return model == null ? inMemoryModel : model.name();
  }

  String imageName() {
    return image == null ? null : image.name();
  }

  /** All examples and added images, for tests. */
  List<Example> images() {
    return frame.strip.examples();
  }
}
