package org.cnnexplainer.viz.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.swing.JComponent;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.ops.OperationView;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * The integrated-gradients view, the occlusion sweep and the stepping of all three attribution
 * views, painted headless (animation off): every colour is the colour of cnn-core's number, every
 * number written is cnn-core's, and no two texts overlap at any step, at the app's sizes.
 */
class AttributionStepViewsTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(3, 30, 30, 4, 5);
  private static final Tensor IMAGE = TestNetworks.image(Shape.image(3, 30, 30), 2);
  private static final int[][] SIZES = {{1024, 700}, {720, 460}, {1900, 1000}};

  /** Paints headless (with {@code -Dviz.shots=DIR} also into that folder). */
  private static BufferedImage paint(OperationView view, int width, int height) throws IOException {
    return AttributionViewsTest.paint(view.component(), width, height);
  }

  private static String hex(int rgb) {
    return String.format("%06x", rgb & 0xffffff);
  }

  /** The colour painted at the centre of cell {@code (y, x)} of a grid region. */
  private static int cell(BufferedImage image, HitMap.Region region, int y, int x) {
    Rectangle2D b = region.bounds();
    return image.getRGB(
            (int) (b.getX() + (x + 0.5) * b.getWidth() / region.columns()),
            (int) (b.getY() + (y + 0.5) * b.getHeight() / region.rows()))
        & 0xffffff;
  }

  private static float sumOverChannels(Tensor t, int y, int x) {
    float s = 0;
    for (int c = 0; c < t.shape().channels(); c++) {
      s += t.get(c, y, x);
    }
    return s;
  }

  private static float extent(Tensor t) {
    float m = 0;
    for (int y = 0; y < t.shape().height(); y++) {
      for (int x = 0; x < t.shape().width(); x++) {
        m = Math.max(m, Math.abs(sumOverChannels(t, y, x)));
      }
    }
    return m;
  }

  private static List<String> written(OperationView view) {
    return view.paintedTexts().stream().map(PaintedText::text).toList();
  }

  private static void assertReadable(OperationView view, int width, int height, String where) {
    Optional<String> overlap = PaintedText.firstOverlap(view.paintedTexts(), 0.5);
    assertTrue(overlap.isEmpty(), where + ": " + overlap.orElse(""));
    for (PaintedText t : view.paintedTexts()) {
      Rectangle2D b = t.bounds();
      assertTrue(
          b.getX() >= 0 && b.getMaxX() <= width + 0.5 && b.getY() >= 0 && b.getMaxY() <= height,
          where + ": " + t + " outside " + width + "x" + height);
    }
  }

  private static void click(JComponent view, double x, double y) {
    MouseEvent e =
        new MouseEvent(
            view,
            MouseEvent.MOUSE_PRESSED,
            0,
            0,
            (int) x,
            (int) y,
            (int) x,
            (int) y,
            1,
            false,
            MouseEvent.BUTTON1);
    for (MouseListener listener : view.getMouseListeners()) {
      listener.mousePressed(e);
    }
  }

  @Test
  void integratedGradientsShowsThePathTheStepsAndTheCompletenessCheckWithCoreNumbers()
      throws IOException {
    IntegratedGradients ig = IntegratedGradients.of(NETWORK, IMAGE, 2, 8);
    IntegratedGradientsView view = new IntegratedGradientsView();
    view.setContent(ig, "pizza");
    assertEquals(8, view.currentStep(), "starts at the image itself, the last step");
    BufferedImage picture = paint(view, 1024, 700);
    List<String> texts = written(view);
    assertTrue(
        texts.contains(
            "Completeness: Σ IG = "
                + OverlayPainter.number(ig.sum())
                + "  ≈  S(x) − S(0) = "
                + OverlayPainter.number(ig.logit())
                + " − "
                + OverlayPainter.number(ig.baselineLogit())),
        texts.toString());
    assertTrue(
        view.hits()
            .text("gap")
            .orElseThrow()
            .contains(OverlayPainter.number(ig.completenessGap())));
    // The path strip: one thumbnail per step, from black to the image.
    List<HitMap.Region> strip = view.hits().all(HitMap.Kind.STRIP);
    assertEquals(9, strip.size());
    Rectangle2D black = strip.get(0).bounds();
    assertEquals("000000", hex(picture.getRGB((int) black.getCenterX(), (int) black.getCenterY())));
    // The scales shared by all steps are the largest channel sums of core's tensors.
    float gradientExtent = 0;
    float averageExtent = 0;
    for (int k = 1; k <= 8; k++) {
      gradientExtent = Math.max(gradientExtent, extent(ig.stepGradient(k)));
      averageExtent = Math.max(averageExtent, extent(ig.runningAverage(k)));
    }
    assertEquals(gradientExtent, view.gradientExtent());
    assertEquals(averageExtent, view.averageExtent());
    assertEquals(extent(ig.values()), view.attributionExtent());
    for (int k : new int[] {8, 3, 1}) {
      view.setStep(k);
      picture = paint(view, 1024, 700);
      HitMap hits = view.hits();
      HitMap.Region path = hits.find(HitMap.Kind.CHANNEL, IntegratedGradientsView.PATH_IMAGE).get();
      HitMap.Region gradient =
          hits.find(HitMap.Kind.CHANNEL, IntegratedGradientsView.GRADIENT).get();
      HitMap.Region average =
          hits.find(HitMap.Kind.CHANNEL, IntegratedGradientsView.RUNNING_AVERAGE).get();
      HitMap.Region attribution =
          hits.find(HitMap.Kind.CHANNEL, IntegratedGradientsView.ATTRIBUTION).get();
      Tensor pathImage = ig.pathImage(k);
      for (int[] p : new int[][] {{0, 0}, {15, 12}, {29, 29}, {7, 21}}) {
        int y = p[0];
        int x = p[1];
        int r = Math.round(Math.max(0, Math.min(1, pathImage.get(0, y, x))) * 255);
        int g = Math.round(Math.max(0, Math.min(1, pathImage.get(1, y, x))) * 255);
        int b = Math.round(Math.max(0, Math.min(1, pathImage.get(2, y, x))) * 255);
        assertEquals(hex(r << 16 | g << 8 | b), hex(cell(picture, path, y, x)), "path " + k);
        assertEquals(
            hex(OverlayMap.signedRgb(sumOverChannels(ig.stepGradient(k), y, x), gradientExtent)),
            hex(cell(picture, gradient, y, x)),
            "gradient at step " + k);
        assertEquals(
            hex(OverlayMap.signedRgb(sumOverChannels(ig.runningAverage(k), y, x), averageExtent)),
            hex(cell(picture, average, y, x)),
            "running average at step " + k);
        assertEquals(
            hex(OverlayMap.signedRgb(sumOverChannels(ig.values(), y, x), extent(ig.values()))),
            hex(cell(picture, attribution, y, x)),
            "attribution");
      }
      assertTrue(
          written(view).stream()
              .anyMatch(t -> t.contains("S = " + OverlayPainter.number(ig.stepLogit(k)))),
          written(view).toString());
    }
    // Step 0 is the baseline: its score, no gradient.
    view.setStep(0);
    paint(view, 1024, 700);
    assertTrue(view.hits().find(HitMap.Kind.CHANNEL, IntegratedGradientsView.GRADIENT).isEmpty());
    assertTrue(
        view.hits()
            .text("explanation")
            .orElseThrow()
            .contains("S(0) = " + OverlayPainter.number(ig.baselineLogit())));
    // A click on the strip picks that step.
    Rectangle2D fifth = view.hits().all(HitMap.Kind.STRIP).get(5).bounds();
    click(view, fifth.getCenterX(), fifth.getCenterY());
    assertEquals(5, view.currentStep());
  }

  @Test
  void occlusionSweepFillsTheDropGridWithCoreDropsBehindThePatch() throws IOException {
    Occlusion occlusion = Occlusion.of(NETWORK, IMAGE, 6, 8, 4, 0.5f);
    OcclusionSweep sweep = new OcclusionSweep();
    sweep.setContent(occlusion, IMAGE, "espresso");
    int rows = occlusion.rows();
    int columns = occlusion.columns();
    assertEquals(rows * columns - 1, sweep.currentStep(), "animation off: the finished sweep");
    assertFalse(sweep.isPlaying());
    float extent = 0;
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < columns; q++) {
        extent = Math.max(extent, Math.abs(occlusion.drop(r, q)));
      }
    }
    assertEquals(extent, sweep.extent());
    BufferedImage picture = paint(sweep, 1024, 700);
    HitMap.Region grid = sweep.hits().all(HitMap.Kind.OUTPUT_CELL).get(0);
    assertEquals(rows, grid.rows());
    assertEquals(columns, grid.columns());
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < columns; q++) {
        if (r == rows - 1 && q == columns - 1) {
          continue; // framed: the current position
        }
        assertEquals(
            hex(OverlayMap.signedRgb(occlusion.drop(r, q), extent)),
            hex(cell(picture, grid, r, q)),
            "drop " + r + "," + q);
      }
    }
    // Part way: the positions swept so far are filled, the rest are not yet.
    sweep.setStep(columns + 2);
    assertEquals(1, sweep.position()[0]);
    assertEquals(2, sweep.position()[1]);
    picture = paint(sweep, 1024, 700);
    grid = sweep.hits().all(HitMap.Kind.OUTPUT_CELL).get(0);
    assertEquals(
        hex(OverlayMap.signedRgb(occlusion.drop(0, 3), extent)), hex(cell(picture, grid, 0, 3)));
    assertEquals(
        hex(AttributionOverlay.background().getRGB()), hex(cell(picture, grid, rows - 1, 1)));
    String position = sweep.hits().text("position").orElseThrow();
    assertEquals(
        "Position (1, 2): S with the patch = "
            + OverlayPainter.number(occlusion.occludedLogits().get(0, 1, 2))
            + ", drop = S(x) − S = "
            + OverlayPainter.number(occlusion.drop(1, 2)),
        position);
    // The patch, in the fill value's grey, where the network saw it.
    HitMap.Region image = sweep.hits().find(HitMap.Kind.INPUT_CELL, OcclusionSweep.IMAGE).get();
    int patchCentreY = 1 * occlusion.stride() + occlusion.patch() / 2;
    int patchCentreX = 2 * occlusion.stride() + occlusion.patch() / 2;
    assertEquals("808080", hex(cell(picture, image, patchCentreY, patchCentreX)));
    // A click on a grid cell moves the patch there; playing with animation off finishes at once.
    Rectangle2D b = grid.bounds();
    click(
        sweep,
        b.getX() + (3 + 0.5) * b.getWidth() / columns,
        b.getY() + (2 + 0.5) * b.getHeight() / rows);
    assertEquals(2 * columns + 3, sweep.currentStep());
    sweep.setPlaying(true);
    assertEquals(rows * columns - 1, sweep.currentStep());
    assertFalse(sweep.isPlaying());
  }

  @Test
  void everyStepOfEveryViewIsReadableAtTheAppSizes() throws IOException {
    IntegratedGradientsView ig = new IntegratedGradientsView();
    ig.setContent(IntegratedGradients.of(NETWORK, IMAGE, 6, 32), "espresso");
    OcclusionSweep sweep = new OcclusionSweep();
    sweep.setContent(Occlusion.of(NETWORK, IMAGE, 6, 8, 4, 0f), IMAGE, "espresso");
    GradCamSteps cam = new GradCamSteps();
    cam.setContent(GradCam.of(NETWORK.trace(IMAGE), 6, "relu_2_2"), IMAGE, "espresso");
    for (AttributionCard view : List.of(ig, sweep, cam)) {
      assertTrue(view.isAnimated());
      assertTrue(view.neuron().isEmpty());
      for (int[] size : SIZES) {
        int steps = view.stepCount();
        for (int s : new int[] {0, 1, steps / 2, steps - 1}) {
          view.setStep(s);
          paint(view, size[0], size[1]);
          assertReadable(view, size[0], size[1], view.concept() + " step " + s + " " + size[0]);
        }
      }
      view.setFraction(0);
      assertEquals(0, view.currentStep());
      assertEquals(0, view.fraction());
      view.setFraction(1);
      assertEquals(view.stepCount() - 1, view.currentStep());
      view.setStep(0);
      view.step();
      assertEquals(1, view.currentStep());
    }
    assertEquals("integrated-gradients", ig.concept());
    assertEquals("occlusion", sweep.concept());
    assertEquals("grad-cam", cam.concept());
  }
}
