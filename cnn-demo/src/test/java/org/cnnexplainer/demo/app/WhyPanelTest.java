package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.AttributionMethod;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.core.attribution.Saliency;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.attribution.GradCamSteps;
import org.cnnexplainer.viz.attribution.IntegratedGradientsView;
import org.cnnexplainer.viz.attribution.OcclusionSweep;
import org.cnnexplainer.viz.attribution.OverlayMap;
import org.junit.jupiter.api.Test;

/**
 * The "Why?" panel, headless: the prediction is explained first, the overlays and step views show
 * cnn-core's results for the classes chosen, a comparison shows both classes side by side, answers
 * computed for an overtaken choice or an image no longer shown are dropped, and every method has a
 * tutorial page.
 */
class WhyPanelTest {
  private static final Network NETWORK = SeededModel.network(7);

  private static Tensor image(long seed) {
    return ImageInput.fromImage(SeededModel.image(seed), NETWORK.inputShape());
  }

  /** An executor that keeps the jobs until the test runs them, in any order. */
  private static final class Held implements Executor {
    final Deque<Runnable> jobs = new ArrayDeque<>();

    @Override
    public void execute(Runnable job) {
      jobs.add(job);
    }
  }

  /** A state (changes delivered at once) showing {@code trace} of its network. */
  private static ExplainerState showing(ActivationTrace trace) {
    ExplainerState state = new ExplainerState(Runnable::run);
    state.setNetwork(trace.network());
    state.setTrace(trace);
    return state;
  }

  private static void onEdt(Runnable action) throws Exception {
    SwingUtilities.invokeAndWait(action);
  }

  @Test
  void explainsThePredictionWithCoreResultsAndComparesTwoClasses() throws Exception {
    onEdt(
        () -> {
          ActivationTrace trace = NETWORK.trace(image(3));
          ExplainerState state = showing(trace);
          List<Concept> opened = new ArrayList<>();
          WhyPanel panel = new WhyPanel(state, Runnable::run, Runnable::run, opened::add);
          panel.addNotify();
          int predicted = trace.predicted().index();
          Why shown = panel.shown().orElseThrow();
          assertEquals(predicted, shown.classIndex(), "the prediction is explained first");
          assertEquals(AttributionMethod.SALIENCY, shown.method());
          Saliency saliency = Saliency.of(trace, predicted);
          OverlayMap map = panel.firstOverlay().map().orElseThrow();
          Tensor g = saliency.values();
          assertEquals(g.get(0, 5, 9), map.value(5, 9), 0f);
          assertTrue(panel.stepView().isEmpty(), "saliency has no steps");

          int other = (predicted + 1) % 10;
          panel.choose(predicted, AttributionMethod.GRAD_CAM, other);
          shown = panel.shown().orElseThrow();
          GradCam cam = (GradCam) shown.result();
          assertEquals(GradCam.defaultLayer(NETWORK), cam.layer());
          assertEquals(
              GradCam.of(trace, predicted, cam.layer()).map().get(0, 1, 1), cam.map().get(0, 1, 1));
          assertEquals(other, shown.compareIndex());
          assertEquals(
              GradCam.of(trace, other, cam.layer()).upsampled().get(0, 4, 4),
              panel.secondOverlay().map().orElseThrow().value(4, 4),
              0f);
          assertSame(panel.firstOverlay().getParent(), panel.secondOverlay().getParent());
          assertSame(cam, ((GradCamSteps) panel.stepView().orElseThrow()).content());

          panel.choose(other, AttributionMethod.INTEGRATED_GRADIENTS, -1);
          IntegratedGradients ig =
              ((IntegratedGradientsView) panel.stepView().orElseThrow()).content();
          assertEquals(other, ig.classIndex());
          assertEquals(IntegratedGradients.DEFAULT_STEPS, ig.steps());
          assertNull(panel.secondOverlay().getParent(), "no comparison: one overlay");

          panel.choose(predicted, AttributionMethod.OCCLUSION, -1);
          OcclusionSweep sweep = (OcclusionSweep) panel.stepView().orElseThrow();
          Occlusion occlusion = (Occlusion) panel.shown().orElseThrow().result();
          assertEquals(8, occlusion.patch());
          assertEquals(4, occlusion.stride());
          assertEquals(occlusion.rows() * occlusion.columns(), sweep.stepCount());

          // Every method has its tutorial page, opened by "How to read it".
          for (AttributionMethod m : AttributionMethod.values()) {
            panel.choose(predicted, m, -1);
            assertTrue(TutorialPanel.html(panel.concept()).contains("<h2>"), m.id());
          }
          panel.choose(predicted, AttributionMethod.SMOOTHGRAD, -1);
          assertEquals(Concept.SALIENCY, panel.concept());

          // A new image: its prediction is explained.
          ActivationTrace next = NETWORK.trace(image(11));
          state.setTrace(next);
          assertSame(next, panel.shown().orElseThrow().trace());
          assertEquals(next.predicted().index(), panel.chosenClass());
          panel.removeNotify();
        });
  }

