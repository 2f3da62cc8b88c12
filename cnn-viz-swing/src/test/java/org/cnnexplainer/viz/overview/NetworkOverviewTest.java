package org.cnnexplainer.viz.overview;

import static org.cnnexplainer.viz.testing.Headless.onEdt;
import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.color.ColorMaps;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.junit.jupiter.api.Test;

/** Headless paints of the overview: sampled colours, hit map, mouse, structure-only. */
class NetworkOverviewTest {
  private static final Network NETWORK = SmallNetwork.create();
  private static final ActivationTrace TRACE = NETWORK.trace(SmallNetwork.input(1));

  private static ExplainerState stateWithTrace() {
    ExplainerState state = new ExplainerState(Runnable::run);
    state.setNetwork(NETWORK);
    state.setTrace(TRACE);
    return state;
  }

  private static int centrePixel(BufferedImage image, HitMap hits, NeuronRef neuron) {
    Rectangle2D r =
        hits.boundsOf(neuron).orElseThrow(() -> new AssertionError(neuron + " not painted"));
    return image.getRGB((int) r.getCenterX(), (int) r.getCenterY()) & 0xffffff;
  }

  private static String hex(int rgb) {
    return String.format("%06x", rgb);
  }

  @Test
  void knownNeuronsArePaintedInTheColourOfTheirValueAndRange() {
    runOnEdt(
        () -> {
          ExplainerState state = stateWithTrace();
          NetworkOverview overview = new NetworkOverview(state);
          BufferedImage image = Headless.paint(overview, 1200, 700);
          HitMap hits = overview.hitMap();
          float value = TRACE.output(SmallNetwork.CONV_A).get(2, 5, 7);
          assertEquals(0.7f, value, 1e-6f, "the test network's constant neuron");
          double range = state.ranges().orElseThrow().range(SmallNetwork.CONV_A);
          int expected = ColorScale.diverging(ColorMaps.RD_BU, range).rgb(value);
          assertEquals(hex(expected), hex(centrePixel(image, hits, new NeuronRef(0, 2))));
          assertEquals(
              hex(expected),
              hex(centrePixel(image, hits, new NeuronRef(SmallNetwork.RELU_A, 2))),
              "relu reuses its conv's range");
          int grey = ColorScale.input(ColorMaps.GREYS).rgb(0.25f);
          assertEquals(hex(grey), hex(centrePixel(image, hits, NeuronRef.input(0))));
        });
  }

  @Test
  void paintsAtDeviceResolutionUnderAHiDpiScale() {
    runOnEdt(
        () -> {
          ExplainerState state = stateWithTrace();
          NetworkOverview overview = new NetworkOverview(state);
          Headless.paint(overview, 1000, 600);
          Rectangle2D atOne = overview.hitMap().boundsOf(new NeuronRef(0, 2)).orElseThrow();
          BufferedImage image = new BufferedImage(2000, 1200, BufferedImage.TYPE_INT_RGB);
          java.awt.Graphics2D g = image.createGraphics();
          g.scale(2, 2); // what Swing does on a 200 % screen
          overview.printAll(g);
          g.dispose();
          Rectangle2D r = overview.hitMap().boundsOf(new NeuronRef(0, 2)).orElseThrow();
          assertEquals(atOne, r, "hit map stays in component coordinates");
          int expected =
              ColorScale.diverging(ColorMaps.RD_BU, state.ranges().orElseThrow().range(0))
                  .rgb(0.7f);
          int pixel = image.getRGB((int) (2 * r.getCenterX()), (int) (2 * r.getCenterY()));
          assertEquals(hex(expected), hex(pixel & 0xffffff));
        });
  }

