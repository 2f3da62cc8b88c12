package org.cnnexplainer.viz.training;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JPanel;
import javax.swing.ToolTipManager;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.color.ColorMaps;
import org.cnnexplainer.viz.internal.BackgroundPicture;
import org.cnnexplainer.viz.internal.BackgroundPicture.Drawn;
import org.cnnexplainer.viz.internal.BackgroundPicture.Tip;

/**
 * The first convolution's kernels over time: one column per moment of training (the first and the
 * newest always, the others spread evenly over the run), one row per filter. One-channel kernels
 * use the brown–teal map of the kernel views, symmetric around 0 over each column; three-channel
 * kernels are shown as colours, stretched over each column's range, as is usual for first-layer
 * filters. Drawn on a background thread (see {@link BackgroundPicture}); call on the event thread.
 */
public final class KernelFilmstrip extends JPanel {
  /**
   * Columns kept at most: the first, the newest, and between them moments spread evenly over the
   * whole run (see {@link #addFrame}).
   */
  public static final int MAX_FRAMES = 12;

  private static final int PAD = 6;
  private final List<Frame> frames = new ArrayList<>();

  /** How many frames were added since the strip was emptied. */
  private long added;

  /** Only every {@code stride}-th added frame stays (the newest one always shows). */
  private long stride = 1;

  /** Many small images reach the screen as one picture, drawn in the background. */
  private final BackgroundPicture<Content> picture =
      new BackgroundPicture<>(this, KernelFilmstrip::draw);

  private TrainingStyle style = TrainingStyle.fromUIManager();

  private record Frame(String caption, Tensor kernel, BufferedImage[] pictures, long index) {}

  /** What one picture shows; read on the drawing thread. */
  private record Content(List<Frame> frames, TrainingStyle style) {}

  /** An empty strip. */
  public KernelFilmstrip() {
    setOpaque(true);
    ToolTipManager.sharedInstance().registerComponent(this);
    getAccessibleContext().setAccessibleName("First-layer kernels over time");
    changed();
  }

  private void changed() {
    picture.setContent(new Content(List.copyOf(frames), style));
  }

  /**
   * Adds a column: {@code kernel} with shape {@code (filters, channels, kh, kw)}, captioned (e.g.
   * "1.5 ep"). The newest column always shows; older ones are thinned so that the strip spans the
   * whole run at even steps: only every {@code stride}-th frame stays, and when the strip is full
   * the stride doubles (a sliding window would show only the last seconds of a long run).
   *
   * @param caption the column's caption, e.g. the training progress in epochs
   * @param kernel a Conv2D kernel, shape {@code (filters, channels, kh, kw)}; the same shape as the
   *     frames before
   * @throws IllegalArgumentException if the kernel is not of rank 4 (or differs from the first
   *     frame's shape)
   */
  public void addFrame(String caption, Tensor kernel) {
    Shape shape = kernel.shape();
    if (shape.rank() != 4) {
      throw new IllegalArgumentException("a kernel has shape (out, in, kh, kw), got " + shape);
    }
    if (!frames.isEmpty() && !frames.get(0).kernel().shape().equals(shape)) {
      clearFrames(); // another network: start a new strip
    }
    int last = frames.size() - 1;
    if (last > 0 && frames.get(last).index() % stride != 0) {
      frames.remove(last); // it was shown only as the newest
    }
    frames.add(new Frame(caption, kernel, pictures(kernel), added++));
    while (frames.size() > MAX_FRAMES) {
      stride *= 2;
      Frame newest = frames.get(frames.size() - 1);
      frames.removeIf(f -> f.index() % stride != 0 && f != newest);
    }
    changed();
  }

  /** Removes every column. */
  public void clear() {
    clearFrames();
    changed();
  }

  private void clearFrames() {
    frames.clear();
    added = 0;
    stride = 1;
  }

  /** {@return how many columns are shown (after thinning), 0 before the first frame} */
  public int frameCount() {
    return frames.size();
  }

