package org.cnnexplainer.viz.internal;

import java.awt.Graphics;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/**
 * The picture of a view that changes while the machine is busy (curves, kernels and activations
 * redrawn while training runs), drawn on a background thread from an immutable content object, so
 * that the event thread only copies a finished picture to the screen.
 *
 * <p>The owning component calls {@link #setContent} and {@link #paint} on the event thread. A
 * screen paint copies the newest finished picture and, when the content or the size has changed
 * since, asks for a new one; while a drawing runs, further requests wait and only the newest is
 * drawn next, so a slow drawing never queues up stale work. Printing ({@code printAll}: tests,
 * pictures for files) and the very first paint draw at once on the calling thread, so they always
 * show the current content.
 *
 * @param <C> the content: immutable, since it is read on the drawing thread
 */
public final class BackgroundPicture<C> {
  /** Draws a content; runs on any thread and may only read the content. */
  public interface Drawing<C> {
    /** {@code content} at {@code width x height} (both positive). */
    Drawn draw(C content, int width, int height);
  }

  /** A finished picture and where its tooltips are. */
  public record Drawn(BufferedImage image, List<Tip> tips) {
    /** Copies the list. */
    public Drawn {
      Objects.requireNonNull(image, "image");
      tips = List.copyOf(tips);
    }
  }

  /** An area of a picture with a tooltip, its text made only when asked for. */
  public record Tip(Shape area, Supplier<String> text) {}

  private static final Executor DRAWER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cnn-viz-picture");
            t.setDaemon(true);
            return t;
          });

  private final JComponent owner;
  private final Drawing<C> drawing;
  private C content;
  private long version;
  private Drawn shown;
  private long shownVersion = -1;
  private boolean busy;
  private long failedVersion = -1;

  /** A picture of {@code owner}, drawn by {@code drawing}. */
  public BackgroundPicture(JComponent owner, Drawing<C> drawing) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.drawing = Objects.requireNonNull(drawing, "drawing");
  }

  /** New content to show (event thread); the owner repaints. */
  public void setContent(C content) {
    this.content = content;
    version++;
    owner.repaint();
  }

  /** The content last set, or {@code null}. */
  public C content() {
    return content;
  }

  /** Whether the picture on screen shows the current content at the owner's size. */
  public boolean isCurrent() {
    return shown != null
        && shownVersion == version
        && shown.image().getWidth() == owner.getWidth()
        && shown.image().getHeight() == owner.getHeight();
  }

  /**
   * Paints into {@code g} at the owner's size (event thread, from {@code paintComponent}): the
   * newest picture, asking for a new one when it is out of date; drawn at once when printing or
   * when there is no picture yet.
   */
  public void paint(Graphics g) {
    int w = owner.getWidth();
    int h = owner.getHeight();
    if (w <= 0 || h <= 0 || content == null) {
      return;
    }
    if (owner.isPaintingForPrint()) {
      g.drawImage(drawing.draw(content, w, h).image(), 0, 0, null);
      return;
    }
    if (shown == null) {
      show(drawing.draw(content, w, h), version);
    } else if (!isCurrent() && !busy && failedVersion != version) {
      request(w, h);
    }
    copy(g, shown.image());
  }

  /** The side of the tiles in which {@link #copy} sends a picture to the screen. */
  static final int TILE = 256;

  /**
   * Copies {@code image} to the screen in tiles of at most {@value #TILE} pixels square. Java2D's
   * X11 (XRender) pipeline uploads a picture through one temporary pixmap, which it creates anew
   * whenever a picture is wider or taller than the last: with several live views of different
   * shapes every copy paid for a new pixmap (11 ms instead of 2 ms for a full-HD chart, 40 ms on
   * the event thread while training took both cores). Tiles keep that pixmap at one size.
   */
  private static void copy(Graphics g, BufferedImage image) {
    Rectangle clip = g.getClipBounds();
    for (int y = 0; y < image.getHeight(); y += TILE) {
      for (int x = 0; x < image.getWidth(); x += TILE) {
        int w = Math.min(TILE, image.getWidth() - x);
        int h = Math.min(TILE, image.getHeight() - y);
        if (clip == null || clip.intersects(x, y, w, h)) {
          g.drawImage(image, x, y, x + w, y + h, x, y, x + w, y + h, null);
        }
      }
    }
  }

  private void show(Drawn drawn, long of) {
    drawn.image().setAccelerationPriority(0); // copied once: caching it on screen costs more
    shown = drawn;
    shownVersion = of;
  }

  /**
   * Draws the current content on the drawing thread; the owner repaints when it is done, and that
   * paint asks again if the content changed meanwhile (so only the newest content is drawn next). A
   * hidden owner does not paint, so it asks for nothing.
   */
  private void request(int w, int h) {
    busy = true;
    C c = content;
    long v = version;
    DRAWER.execute(
        () -> {
          Drawn drawn = null;
          RuntimeException failure = null;
          try {
            drawn = drawing.draw(c, w, h);
          } catch (RuntimeException e) {
            failure = e;
          }
          Drawn result = drawn;
          RuntimeException error = failure;
          SwingUtilities.invokeLater(
              () -> {
                busy = false;
                owner.repaint();
                if (result == null) {
                  // Not again for this content: the last picture stays; new content tries anew.
                  failedVersion = v;
                  throw error; // reported like any exception on the event thread
                }
                show(result, v);
              });
        });
  }

  /** The tooltip at {@code p} of the picture on screen, or {@code null}. */
  public String tipAt(Point p) {
    if (shown == null) {
      return null;
    }
    for (Tip tip : shown.tips()) {
      if (tip.area().contains(p)) {
        return tip.text().get();
      }
    }
    return null;
  }
}