  @Test
  void rangeModeAndPaletteChangesRecolourEveryLayer() {
    runOnEdt(
        () -> {
          ExplainerState state = stateWithTrace();
          NetworkOverview overview = new NetworkOverview(state);
          Headless.paint(overview, 1200, 700);
          double unit = state.ranges().orElseThrow().range(SmallNetwork.CONV_A);
          state.setRangeMode(RangeMode.GLOBAL);
          double global = state.ranges().orElseThrow().range(SmallNetwork.CONV_A);
          assertNotEquals(unit, global, 1e-9, "the test needs conv_b's range to be larger");
          BufferedImage image = Headless.paint(overview, 1200, 700);
          int expected = ColorScale.diverging(ColorMaps.RD_BU, global).rgb(0.7f);
          assertEquals(
              hex(expected), hex(centrePixel(image, overview.hitMap(), new NeuronRef(0, 2))));

          state.setPalette(Palette.COLOR_BLIND_SAFE);
          image = Headless.paint(overview, 1200, 700);
          int safe = ColorScale.diverging(ColorMaps.OR_PU, global).rgb(-0.3f);
          NeuronRef constantB = new NeuronRef(SmallNetwork.CONV_B, 1);
          assertEquals(hex(safe), hex(centrePixel(image, overview.hitMap(), constantB)));
        });
  }

  @Test
  void hitMapHasEveryNeuronInColumnsAndRowsWithCellsMappedToMapPositions() {
    runOnEdt(
        () -> {
          NetworkOverview overview = new NetworkOverview(stateWithTrace());
          Headless.paint(overview, 1000, 600);
          HitMap hits = overview.hitMap();
          // 3 input channels, 4 x (conv_a, relu_a, conv_b, relu_b, pool), 3 classes.
          assertEquals(3 + 4 * 5 + 3, hits.entries().size());
          double previousX = -1;
          for (int layer : List.of(NeuronRef.INPUT, 0, 1, 2, 3, 4, 6)) {
            int count = layer == NeuronRef.INPUT ? 3 : layer == 6 ? 3 : 4;
            Rectangle2D first = hits.boundsOf(new NeuronRef(layer, 0)).orElseThrow();
            assertTrue(first.getX() > previousX, "columns go left to right at layer " + layer);
            previousX = first.getX();
            for (int n = 1; n < count; n++) {
              Rectangle2D r = hits.boundsOf(new NeuronRef(layer, n)).orElseThrow();
              Rectangle2D above = hits.boundsOf(new NeuronRef(layer, n - 1)).orElseThrow();
              assertEquals(first.getX(), r.getX(), 1e-9);
              assertTrue(r.getY() >= above.getMaxY(), "rows go down in layer " + layer);
            }
          }
          Rectangle2D input = hits.boundsOf(NeuronRef.input(1)).orElseThrow();
          assertEquals(16.0 / 12.0, input.getWidth() / input.getHeight(), 1e-9, "aspect kept");
          assertEquals(
              Optional.of(new Selection(NeuronRef.input(1), new Position(0, 0))),
              hits.selectionAt(input.getX() + 0.1, input.getY() + 0.1));
          assertEquals(
              Optional.of(new Selection(NeuronRef.input(1), new Position(11, 15))),
              hits.selectionAt(input.getMaxX() - 0.1, input.getMaxY() - 0.1));
          assertEquals(Optional.empty(), hits.selectionAt(1, 1));
          assertEquals(
              Optional.of(Selection.of(new NeuronRef(SmallNetwork.OUTPUT, 2))),
              hits.boundsOf(new NeuronRef(SmallNetwork.OUTPUT, 2))
                  .flatMap(r -> hits.selectionAt(r.getCenterX(), r.getCenterY())));
        });
  }

