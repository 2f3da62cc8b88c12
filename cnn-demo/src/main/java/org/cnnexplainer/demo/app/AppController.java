package org.cnnexplainer.demo.app;

import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.image.InvalidImageException;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.draw.DrawingPad;

/**
 * What the window does with models and images: loads them off the event thread, installs them in
 * the shared state (the only class of the window that sets its network, input and trace; the
 * drawing dialog it opens sets the input), keeps the image strip's images, and reports failures
 * without changing what is shown. It knows the views it drives, never the frame that holds them.
 */
final class AppController {
  private final ExplainerState state;
  private final AppPreferences prefs;
  private final ImageStrip strip;
  private final StatusBar status;
  private final JFrame window; // the owner of dialogs; its title names the model
  private final PaintTimer timer;
  private final AppProbe probe;
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

  /**
   * A controller that loads into {@code state}, offers the images in {@code strip}, reports on
   * {@code status} and in {@code window}'s title, and tells {@code timer} and {@code probe} what it
   * did.
   */
  AppController(
      ExplainerState state,
      AppPreferences prefs,
      ImageStrip strip,
      StatusBar status,
      JFrame window,
      PaintTimer timer,
      AppProbe probe) {
    this.state = state;
    this.prefs = prefs;
    this.strip = strip;
    this.status = status;
    this.window = window;
    this.timer = timer;
    this.probe = probe;
    strip.setOnChoose(this::chooseImage);
    strip.setOnAdd(this::addImageFromChooser);
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
      source = startSource(prefs, modelPath);
    } catch (IOException e) {
      ErrorDialogs.modelFailed(window, modelPath.toString(), e, false);
      source = ModelMenu.defaultBundled();
    }
    if (source.isEmpty()) {
      status.showMessage("No model yet: choose Model ▸ Open model… (a TF.js model.json)");
      return;
    }
    open(source.get(), imagePath);
  }

  /**
   * Loads {@code source}: its structure shows as soon as the network is read; then its examples
   * and, with {@code imagePath} (or its first example), its activations.
   */
  void open(ModelSource source, Path imagePath) {
    status.showMessage("Loading " + source.name() + "…");
    EarlyNetwork first = early;
    early = null; // only the first model is read early
    loader.load(
        source,
        first,
        network -> {
          if (state.network().orElse(null) != network) {
            state.setNetwork(network);
            strip.setExamples(List.of());
          }
        },
        loaded -> {
          PaintTimer.mark("model and examples loaded");
          model = loaded.source();
          inMemoryModel = null;
          image = null;
          if (state.network().orElse(null) != loaded.network()) {
            state.setNetwork(loaded.network());
          }
          strip.setExamples(loaded.examples());
          prefs.rememberModel(source);
          window.setTitle("CNN Explainer — " + source.name());
          if (!loaded.examples().isEmpty()) {
            // The first example shows at once; an image from the command line replaces it when
            // read, and if it cannot be read the example stays.
            strip.showSelected(0);
            image = loaded.examples().get(0);
            state.setTrace(loaded.firstTrace());
          } else if (imagePath == null) {
            status.showMessage("This model has no example images: add one with +");
          }
          if (imagePath != null) {
            addImage(imagePath);
          }
          probe.changed();
        },
        error -> {
          boolean hadModel = state.network().isPresent();
          status.showMessage(
              hadModel ? null : "No model loaded: choose Model ▸ Open model… (a TF.js model.json)");
          ErrorDialogs.modelFailed(window, source.label(), error, hadModel);
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
    state.setNetwork(network);
    strip.setExamples(images);
    window.setTitle("CNN Explainer — " + name);
    if (!images.isEmpty()) {
      int chosen = Math.max(0, Math.min(selected, images.size() - 1));
      strip.showSelected(chosen);
      chooseImage(images.get(chosen));
    }
    probe.changed();
  }

  /** Waits briefly for the first model's network, so the window's first frame shows it. */
  void awaitFirstNetwork() {
    loader.awaitNetwork(600);
  }

  /** Shows {@code example} (called by the strip). */
  void chooseImage(Example example) {
    if (state.network().isEmpty()) {
      return;
    }
    image = example;
    timer.imageChosen();
    state.setInput(example.input());
  }

  /**
   * Opens the drawing pad (File &gt; Draw an input) for a network with small grayscale inputs, or
   * says why it is not offered.
   */
  void draw() {
    Network network = state.network().orElse(null);
    if (!DrawDialog.fits(network)) {
      JOptionPane.showMessageDialog(
          window,
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
      drawing = new DrawDialog(window, state, () -> image = null);
    }
    drawing.setVisible(true);
    drawing.toFront();
    probe.changed();
  }

  /** The drawing dialog once opened, else null (for the end-to-end tests' probe). */
  DrawDialog drawing() {
    return drawing;
  }

  void addImageFromChooser() {
    FileChoosers.openImage(window).ifPresent(this::addImage);
  }

  void openModelFromChooser() {
    FileChoosers.openModel(window).ifPresent(this::openFile);
  }

  /**
   * Opens the model at {@code path} (a model.json or its folder); false, after saying why, when it
   * is no model (a failure while loading is reported later, keeping what is shown).
   */
  boolean openFile(Path path) {
    try {
      open(ModelSource.file(path));
      return true;
    } catch (IOException e) {
      ErrorDialogs.modelFailed(window, path.toString(), e, state.network().isPresent());
      return false;
    }
  }

  /**
   * Reads an image file off the event thread and adds it; a failure leaves everything as it was.
   */
  void addImage(Path file) {
    Network network = state.network().orElse(null);
    if (network == null) {
      ErrorDialogs.imageFailed(window, file.toString(), new IOException("open a model first"));
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
            SwingUtilities.invokeLater(() -> ErrorDialogs.imageFailed(window, file.toString(), e));
          }
        });
  }

  /** Adds a pasted or dropped picture. */
  void addImage(BufferedImage picture) {
    Network network = state.network().orElse(null);
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
      ErrorDialogs.imageFailed(window, "the clipboard", e);
    }
  }

  /** Adds {@code example} (or selects the same image when the strip already has it). */
  private void addIfCurrent(Network network, Example example) {
    if (state.network().orElse(null) != network) {
      return;
    }
    int same = strip.indexOfSame(example);
    if (same >= 0) {
      strip.select(same);
    } else {
      strip.addAndSelect(example);
    }
  }

  String modelName() {
    return model == null ? inMemoryModel : model.name();
  }

  String imageName() {
    return image == null ? null : image.name();
  }
}
