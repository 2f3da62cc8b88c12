package org.cnnexplainer.viz.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Point;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.viz.testing.Headless;
import org.junit.jupiter.api.Test;

/** The training views painted headless: what they show is what they were given. */
class TrainingViewsTest {
  private static final List<String> LABELS = List.of("cat", "dog", "bird");
  private static final int[][] CONFUSION = {{50, 3, 0}, {10, 40, 0}, {1, 1, 48}};

  private static Set<Integer> colours(BufferedImage image) {
    Set<Integer> set = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        set.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return set;
  }

  private static int count(BufferedImage image, Color colour) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff) ? 1 : 0;
      }
    }
    return n;
  }

  private static boolean contains(BufferedImage image, Color colour) {
    return colours(image).contains(colour.getRGB() & 0xffffff);
  }

  @Test
  void curvesShowEveryPointInTheirSeriesColours() {
    Headless.runOnEdt(
        () -> {
          TrainingCurves curves = new TrainingCurves();
          curves.setPlannedEpochs(3);
          List<CurvePoint> points = new ArrayList<>();
          for (int i = 1; i <= 50; i++) {
            points.add(new CurvePoint(i / 50.0, 2.0 / (1 + i / 10.0), Math.min(1, i / 60.0)));
          }
          curves.addBatchPoints(points);
          curves.addEpoch(new EpochResult(1, 0.9, 0.6, 0.8, 0.65, 2, 1000, 0.001, true));
          assertEquals(50, curves.batchPointCount());
          assertEquals(1, curves.epochCount());
          BufferedImage image = Headless.paint(curves, 640, 420);
          TrainingStyle style = TrainingStyle.fromUIManager();
          assertTrue(contains(image, style.validation()), "the validation points are drawn");
          assertTrue(contains(image, style.training()), "the per-epoch training points are drawn");
          curves.clear();
          assertEquals(0, curves.batchPointCount());
          assertEquals(0, curves.epochCount());
        });
  }

  @Test
  void curvesFromARecordWithoutValidationSkipTheMissingPoints() {
    Headless.runOnEdt(
        () -> {
          TrainingCurves curves = new TrainingCurves();
          curves.setCurves(
              List.of(new CurvePoint(0.5, 1, 0.5), new CurvePoint(1, 0.8, 0.6)),
              List.of(new EpochResult(1, 0.9, 0.55, Double.NaN, Double.NaN, 1, 10, 0.01, true)));
          assertEquals(2, curves.batchPointCount());
          assertEquals(1, curves.epochCount());
          Color validation = TrainingStyle.fromUIManager().validation();
          // Only the legend's swatch has the validation colour, until validation points come.
          int legendOnly = count(Headless.paint(curves, 500, 400), validation);
          curves.addEpoch(new EpochResult(2, 0.7, 0.6, 0.75, 0.6, 1, 10, 0.01, true));
          int withPoints = count(Headless.paint(curves, 500, 400), validation);
          assertTrue(withPoints > legendOnly + 10, legendOnly + " then " + withPoints);
        });
  }

  @Test
  void confusionCellsAreColouredByTheirShareAndClicksReportTheCell() {
    Headless.runOnEdt(
        () -> {
          ConfusionMatrixView view = new ConfusionMatrixView();
          view.setMatrix(LABELS, CONFUSION);
          List<int[]> chosen = new ArrayList<>();
          view.addCellListener((a, p) -> chosen.add(new int[] {a, p}));
          BufferedImage image = Headless.paint(view, 600, 520);
          // dog predicted as cat: 10 of 50 dogs.
          Rectangle2D cell = view.cellBounds(1, 0).orElseThrow();
          int rgb = image.getRGB((int) cell.getX() + 4, (int) cell.getY() + 4) & 0xffffff;
          assertEquals(ConfusionPainter.cellColor(false, 10 / 50.0).getRGB() & 0xffffff, rgb);
          Rectangle2D diagonal = view.cellBounds(2, 2).orElseThrow();
          assertEquals(
              ConfusionPainter.cellColor(true, 48 / 50.0).getRGB() & 0xffffff,
              image.getRGB((int) diagonal.getX() + 4, (int) diagonal.getY() + 4) & 0xffffff);
          // An empty cell stays background.
          Rectangle2D empty = view.cellBounds(0, 2).orElseThrow();
          assertEquals(
              TrainingStyle.fromUIManager().background().getRGB() & 0xffffff,
              image.getRGB((int) empty.getCenterX(), (int) empty.getCenterY()) & 0xffffff);
          assertEquals(
              "10 dog images predicted as cat (20.0 % of dog) — click to see them",
              view.describe(1, 0));
          Point centre = new Point((int) cell.getCenterX(), (int) cell.getCenterY());
          MouseEvent click =
              new MouseEvent(
                  view,
                  MouseEvent.MOUSE_CLICKED,
                  0,
                  0,
                  centre.x,
                  centre.y,
                  centre.x,
                  centre.y,
                  1,
                  false,
                  MouseEvent.BUTTON1);
          for (var l : view.getMouseListeners()) {
            l.mouseClicked(click);
          }
          assertEquals(1, chosen.size());
          assertEquals(1, chosen.get(0)[0]);
          assertEquals(0, chosen.get(0)[1]);
          // Keyboard: from the chosen cell, right then Enter chooses (dog, dog).
          key(view, KeyEvent.VK_RIGHT);
          key(view, KeyEvent.VK_ENTER);
          assertEquals(2, chosen.size());
          assertEquals(1, chosen.get(1)[0]);
          assertEquals(1, chosen.get(1)[1]);
          BufferedImage offscreen = view.toImage(400, 360);
          assertTrue(colours(offscreen).size() > 20);
        });
  }

  private static void key(javax.swing.JComponent c, int code) {
    KeyEvent e = new KeyEvent(c, KeyEvent.KEY_PRESSED, 0, 0, code, KeyEvent.CHAR_UNDEFINED);
    for (KeyListener l : c.getKeyListeners()) {
      l.keyPressed(e);
    }
  }

  @Test
  void confusionRefusesAMatrixThatDoesNotFitTheLabels() {
    ConfusionMatrixView view = Headless.onEdt(ConfusionMatrixView::new);
    assertThrows(
        IllegalArgumentException.class, () -> view.setMatrix(LABELS, new int[][] {{1, 2}}));
  }

  @Test
  void filmstripKeepsTheFirstFrameAndColoursWeightsOnTheKernelMap() {
    Headless.runOnEdt(
        () -> {
          KernelFilmstrip strip = new KernelFilmstrip();
          for (int i = 0; i < 20; i++) {
            float[] w = new float[2 * 9];
            w[0] = 1; // filter 1, top-left: the column's largest weight
            w[9] = -0.5f;
            strip.addFrame(i + " ep", Tensor.of(Shape.of(2, 1, 3, 3), w));
          }
          // Full at 12 columns: every other one stays from then on, and the newest.
          assertEquals(
              List.of(
                  "0 ep", "2 ep", "4 ep", "6 ep", "8 ep", "10 ep", "12 ep", "14 ep", "16 ep",
                  "18 ep", "19 ep"),
              strip.captions());
          BufferedImage[] pictures =
              KernelFilmstrip.pictures(Tensor.of(Shape.of(1, 1, 1, 2), new float[] {1f, -0.5f}));
          assertEquals(KernelFilmstrip.kernelColor(1, 1).getRGB(), pictures[0].getRGB(0, 0));
          assertEquals(KernelFilmstrip.kernelColor(-0.5, 1).getRGB(), pictures[0].getRGB(1, 0));
          BufferedImage image = Headless.paint(strip, 700, 200);
          assertTrue(contains(image, KernelFilmstrip.kernelColor(1, 1)));
        });
  }

  @Test
  void aLongRunsFilmstripSpansTheWholeRunAtEvenSteps() {
    List<Integer> moments =
        Headless.onEdt(
            () -> {
              KernelFilmstrip strip = new KernelFilmstrip();
              for (int i = 0; i < 1000; i++) {
                strip.addFrame(Integer.toString(i), Tensor.zeros(Shape.of(2, 1, 3, 3)));
              }
              return strip.captions().stream().map(Integer::valueOf).toList();
            });
    assertTrue(moments.size() <= KernelFilmstrip.MAX_FRAMES, moments.toString());
    assertEquals(0, moments.get(0));
    assertEquals(999, moments.get(moments.size() - 1), "the newest frame shows");
    int step = moments.get(1);
    for (int i = 1; i < moments.size() - 1; i++) {
      assertEquals(i * step, moments.get(i), "even steps: " + moments);
    }
    assertTrue(moments.get(moments.size() - 2) >= 500, "the run's second half too: " + moments);
  }

  @Test
  void aNarrowFilmstripShowsTheFirstAndTheNewestFramesUncut() {
    Headless.runOnEdt(
        () -> {
          KernelFilmstrip strip = new KernelFilmstrip();
          for (int i = 0; i < 20; i++) {
            strip.addFrame(i + " ep", Tensor.of(Shape.of(2, 1, 3, 3), new float[18]));
          }
          strip.setSize(420, 160);
          // A screen paint: its tooltips tell which frames are where.
          BufferedImage screen = new BufferedImage(420, 160, BufferedImage.TYPE_INT_RGB);
          java.awt.Graphics2D g = screen.createGraphics();
          strip.paint(g);
          g.dispose();
          java.util.Map<String, Integer> rightmost = new java.util.LinkedHashMap<>();
          for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 420; x++) {
              String tip =
                  strip.getToolTipText(
                      new java.awt.event.MouseEvent(strip, 0, 0, 0, x, y, 0, false));
              if (tip != null) {
                rightmost.merge(tip.replaceAll(":.*", ""), x, Math::max);
              }
            }
          }
          assertTrue(rightmost.containsKey("filter 1 at 0 ep"), rightmost.keySet().toString());
          assertTrue(rightmost.containsKey("filter 2 at 19 ep"), rightmost.keySet().toString());
          assertTrue(rightmost.get("filter 2 at 19 ep") < 419, "the newest frame is not cut off");
          assertTrue(!rightmost.containsKey("filter 1 at 2 ep"), "the oldest of the newest wait");
        });
  }

  @Test
  void filmstripShowsThreeChannelKernelsAsColours() {
    float[] w = new float[3 * 1 * 1];
    w[0] = 1; // red channel high, others low
    BufferedImage[] pictures = KernelFilmstrip.pictures(Tensor.of(Shape.of(1, 3, 1, 1), w));
    assertEquals(0xffff0000, pictures[0].getRGB(0, 0));
  }

  @Test
  void accuracyBarsKeepTheirLastTickLabelInsideANarrowPicture() {
    BufferedImage image =
        Headless.onEdt(
            () -> {
              ClassAccuracyBars bars = new ClassAccuracyBars();
              bars.setAccuracy(LABELS, new double[] {0.94, 0.8, 0.5}, 0.75);
              return Headless.paint(bars, 230, 300);
            });
    int background = TrainingStyle.fromUIManager().background().getRGB() & 0xffffff;
    // The "100" above the plot's right edge: nothing of it in the last columns of the picture.
    for (int x = image.getWidth() - 3; x < image.getWidth(); x++) {
      for (int y = 0; y < 40; y++) {
        assertEquals(background, image.getRGB(x, y) & 0xffffff, "a label cut at " + x + "," + y);
      }
    }
  }

  @Test
  void accuracyBarsAndDatasetSummary() {
    Headless.runOnEdt(
        () -> {
          ClassAccuracyBars bars = new ClassAccuracyBars();
          bars.setAccuracy(LABELS, new double[] {0.94, 0.8, Double.NaN}, 0.87);
          assertEquals(3, bars.classCount());
          BufferedImage image = Headless.paint(bars, 400, 300);
          assertTrue(contains(image, TrainingStyle.fromUIManager().training()));

          DatasetSummaryView summary = new DatasetSummaryView();
          assertEquals("No data chosen", summary.headline());
          BufferedImage thumb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
          summary.setSummary(
              new DatasetSummary(
                  "my-photos",
                  LABELS,
                  List.of(1200, 30, 5),
                  List.of(List.of(thumb), List.of(), List.of(thumb, thumb)),
                  "64×64 pixels",
                  2));
          assertEquals(
              "1,235 images in 3 classes · 64×64 pixels · 2 files skipped", summary.headline());
          assertEquals(LABELS, summary.rowNames());
          assertTrue(colours(Headless.paint(summary, 600, 300)).size() > 5);
        });
  }
}