  @Test
  void mouseHoversAndClicksThroughTheHitMap() {
    runOnEdt(
        () -> {
          ExplainerState state = stateWithTrace();
          NetworkOverview overview = new NetworkOverview(state);
          Headless.paint(overview, 1000, 600);
          Rectangle2D r =
              overview.hitMap().boundsOf(new NeuronRef(SmallNetwork.POOL, 3)).orElseThrow();
          int x = (int) r.getCenterX();
          int y = (int) r.getCenterY();
          Selection expected = overview.hitMap().selectionAt(x, y).orElseThrow();
          mouse(overview, MouseEvent.MOUSE_MOVED, x, y);
          assertEquals(Optional.of(expected), state.hover());
          assertTrue(state.hoverText().orElseThrow().startsWith("pool · channel 3"));
          mouse(overview, MouseEvent.MOUSE_CLICKED, x, y);
          assertEquals(Optional.of(expected), state.selection());
          mouse(overview, MouseEvent.MOUSE_CLICKED, x, y);
          assertEquals(Optional.empty(), state.selection(), "a second click deselects");
          mouse(overview, MouseEvent.MOUSE_CLICKED, x, y);
          mouse(overview, MouseEvent.MOUSE_CLICKED, 2, 2);
          assertEquals(Optional.empty(), state.selection(), "a click on empty space deselects");
          mouse(overview, MouseEvent.MOUSE_EXITED, 2, 2);
          assertEquals(Optional.empty(), state.hover());
        });
  }

  @Test
  void outputBarsAreProportionalToTheTracedProbabilities() {
    runOnEdt(
        () -> {
          NetworkOverview overview = new NetworkOverview(stateWithTrace());
          BufferedImage image = Headless.paint(overview, 1200, 700);
          float max = TRACE.probabilities().max();
          double full = barLength(image, overview.hitMap(), TRACE.probabilities().argmax());
          assertTrue(full > 10, "the winning bar is drawn, got " + full);
          for (int c = 0; c < 3; c++) {
            double expected = full * TRACE.probabilities().at(c) / max;
            assertEquals(expected, barLength(image, overview.hitMap(), c), 1.5, "class " + c);
          }
        });
  }

  @Test
  void aReferenceTraceShowsAsGhostBarsOnTheSameScale() {
    ActivationTrace reference = NETWORK.trace(SmallNetwork.input(2));
    runOnEdt(
        () -> {
          ExplainerState state = stateWithTrace();
          state.setReference(reference);
          NetworkOverview overview = new NetworkOverview(state);
          BufferedImage image = Headless.paint(overview, 1200, 700);
          float max = Math.max(TRACE.probabilities().max(), reference.probabilities().max());
          int classes = TRACE.probabilities().size();
          double[] bars = new double[classes];
          double[] ghosts = new double[classes];
          double unit = 0; // the pixels of the largest probability of either set
          for (int c = 0; c < classes; c++) {
            Rectangle2D r = overview.hitMap().boundsOf(new NeuronRef(SmallNetwork.OUTPUT, c)).get();
            bars[c] = barLength(image, overview.hitMap(), c);
            ghosts[c] = ghostRightEdge(image, r) - Math.floor(r.getX());
            unit = Math.max(unit, Math.max(bars[c], ghosts[c]));
          }
          assertTrue(unit > 10, "bars are drawn, got " + unit);
          for (int c = 0; c < classes; c++) {
            // The outline covers up to two pixels of the bar.
            assertEquals(
                unit * TRACE.probabilities().at(c) / max, bars[c], 2.5, "class " + c + ": bar");
            assertEquals(
                unit * reference.probabilities().at(c) / max, ghosts[c], 1.5, "class " + c);
          }
          state.setReference(null);
          BufferedImage without = Headless.paint(overview, 1200, 700);
          Rectangle2D r = overview.hitMap().boundsOf(new NeuronRef(SmallNetwork.OUTPUT, 0)).get();
          assertEquals(r.getX(), ghostRightEdge(without, r), 1e-9, "no ghost without a reference");
        });
  }

