package org.cnnexplainer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.core.image.ImageClassifier;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.app.TestModels;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.ops.ConvolutionElasticView;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the samples of {@code docs/embedding.md} exactly as written and runs them: the bundled
 * model's classes, a trace saved and read back, and the window that shows a clicked neuron's view.
 */
class EmbeddingGuideTest {
  @Test
  void guideSamplesCompileAndDoWhatTheGuideSays(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Path out = dir.resolve("classes");
    assertEquals(
        List.of("ClassifyBundled", "SaveTrace", "ExplainValue", "NeuronWindow"),
        JavaSamples.extract(Path.of("..", "docs", "embedding.md"), src));
    JavaSamples.compile(src, out);

    Path modelJson = TestModels.saveSeeded(dir.resolve("model"), 21);
    Path image = TestModels.writeImage(dir.resolve("shoe.png"), 5);
    Network network = TfjsModel.load(modelJson);
    Tensor input = ImageInput.fromFile(image, network.inputShape());
    String label = network.trace(input).predicted().label();

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Path boot = Path.of("..", "models", "tiny-vgg-fashion", "examples", "ankle_boot_1.png");
      Network fashion = TfjsModel.load(Path.of("..", "models", "tiny-vgg-fashion"));
      List<ClassScore> top = new ImageClassifier(fashion).classify(boot, 3);
      List<String> printed =
          JavaSamples.runMain(loader.loadClass("ClassifyBundled"), boot.toString())
              .lines()
              .toList();
      assertEquals(3, printed.size(), String.join("\n", printed));
      for (int i = 0; i < 3; i++) {
        assertEquals(
            String.format("%s %.3f", top.get(i).label(), top.get(i).probability()), printed.get(i));
      }
      assertEquals("Ankle boot", top.get(0).label());

      Path json = dir.resolve("trace.json");
      assertEquals(
          List.of("shoe.png: " + label, "same values"),
          JavaSamples.runMain(
                  loader.loadClass("SaveTrace"),
                  modelJson.toString(),
                  image.toString(),
                  json.toString())
              .lines()
              .toList());

      // The sample's numbers are the core's: filter 1 at row 4, column 6 of the first convolution.
      ActivationTrace trace = network.trace(input);
      Conv2D conv = (Conv2D) network.layer(0);
      float traced = trace.output(0).get(1, 4, 6);
      ConvolutionStep step = ConvolutionStep.of(trace, 0, new Cell(1, 4, 6));
      assertEquals(
          List.of(
              conv.name() + " filter 1 at row 4, column 6",
              String.format(
                  "window from input row %d, column %d", step.windowTop(), step.windowLeft()),
              String.format(
                  "%.4f = bias %.4f + %d channel sums",
                  step.preActivation(), conv.bias().at(1), conv.inputChannels()),
              String.format("%s gives %.4f, the traced value", conv.activation(), traced)),
          JavaSamples.runMain(
                  loader.loadClass("ExplainValue"),
                  modelJson.toString(),
                  image.toString(),
                  conv.name())
              .lines()
              .toList());

      neuronWindowShowsTheClickedNeuron(loader.loadClass("NeuronWindow"), network, input, label);
    }
  }

  private static void neuronWindowShowsTheClickedNeuron(
      Class<?> sample, Network network, Tensor input, String label) throws Exception {
    Method build =
        sample.getMethod("neuronWindow", ExplainerState.class, Network.class, Tensor.class);
    ExplainerState state = onEdt(ExplainerState::new);
    try (state) {
      JSplitPane window = onEdt(() -> (JSplitPane) build.invoke(null, state, network, input));
      NetworkOverview overview = (NetworkOverview) window.getLeftComponent();
      JPanel detail = (JPanel) window.getRightComponent();
      JLabel status = (JLabel) detail.getComponent(0);
      long deadline = System.currentTimeMillis() + 10_000;
      while (!onEdt(status::getText).startsWith("Predicted")
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals("Predicted: " + label, onEdt(status::getText), "the future's callback");

      onEdt(
          () -> {
            overview.addNotify();
            overview.setSize(1000, 600);
            overview.validate();
            overview.printAll(
                new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB).createGraphics());
            Rectangle2D conv = overview.hitMap().boundsOf(new NeuronRef(0, 1)).orElseThrow();
            click(overview, conv.getCenterX(), conv.getCenterY());
            return null;
          });
      assertEquals("Layer " + network.layer(0).name(), onEdt(status::getText));
      Component view = onEdt(() -> detail.getComponent(1));
      ConvolutionElasticView elastic = assertInstanceOf(ConvolutionElasticView.class, view);
      assertEquals(0, elastic.layerIndex());
      assertEquals(1, elastic.filter());
      assertEquals(Optional.empty(), onEdt(state::selection), "the click was consumed");

      onEdt(
          () -> {
            Rectangle2D in = overview.hitMap().boundsOf(NeuronRef.input(0)).orElseThrow();
            click(overview, in.getCenterX(), in.getCenterY());
            return null;
          });
      assertTrue(onEdt(status::getText).startsWith("No view for"), onEdt(status::getText));
    }
    assertTrue(state.isClosed());
  }

  private static void click(NetworkOverview overview, double x, double y) {
    int ix = (int) Math.round(x);
    int iy = (int) Math.round(y);
    MouseEvent e =
        new MouseEvent(
            overview, MouseEvent.MOUSE_CLICKED, 0, 0, ix, iy, ix, iy, 1, false, MouseEvent.BUTTON1);
    for (MouseListener l : overview.getMouseListeners()) {
      if (l.getClass().getName().startsWith(NetworkOverview.class.getName())) {
        l.mouseClicked(e);
      }
    }
  }

  private interface EdtCall<T> {
    T call() throws Exception;
  }

  private static <T> T onEdt(EdtCall<T> call) throws Exception {
    Object[] result = new Object[1];
    Exception[] failure = new Exception[1];
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result[0] = call.call();
          } catch (Exception e) {
            failure[0] = e;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }
}
