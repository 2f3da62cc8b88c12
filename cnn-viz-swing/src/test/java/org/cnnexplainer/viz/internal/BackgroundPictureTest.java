package org.cnnexplainer.viz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.cnnexplainer.viz.internal.BackgroundPicture.Drawn;
import org.cnnexplainer.viz.internal.BackgroundPicture.Tip;
import org.cnnexplainer.viz.testing.Headless;
import org.junit.jupiter.api.Test;

/**
 * A picture drawn off the event thread: screen paints copy the newest finished picture and ask for
 * a new one, only the newest content is drawn next, printing draws at once.
 */
class BackgroundPictureTest {
  /** A drawing of an RGB colour that records where it ran and can be held. */
  private static final class Recorder implements BackgroundPicture.Drawing<Integer> {
    final List<String> drawn = new CopyOnWriteArrayList<>();
    volatile CountDownLatch hold = new CountDownLatch(0);

    @Override
    public Drawn draw(Integer rgb, int width, int height) {
      try {
        assertTrue(hold.await(10, TimeUnit.SECONDS), "held too long");
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      drawn.add(Integer.toHexString(rgb) + (SwingUtilities.isEventDispatchThread() ? " edt" : ""));
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(new java.awt.Color(rgb));
      g.fillRect(0, 0, width, height);
      g.dispose();
      return new Drawn(image, List.of(new Tip(new Rectangle(0, 0, 5, 5), () -> "corner")));
    }
  }

  private static final class View extends JPanel {
    final Recorder recorder = new Recorder();
    final BackgroundPicture<Integer> picture = new BackgroundPicture<>(this, recorder);

    @Override
    protected void paintComponent(Graphics g) {
      picture.paint(g);
    }
  }

  /** What a screen paint of {@code view} shows at its centre (event thread). */
  private static int screen(View view) {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    view.picture.paint(g);
    g.dispose();
    return image.getRGB(20, 15) & 0xffffff;
  }

  private static void awaitCurrent(View view) throws InterruptedException {
    for (int i = 0; i < 500 && !Headless.onEdt(view.picture::isCurrent); i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void screenPaintsShowTheNewestPictureDrawnInTheBackgroundAndSkipStaleContent()
      throws InterruptedException {
    View view = Headless.onEdt(View::new);
    Headless.runOnEdt(() -> view.setSize(40, 30));
    // The first picture is drawn at once: there is nothing to show yet.
    assertEquals(
        0xff0000,
        (int)
            Headless.onEdt(
                () -> {
                  view.picture.setContent(0xff0000);
                  return screen(view);
                }));
    assertTrue(Headless.onEdt(view.picture::isCurrent));
    assertEquals("corner", Headless.onEdt(() -> view.picture.tipAt(new java.awt.Point(2, 2))));

    // New content: the old picture stays on screen while the new one is drawn in the background;
    // content set meanwhile waits, and only the newest is drawn next.
    view.recorder.hold = new CountDownLatch(1);
    Headless.runOnEdt(
        () -> {
          view.picture.setContent(0x00ff00);
          assertEquals(0xff0000, screen(view));
          assertFalse(view.picture.isCurrent());
          view.picture.setContent(0x0000ff);
          assertEquals(0xff0000, screen(view));
          view.picture.setContent(0xffffff);
          assertEquals(0xff0000, screen(view));
        });
    view.recorder.hold.countDown();
    // Until the finished picture is handed over, paints show the old one (and ask for nothing).
    int shown = 0xff0000;
    for (int i = 0; i < 500 && shown == 0xff0000; i++) {
      Thread.sleep(10);
      shown = Headless.onEdt(() -> screen(view));
    }
    assertEquals(0x00ff00, shown, "the finished picture");
    awaitCurrent(view);
    assertEquals(0xffffff, (int) Headless.onEdt(() -> screen(view)));
    assertEquals(List.of("ff0000 edt", "ff00", "ffffff"), view.recorder.drawn);
  }

  @Test
  void aLargePictureReachesTheScreenWholeThroughItsTiles() {
    int w = 2 * BackgroundPicture.TILE + 90;
    int h = BackgroundPicture.TILE + 40;
    JPanel owner = Headless.onEdt(JPanel::new);
    BackgroundPicture<Integer> picture =
        new BackgroundPicture<>(
            owner,
            (seed, width, height) -> {
              BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
              for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                  image.setRGB(x, y, seed + x * 7 + y * 1031);
                }
              }
              return new Drawn(image, List.of());
            });
    BufferedImage screen =
        Headless.onEdt(
            () -> {
              owner.setSize(w, h);
              picture.setContent(5);
              BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
              Graphics2D g = out.createGraphics();
              picture.paint(g);
              g.dispose();
              return out;
            });
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        assertEquals(
            (5 + x * 7 + y * 1031) & 0xffffff, screen.getRGB(x, y) & 0xffffff, x + "," + y);
      }
    }
  }

  @Test
  void printingDrawsTheCurrentContentAtOnce() {
    View view = Headless.onEdt(View::new);
    BufferedImage printed =
        Headless.onEdt(
            () -> {
              view.picture.setContent(0x123456);
              Headless.paint(view, 40, 30);
              view.picture.setContent(0x654321);
              return Headless.paint(view, 40, 30);
            });
    assertEquals(0x654321, printed.getRGB(20, 15) & 0xffffff);
    assertEquals(List.of("123456 edt", "654321 edt"), view.recorder.drawn);
  }
}