  @Test
  void layersWhoseWeightsOrOutputsAnEditChangedAreMarkedBesideTheirLabels() {
    String edited = NETWORK.layer(2).name(); // the second convolution
    Network network = NetworkEdit.scaleChannel(edited, 0, 2f).applyTo(NETWORK);
    Tensor input = TRACE.input();
    runOnEdt(
        () -> {
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(network);
          state.setTrace(network.trace(input));
          state.setReference(TRACE);
          NetworkOverview overview = new NetworkOverview(state);
          BufferedImage image = Headless.paint(overview, 1200, 700);
          int selection = VizStyle.fromUIManager().selection().getRGB() & 0xffffff;
          for (HitMap.Label label : overview.hitMap().labels()) {
            int layer = label.layer();
            boolean weights = layer == 2;
            boolean output =
                layer >= 0 && !network.trace(input).output(layer).equals(TRACE.output(layer));
            assertEquals(layer >= 2, output, "the edit changes every output from layer 2 on");
            String name = label.fullName();
            String note =
                weights ? " (weights edited)" : output ? " (output changed by the edit)" : "";
            assertTrue(
                name.endsWith(note) && (output || !name.contains("edit")),
                "layer " + layer + ": " + name);
            Rectangle2D box = label.bounds();
            boolean marked = false;
            for (int x = (int) box.getMaxX() - 10; x < box.getMaxX(); x++) {
              for (int y = (int) box.getY(); y < box.getMaxY(); y++) {
                marked |= (image.getRGB(x, y) & 0xffffff) == selection;
              }
            }
            assertEquals(output, marked, "layer " + layer + " marked");
          }
        });
  }

  /** One past the rightmost foreground-coloured pixel in the middle row of a class's bar. */
  private static double ghostRightEdge(BufferedImage image, Rectangle2D r) {
    NodePainter.OutputRows rows = NodePainter.OutputRows.of(r, classFont(), true);
    int y = (int) (rows.barTop() + rows.barHeight() / 2);
    VizStyle style = VizStyle.fromUIManager();
    double edge = r.getX();
    for (int x = (int) Math.floor(r.getX()); x < r.getMaxX() + 2; x++) {
      int rgb = image.getRGB(x, y);
      double fg = distance(rgb, style.foreground().getRGB());
      if (fg < distance(rgb, style.bar().getRGB())
          && fg < distance(rgb, style.background().getRGB())) {
        edge = x + 1;
      }
    }
    return edge;
  }

