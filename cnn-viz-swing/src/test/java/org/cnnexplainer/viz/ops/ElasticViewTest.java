package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Mouse;
import org.cnnexplainer.viz.testing.OddNetworks;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

class ElasticViewTest {
  @Test
  void slidingWindowVisitsEveryRealPosition() {
    assertEquals(new SlidingWindow(0, 0, 0), SlidingWindow.at(0, 5, 6));
    assertEquals(new SlidingWindow(15, 2, 3), SlidingWindow.at(0.5, 5, 6));
    assertEquals(new SlidingWindow(30, -1, -1), SlidingWindow.at(1, 5, 6));
    assertTrue(SlidingWindow.at(1, 5, 6).finished());
    assertEquals(new SlidingWindow(0, 0, 0), SlidingWindow.at(-3, 5, 6));
    int last = -1;
    for (int i = 0; i <= 1000; i++) {
      SlidingWindow w = SlidingWindow.at(i / 1000.0, 62, 62);
      assertTrue(w.revealed() >= last, "never goes back");
      last = w.revealed();
    }
  }

  @Test
  void framesAtZeroHalfAndOne() {
    Network network = OddNetworks.sameStrideAverage(2);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 6));
    Headless.runOnEdt(
        () -> {
          ConvolutionElasticView view =
              new ConvolutionElasticView(States.of(trace), OddNetworks.CONV, 1);
          Headless.paint(view, 500, 300); // first display starts the animation (off: final frame)
          assertEquals(1.0, view.fraction());
          List<String> revealed = new ArrayList<>();
          List<String> buttons = new ArrayList<>();
          BufferedImage[] images = new BufferedImage[3];
          double[] fractions = {0, 0.5, 1};
          for (int i = 0; i < 3; i++) {
            view.setFraction(fractions[i]);
            images[i] = Headless.paint(view, 500, 300);
            revealed.add(view.hits().text("revealed").get());
            buttons.add(view.hits().text("button").get());
          }
          assertEquals(List.of("0", "15", "30"), revealed);
          assertEquals(List.of("skip to end", "skip to end", "replay"), buttons);
          // The intermediate map's last cell is blank until the window has passed it.
          Rectangle2D inter = view.hits().find(HitMap.Kind.INTERMEDIATE, 0).get().bounds();
          int px = (int) (inter.getMaxX() - 3);
          int py = (int) (inter.getMaxY() - 3);
          VizStyle style = VizStyle.fromUIManager();
          int empty = VizStyle.mix(style.background(), style.foreground(), 0.06).getRGB();
          assertEquals(empty, images[0].getRGB(px, py), "not yet computed: an empty node");
          assertNotEquals(empty, images[2].getRGB(px, py));
          ConvolutionNeuron n = ConvolutionNeuron.of(trace, OddNetworks.CONV, 1);
          assertEquals(DisplayNumbers.two(n.bias()), view.hits().text("bias").get());
          assertEquals(1, view.hits().all(HitMap.Kind.CHANNEL).size());
          Rectangle2D glyph = view.hits().find(HitMap.Kind.CHANNEL, 0).get().bounds();
          String tip =
              view.getToolTipText(
                  new java.awt.event.MouseEvent(
                      view,
                      java.awt.event.MouseEvent.MOUSE_MOVED,
                      0,
                      0,
                      (int) glyph.getX() + 2,
                      (int) glyph.getCenterY(),
                      (int) glyph.getX() + 2,
                      (int) glyph.getCenterY(),
                      0,
                      false,
                      0));
          StringBuilder expected = new StringBuilder("Kernel weights: [");
          for (int y = 0; y < 3; y++) {
            expected.append(y == 0 ? "[" : ", [");
            for (int x = 0; x < 3; x++) {
              expected
                  .append(x == 0 ? "" : ", ")
                  .append(DisplayNumbers.two(n.kernel().get(0, y, x)));
            }
            expected.append(']');
          }
          assertEquals(expected.append(']').toString(), tip);
        });
  }

  @Test
  void clickingAPairReportsItsChannelAndTheButtonSkipsOrReplays() {
    Network network = TestNetworks.tinyVgg(3, 20, 20, 4, 3);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 2));
    Headless.runOnEdt(
        () -> {
          ConvolutionElasticView view = new ConvolutionElasticView(States.of(trace), 2, 3);
          List<Integer> clicked = new ArrayList<>();
          view.setChannelListener(clicked::add);
          view.setFraction(0.2);
          Headless.paint(view, 520, 400);
          Rectangle2D pair2 = view.hits().find(HitMap.Kind.INTERMEDIATE, 2).get().bounds();
          Rectangle2D pair0 = view.hits().find(HitMap.Kind.CHANNEL, 0).get().bounds();
          Mouse.click(view, pair2.getCenterX(), pair2.getCenterY());
          Mouse.click(view, pair0.getCenterX(), pair0.getCenterY());
          assertEquals(List.of(2, 0), clicked);
          Rectangle2D button =
              view.hits()
                  .find(HitMap.Kind.BUTTON, ConvolutionElasticView.ANIMATION_BUTTON)
                  .get()
                  .bounds();
          Mouse.click(view, button.getCenterX(), button.getCenterY());
          assertEquals(1.0, view.fraction(), "skip to end");
          view.play();
          // Headless means animation is off: replay jumps to the final frame at once.
          assertEquals(Animator.isEnabled() ? 0.0 : 1.0, view.fraction());
          assertEquals(Explainable.CONVOLUTION, view.concept());
        });
  }
}