  @Test
  void aColourImagesOverlayShowsTheChosenChannel() throws Exception {
    Network rgb = SeededModel.network(7, 3);
    onEdt(
        () -> {
          ActivationTrace trace =
              rgb.trace(ImageInput.fromImage(SeededModel.image(3), rgb.inputShape()));
          ExplainerState state = showing(trace);
          WhyPanel panel = new WhyPanel(state, Runnable::run, Runnable::run, c -> {});
          panel.addNotify();
          int predicted = trace.predicted().index();
          Tensor g = Saliency.of(trace, predicted).values();
          assertTrue(panel.channelsChoosable(), "saliency of an RGB image has three channels");
          OverlayMap sum = panel.firstOverlay().map().orElseThrow();
          assertEquals(OverlayMap.Channels.SUM, sum.channels());
          assertEquals(g.get(0, 5, 9) + g.get(1, 5, 9) + g.get(2, 5, 9), sum.value(5, 9), 1e-6f);

          panel.showChannels(OverlayMap.Channels.GREEN);
          OverlayMap green = panel.firstOverlay().map().orElseThrow();
          assertEquals(OverlayMap.Channels.GREEN, green.channels());
          assertEquals(g.get(1, 5, 9), green.value(5, 9), 0f);

          panel.choose(predicted, AttributionMethod.GRAD_CAM, -1);
          assertFalse(panel.channelsChoosable(), "Grad-CAM has one value per pixel");
          assertEquals(
              OverlayMap.Channels.SUM, panel.firstOverlay().map().orElseThrow().channels());
          panel.removeNotify();
        });
  }

  @Test
  void answersOfOvertakenChoicesAndOldImagesAreDropped() throws Exception {
    onEdt(
        () -> {
          ActivationTrace trace = NETWORK.trace(image(3));
          ExplainerState state = showing(trace);
          Held background = new Held();
          WhyPanel panel = new WhyPanel(state, background, Runnable::run, c -> {});
          panel.addNotify();
          panel.choose(1, AttributionMethod.SALIENCY, -1);
          panel.choose(2, AttributionMethod.GRADIENT_X_INPUT, -1);
          Runnable newest = background.jobs.removeLast();
          newest.run();
          assertEquals(2, panel.shown().orElseThrow().classIndex());
          while (!background.jobs.isEmpty()) {
            background.jobs.removeFirst().run(); // older answers arrive late
          }
          assertEquals(2, panel.shown().orElseThrow().classIndex(), "the newest choice stays");
          assertEquals(AttributionMethod.GRADIENT_X_INPUT, panel.shown().orElseThrow().method());

          // An answer for the image shown before is not shown.
          panel.choose(3, AttributionMethod.SALIENCY, -1);
          Runnable forOldImage = background.jobs.removeLast();
          state.setTrace(NETWORK.trace(image(5))); // asks again, for the new trace
          forOldImage.run();
          assertEquals(2, panel.shown().orElseThrow().classIndex());
          background.jobs.removeLast().run();
          assertSame(state.trace().orElseThrow(), panel.shown().orElseThrow().trace());
          panel.removeNotify();
        });
  }

  @Test
  void theSwitchBenchmarkMeasuresEveryMethodBothWays() {
    WhyBenchmark.Result r = WhyBenchmark.run(NETWORK, image(3), 0, 1);
    for (AttributionMethod m : AttributionMethod.values()) {
      assertTrue(r.classSwitchMedianMs().get(m) > 0, m.id());
      assertTrue(r.methodSwitchMedianMs().get(m) > 0, m.id());
    }
    assertTrue(r.toJson().contains("\"integrated-gradients\": "), r.toJson());
  }
}