  private static double distance(int a, int b) {
    double d = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      d += Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
    }
    return d;
  }

  private static double barLength(BufferedImage image, HitMap hits, int classIndex) {
    Rectangle2D r = hits.boundsOf(new NeuronRef(SmallNetwork.OUTPUT, classIndex)).orElseThrow();
    NodePainter.OutputRows rows = NodePainter.OutputRows.of(r, classFont(), true);
    int y = (int) (rows.barTop() + rows.barHeight() / 2);
    int bar = VizStyle.fromUIManager().bar().getRGB() & 0xffffff;
    int length = 0;
    for (int x = (int) Math.ceil(r.getX()); x < r.getMaxX(); x++) {
      if ((image.getRGB(x, y) & 0xffffff) == bar) {
        length++;
      }
    }
    return length;
  }

  private static java.awt.FontMetrics classFont() {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return OverviewPainter.Fonts.of(g, VizStyle.fromUIManager().font()).classes();
    } finally {
      g.dispose();
    }
  }

  /** A class label and its probability bar never touch, at any node height. */
  @Test
  void probabilityBarsKeepClearOfTheClassLabels() {
    java.awt.FontMetrics fm = classFont();
    int both = 0;
    for (double h = 2; h <= 60; h += 0.5) {
      Rectangle2D box = new Rectangle2D.Double(10, 100, 80, h);
      NodePainter.OutputRows rows = NodePainter.OutputRows.of(box, fm, true);
      assertTrue(rows.barTop() >= box.getY() - 1e-9, "bar inside the box at height " + h);
      assertTrue(rows.barTop() + rows.barHeight() <= box.getMaxY() + 1e-9, "height " + h);
      if (rows.baseline() > 0) {
        both++;
        assertTrue(
            rows.barTop() >= rows.baseline() + fm.getDescent() + NodePainter.OutputRows.GAP - 1e-9,
            "the bar touches the label at height " + h);
        assertTrue(rows.baseline() - fm.getAscent() >= box.getY() - 1e-9, "height " + h);
      }
    }
    assertTrue(both > 50, "labels with bars were laid out " + both + " times");
  }

  @Test
  void paintsTheStructureWithoutATrace() {
    runOnEdt(
        () -> {
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(NETWORK);
          NetworkOverview overview = new NetworkOverview(state);
          BufferedImage image = Headless.paint(overview, 900, 500);
          assertEquals(3 + 4 * 5 + 3, overview.hitMap().entries().size());
          VizStyle style = VizStyle.fromUIManager();
          int placeholder = VizStyle.mix(style.background(), style.foreground(), 0.05).getRGB();
          assertEquals(
              hex(placeholder & 0xffffff),
              hex(centrePixel(image, overview.hitMap(), new NeuronRef(0, 0))));
        });
  }

  @Test
  void newImageIsShownAtOnceWhenAnimationIsOff() {
    runOnEdt(
        () -> {
          ExplainerState state = stateWithTrace();
          NetworkOverview overview = new NetworkOverview(state);
          Headless.paint(overview, 1000, 600);
          ActivationTrace next = NETWORK.trace(SmallNetwork.input(9));
          state.setTrace(next);
          BufferedImage image = Headless.paint(overview, 1000, 600);
          float value = next.input().get(1, 6, 8);
          Rectangle2D r = overview.hitMap().boundsOf(NeuronRef.input(1)).orElseThrow();
          // the cell (6, 8) of a 12 x 16 map, crisp pixels so one cell is one colour
          overview.putClientProperty(VizKeys.CRISP_PIXELS, true);
          image = Headless.paint(overview, 1000, 600);
          int px = (int) (r.getX() + (8 + 0.5) * r.getWidth() / 16);
          int py = (int) (r.getY() + (6 + 0.5) * r.getHeight() / 12);
          assertEquals(
              hex(ColorScale.input(ColorMaps.GREYS).rgb(value)),
              hex(image.getRGB(px, py) & 0xffffff));
        });
  }

  @Test
  void detailOffUsesShortLabels() {
    VizStyle style = onEdt(VizStyle::fromUIManager);
    List<ColumnSpec> columns = ColumnSpec.of(NETWORK);
    assertEquals(
        List.of("input", "conv", "relu", "conv", "relu", "max_pool", "output"),
        columns.stream().map(ColumnSpec::shortName).toList());
    assertEquals(
        List.of("input", "conv_a", "relu_a", "conv_b", "relu_b", "pool", "output"),
        columns.stream().map(ColumnSpec::name).toList());
    assertEquals("(12, 16, 3)", columns.get(0).dims());
    assertEquals("(3)", columns.get(6).dims());
    assertTrue(style.maxNodeSize() > 0);
  }

  /** Delivers a mouse event to the component's listeners (no native window in headless mode). */
  private static void mouse(NetworkOverview overview, int id, int x, int y) {
    MouseEvent e =
        new MouseEvent(overview, id, System.currentTimeMillis(), 0, x, y, x, y, 1, false, 1);
    // Only the overview's own listeners: Swing's tool-tip manager needs a window.
    for (MouseListener l : overview.getMouseListeners()) {
      if (!l.getClass().getName().startsWith(NetworkOverview.class.getName())) {
        continue;
      }
      switch (id) {
        case MouseEvent.MOUSE_CLICKED -> l.mouseClicked(e);
        case MouseEvent.MOUSE_EXITED -> l.mouseExited(e);
        default -> {}
      }
    }
    for (MouseMotionListener l : overview.getMouseMotionListeners()) {
      if (id == MouseEvent.MOUSE_MOVED
          && l.getClass().getName().startsWith(NetworkOverview.class.getName())) {
        l.mouseMoved(e);
      }
    }
  }
}
