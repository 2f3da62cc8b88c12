package org.example.consumer;

import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.SavedTrace;
import org.cnnexplainer.core.TraceJson;
import org.cnnexplainer.core.image.ImageClassifier;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.models.BundledModels;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.panel.NeuronViews;
import org.cnnexplainer.viz.ops.StateView;
import org.cnnexplainer.viz.overview.NetworkOverview;

/**
 * Uses the libraries as an application of its own would, headless, and prints what it saw:
 * {@code java org.example.consumer.Consumer IMAGE OUT_DIR}.
 */
public final class Consumer {
  private Consumer() {}

  public static void main(String[] args) throws Exception {
    Path image = Path.of(args[0]);
    Path outDir = Files.createDirectories(Path.of(args[1]));
    System.out.println("module: " + Consumer.class.getModule().isNamed());

    // cnn-models and cnn-core: the bundled model, classified in one call.
    Network network = BundledModels.load("tiny-vgg-fashion");
    ImageClassifier classifier = new ImageClassifier(network);
    List<ClassScore> top = classifier.classify(image, 2);
    System.out.printf("top: %s %.4f%n", top.get(0).label(), top.get(0).probability());

    // The trace JSON format: written and read back.
    ActivationTrace trace = classifier.trace(image);
    Path json = outDir.resolve("trace.json");
    try (Writer out = Files.newBufferedWriter(json)) {
      TraceJson.write(trace, image.getFileName().toString(), out);
    }
    try (Reader in = Files.newBufferedReader(json)) {
      SavedTrace saved = TraceJson.read(in, network);
      System.out.println("reloaded: " + saved.inputName() + " " + saved.trace().predicted().label());
    }

    // cnn-viz-swing: the state traces in the background; the future says when.
    try (ExplainerState state = onEdt(ExplainerState::new)) {
      ActivationTrace traced =
          onEdt(
                  () -> {
                    state.setNetwork(network);
                    return state.setInput(ImageInput.fromFile(image, network.inputShape()));
                  })
              .get(30, TimeUnit.SECONDS);
      System.out.println("state traced: " + traced.predicted().label());

      AtomicReference<String> clicked = new AtomicReference<>("nothing");
      JComponent view =
          onEdt(
              () -> {
                NetworkOverview overview = new NetworkOverview(state);
                overview.addNeuronClickListener(
                    click -> {
                      click.consume();
                      clicked.set(
                          network.layer(click.neuron().layer()).name()
                              + " #"
                              + click.neuron().neuron());
                    });
                paint(overview, 1000, 600);
                Rectangle2D box = overview.hitMap().boundsOf(new NeuronRef(0, 2)).orElseThrow();
                click(overview, box.getCenterX(), box.getCenterY());

                JComponent v = NeuronViews.create(state, new NeuronRef(0, 2)).orElseThrow().component();
                Animator.setAnimated(v, false);
                paint(v, 900, 600);
                return v;
              });
      System.out.println("clicked: " + clicked.get() + ", selection " + onEdt(state::selection));
      System.out.println("view: " + view.getClass().getSimpleName());

      // The same layers (here with other labels) keep the view; other layers detach it: blank.
      String attached =
          onEdt(
              () -> {
                StateView v = (StateView) view;
                state.setNetwork(network.withClassLabels(network.classLabels()));
                paint(v, 900, 600);
                boolean sameLayers = v.isAttached();
                state.setNetwork(
                    new Network("flat", network.inputShape(), List.of(new Flatten("f")), null));
                paint(v, 900, 600);
                return sameLayers + "/" + v.isAttached();
              });
      System.out.println("attached with the same layers/other layers: " + attached);
    }
    System.out.println("done");
  }

  private static void paint(JComponent component, int width, int height) {
    component.addNotify();
    component.setSize(width, height);
    component.validate();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    component.printAll(image.createGraphics());
  }

  /** A click as the user would make it (headless: straight to the component's listeners). */
  private static void click(JComponent component, double x, double y) {
    int ix = (int) Math.round(x);
    int iy = (int) Math.round(y);
    MouseEvent e =
        new MouseEvent(
            component, MouseEvent.MOUSE_CLICKED, 0, 0, ix, iy, ix, iy, 1, false,
            MouseEvent.BUTTON1);
    for (MouseListener l : component.getMouseListeners()) {
      if (!(l instanceof ToolTipManager)) {
        l.mouseClicked(e);
      }
    }
  }

  private interface EdtCall<T> {
    T call() throws Exception;
  }

  private static <T> T onEdt(EdtCall<T> call) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(call.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
