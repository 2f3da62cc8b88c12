package org.cnnexplainer.viz.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Saliency;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * The overlay and the Grad-CAM steps, painted headless: the colours on screen are the colours of
 * cnn-core's numbers, and the numbers written are cnn-core's.
 */
class AttributionViewsTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(3, 30, 30, 4, 5);
  private static final Tensor IMAGE = TestNetworks.image(Shape.image(3, 30, 30), 2);
  private static final ActivationTrace TRACE = NETWORK.trace(IMAGE);

  /** Paints headless; with {@code -Dviz.shots=DIR} also writes the picture there. */
  static BufferedImage paint(JComponent component, int width, int height) throws IOException {
    return paint(component, width, height, component.getClass().getSimpleName());
  }

  /** Paints headless; with {@code -Dviz.shots=DIR} also writes {@code name-WxH.png} there. */
  static BufferedImage paint(JComponent component, int width, int height, String name)
      throws IOException {
    BufferedImage image = Headless.onEdt(() -> Headless.paint(component, width, height));
    String dir = System.getProperty("viz.shots");
    if (dir != null) {
      new File(dir).mkdirs();
      ImageIO.write(image, "png", new File(dir, name + "-" + width + "x" + height + ".png"));
    }
    return image;
  }

  @Test
  void overlayMapsSumOrPickChannelsAndTakeMagnitudes() {
    Saliency saliency = Saliency.of(TRACE, 1);
    Tensor g = saliency.values();
    OverlayMap sum = OverlayMap.of(saliency, IMAGE, OverlayMap.Channels.SUM, false);
    OverlayMap green = OverlayMap.of(saliency, IMAGE, OverlayMap.Channels.GREEN, false);
    OverlayMap magnitude = OverlayMap.of(saliency, IMAGE, OverlayMap.Channels.SUM, true);
    float extent = 0;
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 30; x++) {
        float total = g.get(0, y, x) + g.get(1, y, x) + g.get(2, y, x);
        assertEquals(total, sum.value(y, x), 1e-7f);
        assertEquals(g.get(1, y, x), green.value(y, x));
        assertEquals(Math.abs(sum.value(y, x)), magnitude.value(y, x));
        extent = Math.max(extent, Math.abs(total));
      }
    }
    assertEquals(extent, sum.extent(), 1e-7f);
    assertEquals(-extent, sum.low(), 1e-7f);
    assertEquals(0, magnitude.low());
    // Zero is white on the signed scale; the extremes are the scale's ends.
    assertEquals(0xffffff & OverlayMap.SIGNED.rgb(0.5), sum.rgb(0));
    assertEquals(OverlayMap.SIGNED.rgb(1), sum.rgb(extent));
    assertEquals(OverlayMap.SIGNED.rgb(0), sum.rgb(-extent));
    GradCam cam = GradCam.of(TRACE, 1, "relu_2_2");
    OverlayMap single = OverlayMap.of(cam, IMAGE, OverlayMap.Channels.RED, false);
    assertEquals(OverlayMap.Channels.SUM, single.channels(), "a one-channel map shows its one");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            OverlayMap.of(cam, Tensor.zeros(Shape.image(3, 8, 8)), OverlayMap.Channels.SUM, false),
        "an image of another size");
    assertEquals(
        cam.upsampled().get(0, 3, 4),
        OverlayMap.of(cam, IMAGE, OverlayMap.Channels.SUM, false).value(3, 4));
  }

  @Test
  void theOverlayPaintsEachPixelInTheColourOfItsValue() throws IOException {
    IntegratedGradients ig = IntegratedGradients.of(NETWORK, IMAGE, 2, 8);
    OverlayMap map = OverlayMap.of(ig, IMAGE, OverlayMap.Channels.SUM, false);
    AttributionOverlay overlay = new AttributionOverlay();
    overlay.setContent(map, "integrated gradients");
    BufferedImage picture = paint(overlay, 300, 360);
    Rectangle area = overlay.imageArea();
    assertEquals(area.width, area.height, "square pixels");
    assertTrue(area.width >= 30 * 8, "whole screen pixels per image pixel: " + area);
    int scale = area.width / 30;
    for (int[] p : new int[][] {{0, 0}, {15, 12}, {29, 29}, {7, 21}}) {
      int y = p[0];
      int x = p[1];
      int colour =
          picture.getRGB(area.x + x * scale + scale / 2, area.y + y * scale + scale / 2) & 0xffffff;
      assertEquals(
          Integer.toHexString(OverlayPainter.blend(map, y, x)),
          Integer.toHexString(colour),
          "pixel " + y + "," + x);
    }
    // A value of 0 leaves the image as it is; the largest covers it with OPACITY of its colour.
    assertEquals(0, map.weight(0));
    assertEquals(1, map.weight(-map.extent()));
  }

  @Test
  void gradCamStepsShowTheRealWeightsAndMaps() throws IOException {
    GradCam cam = GradCam.of(TRACE, 3, "relu_2_2");
    GradCamSteps steps = new GradCamSteps();
    steps.setContent(cam, IMAGE, "class 3");
    steps.setStep(2);
    paint(steps, 900, 520);
    List<String> written = steps.paintedTexts().stream().map(PaintedText::text).toList();
    float[] alpha = cam.channelWeights();
    for (int k = 0; k < alpha.length; k++) {
      assertTrue(
          written.contains(String.format(Locale.ROOT, "%.2e", alpha[k])), "α_" + k + " " + written);
      assertTrue(written.contains("α_" + k), written.toString());
    }
    steps.setStep(1);
    BufferedImage gradients = paint(steps, 900, 520);
    List<Rectangle> maps = steps.mapAreas();
    assertEquals(alpha.length, maps.size());
    Tensor g = cam.gradients();
    float extent = Math.max(Math.abs(g.min()), Math.abs(g.max()));
    int h = g.shape().height();
    int w = g.shape().width();
    for (int k = 0; k < alpha.length; k++) {
      Rectangle area = maps.get(k);
      int y = h / 2;
      int x = w / 3;
      int px = area.x + (int) ((x + 0.5) * area.width / w);
      int py = area.y + (int) ((y + 0.5) * area.height / h);
      assertEquals(
          Integer.toHexString(OverlayMap.signedRgb(g.get(k, y, x), extent)),
          Integer.toHexString(gradients.getRGB(px, py) & 0xffffff),
          "gradient map " + k);
    }
    steps.setStep(5);
    BufferedImage relu = paint(steps, 900, 520);
    Rectangle area = steps.mapAreas().get(0);
    Tensor map = cam.map();
    float m = Math.max(Math.abs(map.min()), Math.abs(map.max()));
    int y = map.shape().height() / 2;
    int x = map.shape().width() / 2;
    assertEquals(
        Integer.toHexString(OverlayMap.signedRgb(map.get(0, y, x), m)),
        Integer.toHexString(
            relu.getRGB(
                    area.x + (int) ((x + 0.5) * area.width / map.shape().width()),
                    area.y + (int) ((y + 0.5) * area.height / map.shape().height()))
                & 0xffffff));
    steps.setStep(0);
    paint(steps, 900, 520);
    String score =
        "The score of class 3 before the softmax is S = "
            + OverlayPainter.number(cam.logit())
            + ".";
    assertTrue(steps.paintedTexts().stream().anyMatch(t -> t.text().equals(score)), score);
  }

  /** The largest |value| of a {@code (K, h, w)} tensor, or of its sum over channels. */
  private static float extent(Tensor t, boolean sumChannels) {
    float m = 0;
    for (int y = 0; y < t.shape().height(); y++) {
      for (int x = 0; x < t.shape().width(); x++) {
        float sum = 0;
        for (int c = 0; c < t.shape().channels(); c++) {
          float v = t.get(c, y, x);
          sum += v;
          m = sumChannels ? m : Math.max(m, Math.abs(v));
        }
        m = sumChannels ? Math.max(m, Math.abs(sum)) : m;
      }
    }
    return m;
  }

  @Test
  void everyColourStepOfGradCamHasALegendWithItsScalesRange() throws IOException {
    GradCam cam = GradCam.of(TRACE, 3, "relu_2_2");
    float alpha = 0;
    for (float a : cam.channelWeights()) {
      alpha = Math.max(alpha, Math.abs(a));
    }
    // The shared symmetric scale of each step, [-e, e], from cnn-core's numbers.
    float[] extents = {
      extent(cam.activations(), false),
      extent(cam.gradients(), false),
      alpha,
      extent(cam.weightedMaps(), false),
      extent(cam.weightedSum(), false),
      extent(cam.map(), false),
      extent(cam.overlay(), true)
    };
    GradCamSteps steps = new GradCamSteps();
    steps.setContent(cam, IMAGE, "class 3");
    for (Color[] theme : new Color[][] {{null, null}, {new Color(0x2b2b2b), new Color(0xdddddd)}}) {
      UIManager.put(VizKeys.ATTRIBUTION_BACKGROUND, theme[0]);
      UIManager.put(VizKeys.ATTRIBUTION_FOREGROUND, theme[1]);
      String look = theme[0] == null ? "light" : "dark";
      try {
        for (int[] size : new int[][] {{1024, 700}, {720, 460}}) {
          for (int s = 0; s < GradCamSteps.STEPS.size(); s++) {
            steps.setStep(s);
            String where = "step " + (s + 1) + " " + look + " " + size[0] + "x" + size[1];
            paint(steps, size[0], size[1], "GradCamSteps-" + (s + 1) + "-" + look);
            assertEquals(
                Optional.of(OverlayPainter.number(-extents[s])),
                steps.hits().text("legend-low"),
                where);
            assertEquals(
                Optional.of(OverlayPainter.number(extents[s])),
                steps.hits().text("legend-high"),
                where);
            assertTrue(steps.hits().text("legend-caption").isPresent(), where);
            Optional<String> overlap = PaintedText.firstOverlap(steps.paintedTexts(), 0.5);
            assertTrue(overlap.isEmpty(), where + ": " + overlap.orElse(""));
            for (PaintedText t : steps.paintedTexts()) {
              assertTrue(
                  t.bounds().getMinX() >= 0
                      && t.bounds().getMaxX() <= size[0] + 0.5
                      && t.bounds().getMaxY() <= size[1],
                  where + ": " + t + " outside");
            }
          }
        }
      } finally {
        UIManager.put(VizKeys.ATTRIBUTION_BACKGROUND, null);
        UIManager.put(VizKeys.ATTRIBUTION_FOREGROUND, null);
      }
    }
  }

  @Test
  void gradCamStepsMoveByKeysAndClicksAndStayInRange() throws IOException {
    GradCamSteps steps = new GradCamSteps();
    steps.setContent(GradCam.of(TRACE, 0, "relu_2_2"), IMAGE, "class 0");
    paint(steps, 720, 460);
    steps.dispatchEvent(
        new KeyEvent(
            steps, KeyEvent.KEY_PRESSED, 0, 0, KeyEvent.VK_RIGHT, KeyEvent.CHAR_UNDEFINED));
    assertEquals(1, steps.currentStep());
    steps.setStep(-4);
    assertEquals(0, steps.currentStep());
    steps.setStep(99);
    assertEquals(GradCamSteps.STEPS.size() - 1, steps.currentStep());
    Rectangle third = steps.stepAreas().get(2);
    MouseEvent click =
        new MouseEvent(
            steps,
            MouseEvent.MOUSE_PRESSED,
            0,
            0,
            third.x + 2,
            third.y + 2,
            third.x + 2, // screen coordinates given: the constructor need not ask the absent peer
            third.y + 2,
            1,
            false,
            MouseEvent.BUTTON1);
    for (MouseListener listener : steps.getMouseListeners()) {
      listener.mousePressed(click);
    }
    assertEquals(2, steps.currentStep());
    // Every step paints without overlapping texts at this size.
    for (int s = 0; s < GradCamSteps.STEPS.size(); s++) {
      steps.setStep(s);
      paint(steps, 720, 460);
      List<PaintedText> texts = steps.paintedTexts();
      for (int i = 0; i < texts.size(); i++) {
        for (int j = i + 1; j < texts.size(); j++) {
          assertFalse(
              texts.get(i).overlaps(texts.get(j), 1),
              "step " + s + ": " + texts.get(i) + " overlaps " + texts.get(j));
        }
      }
    }
  }
}