  /** {@return the captions of the columns shown, left to right (oldest first)} */
  public List<String> captions() {
    return frames.stream().map(Frame::caption).toList();
  }

  /** One small picture per filter, coloured as the class describes. */
  static BufferedImage[] pictures(Tensor kernel) {
    Shape s = kernel.shape();
    int filters = s.dim(0);
    int channels = s.dim(1);
    int kh = s.dim(2);
    int kw = s.dim(3);
    float[] w = kernel.toArray();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : w) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float absMax = Math.max(1e-12f, Math.max(Math.abs(min), Math.abs(max)));
    float span = Math.max(1e-12f, max - min);
    BufferedImage[] out = new BufferedImage[filters];
    for (int f = 0; f < filters; f++) {
      BufferedImage img = new BufferedImage(kw, kh, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < kh; y++) {
        for (int x = 0; x < kw; x++) {
          int rgb;
          if (channels == 3) {
            int r = channelByte(w, s, f, 0, y, x, min, span);
            int g = channelByte(w, s, f, 1, y, x, min, span);
            int b = channelByte(w, s, f, 2, y, x, min, span);
            rgb = (r << 16) | (g << 8) | b;
          } else {
            // Several channels (not an image): their mean, on the kernel map.
            float sum = 0;
            for (int c = 0; c < channels; c++) {
              sum += w[((f * channels + c) * kh + y) * kw + x];
            }
            rgb = ColorMaps.BR_BG.rgb(0.5 + 0.5 * (sum / channels) / absMax);
          }
          img.setRGB(x, y, rgb);
        }
      }
      out[f] = img;
    }
    return out;
  }

  private static int channelByte(
      float[] w, Shape s, int f, int c, int y, int x, float min, float span) {
    float v = w[((f * s.dim(1) + c) * s.dim(2) + y) * s.dim(3) + x];
    return Math.round(255 * (v - min) / span);
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    return picture.tipAt(e.getPoint());
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (picture != null) {
      style = TrainingStyle.fromUIManager();
      changed();
    }
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    picture.paint(graphics);
  }

  private static Drawn draw(Content content, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      return new Drawn(image, paintStrip(g, content, width, height));
    } finally {
      g.dispose();
    }
  }

  /** Paints {@code content}; returns where each filter went, with its tooltip. */
  private static List<Tip> paintStrip(Graphics2D g, Content content, int width, int height) {
    TrainingStyle style = content.style();
    List<Frame> kept = content.frames();
    List<Tip> cells = new ArrayList<>();
    g.setColor(style.background());
    g.fillRect(0, 0, width, height);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(style.font().deriveFont(style.font().getSize2D() - 1));
    FontMetrics fm = g.getFontMetrics();
    if (kept.isEmpty()) {
      g.setColor(style.muted());
      g.drawString(
          "The first layer's kernels appear here while training runs", PAD, PAD + fm.getAscent());
      return cells;
    }
    int filters = kept.get(0).pictures().length;
    int top = PAD + fm.getHeight() + 2;
    int gap = 2;
    int frameGap = 10;
    int captionWidth = fm.stringWidth("00.00 ep");
    // Room for the "filter n" labels too, which a tall strip shows.
    int labelWidth = fm.stringWidth("filter " + filters) + PAD;
    List<Frame> frames = fitting(kept, width - PAD - labelWidth, captionWidth + frameGap);
    // Each column shows its filters in a small grid: as many grid columns as make the cells
    // largest in the space there is (one grid column, with "filter n" labels, when tall enough).
    int best = 0;
    int gridColumns = 1;
    for (int k = 1; k <= filters; k++) {
      int rows = (filters + k - 1) / k;
      int labels = k == 1 ? fm.stringWidth("filter " + filters) + PAD : 0;
      int byHeight = (height - top - PAD) / rows - gap;
      int byWidth = ((width - PAD - labels) / frames.size() - frameGap) / k - gap;
      int size = Math.min(40, Math.min(byHeight, byWidth));
      if (size > best) {
        best = size;
        gridColumns = k;
      }
    }
    int cell = Math.max(3, best);
    int rows = (filters + gridColumns - 1) / gridColumns;
    int left = PAD + (gridColumns == 1 ? fm.stringWidth("filter " + filters) + PAD : 0);
    int column = Math.max(gridColumns * (cell + gap), captionWidth) + frameGap;
    g.setColor(style.muted());
    if (gridColumns == 1) {
      for (int f = 0; f < filters; f++) {
        g.drawString(
            "filter " + (f + 1),
            PAD,
            top + f * (cell + gap) + (cell + fm.getAscent() - fm.getDescent()) / 2);
      }
    }
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    for (int i = 0; i < frames.size(); i++) {
      Frame frame = frames.get(i);
      int x0 = left + i * column;
      g.setColor(i == 0 ? style.muted() : style.foreground());
      g.drawString(frame.caption(), x0, PAD + fm.getAscent());
      float[] w = frame.kernel().toArray();
      int per = w.length / filters;
      for (int f = 0; f < filters; f++) {
        int x = x0 + (f % gridColumns) * (cell + gap);
        int y = top + (f / gridColumns) * (cell + gap);
        g.drawImage(frame.pictures()[f], x, y, cell, cell, null);
        g.setColor(style.grid());
        g.drawRect(x, y, cell, cell);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int k = f * per; k < (f + 1) * per; k++) {
          lo = Math.min(lo, w[k]);
          hi = Math.max(hi, w[k]);
        }
        cells.add(tip(new Rectangle2D.Double(x, y, cell, cell), f, frame.caption(), lo, hi));
      }
      if (i == 0 && frames.size() > 1) {
        // The first column is the starting point; a line separates it from the newest ones.
        g.setColor(style.grid());
        int lx = x0 + column - frameGap / 2;
        g.drawLine(lx, top, lx, top + rows * (cell + gap));
      }
    }
    return cells;
  }

  /**
   * The columns whose captions fit in {@code width} at {@code columnWidth} each: all, or (in a
   * narrow strip) the first and as many of the newest as fit, so the newest is never cut off.
   */
  private static List<Frame> fitting(List<Frame> frames, int width, int columnWidth) {
    int fit = Math.max(2, width / columnWidth);
    if (frames.size() <= fit) {
      return frames;
    }
    List<Frame> shown = new ArrayList<>();
    shown.add(frames.get(0));
    shown.addAll(frames.subList(frames.size() - (fit - 1), frames.size()));
    return shown;
  }

  /** Filter {@code filter} of a column and its weights' range, formatted only when asked for. */
  private static Tip tip(Rectangle2D bounds, int filter, String caption, float lo, float hi) {
    return new Tip(
        bounds,
        () ->
            String.format(
                Locale.ROOT,
                "filter %d at %s: weights from %.3f to %.3f",
                filter + 1,
                caption,
                lo,
                hi));
  }

  /**
   * Paints the strip into a new image of {@code width x height} (no window needed).
   *
   * @param width the image's width, in pixels, 1 or more
   * @param height the image's height, in pixels, 1 or more
   * @return a new image of the strip as this component would show it at that size
   */
  public BufferedImage toImage(int width, int height) {
    return draw(picture.content(), width, height).image();
  }

  /** A colour of the one-channel map, for tests: weight {@code v} in a column whose |max| is m. */
  static Color kernelColor(double v, double absMax) {
    return ColorMaps.BR_BG.color(0.5 + 0.5 * v / absMax);
  }

  @Override
  public Dimension getPreferredSize() {
    if (isPreferredSizeSet()) {
      return super.getPreferredSize();
    }
    // The filters of a column in two grid columns: compact enough to leave a window's height to
    // the views beside it (in a taller strip they are drawn larger, one per row).
    int filters = frames.isEmpty() ? 10 : frames.get(0).pictures().length;
    return new Dimension(80 + MAX_FRAMES * 48, 30 + (filters + 1) / 2 * 28);
  }
}
