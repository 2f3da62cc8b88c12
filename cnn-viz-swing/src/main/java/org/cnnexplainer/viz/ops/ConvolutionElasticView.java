package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import java.util.function.IntConsumer;
import javax.swing.ToolTipManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.EditListener;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.overview.UnfoldGeometry;
import org.cnnexplainer.viz.overview.Unfolding;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * The convolution elastic view of one Conv2D neuron: each input channel with its kernel glyph
 * (BrBG), the "intermediate" column (each channel cross-correlated with its kernel, no bias), the
 * plus sign with the bias, and the neuron's output map, joined by dashed flow edges that march
 * while the window slides, with notes saying what happens. A sliding-window animation walks every
 * real output position, revealing the results as the window passes; the button by the intermediate
 * column's label skips to the end while it runs and replays when it has finished. Hovering a
 * channel pair highlights it; clicking it reports the channel to {@link #setChannelListener} (the
 * app opens the formula card). When the input channels do not all fit at a readable size, the most
 * relevant are shown a page at a time ({@link #setPage}). All maps come from {@link
 * ConvolutionNeuron}.
 *
 * <p>Inside an {@link ExplainerPanel} it paints in the room the overview opens for it; on its own
 * it lays out the same picture for its size.
 */
public final class ConvolutionElasticView extends StateView {
  /** Id of the play/skip/replay button region. */
  public static final int ANIMATION_BUTTON = 1;

  /** Id of the button showing the previous page of input channels. */
  public static final int PREVIOUS_PAGE = 4;

  /** Id of the button showing the next page of input channels. */
  public static final int NEXT_PAGE = 5;

  /** How fast the dashes of the flow edges march (the original's 1000 px per 60 s). */
  private static final double DASH_SPEED_PX_PER_MS = 1000.0 / 60_000;

  /** Length of one dash and its gap ("4 2"). */
  private static final double DASH_CYCLE = 6;

  private final int layerIndex;
  private final int filter;
  private final Animator animator;
  private final WeightGestures weights;
  private double fraction = 1;
  private boolean started;
  private int hoverChannel = -1;
  private int openChannel = -1;
  private IntConsumer channelListener = c -> {};
  private ActivationTrace neuronTrace;
  private ConvolutionNeuron neuron;
  private int page;
  private long startedAt = System.nanoTime();
  private Object notesKey;
  private ElasticPainter.NotePlan notes = ElasticPainter.NotePlan.NONE;

  /**
   * The elastic view of filter {@code filter} of the Conv2D layer {@code layerIndex}.
   *
   * @param state the shared state, with a network
   * @param layerIndex the index of the Conv2D layer in the network, 0-based
   * @param filter the filter (output channel) shown, 0-based
   * @throws IllegalArgumentException if the layer is not a Conv2D or the filter is out of range
   */
  public ConvolutionElasticView(ExplainerState state, int layerIndex, int filter) {
    super(state);
    if (!(network().layer(layerIndex) instanceof Conv2D conv)
        || filter < 0
        || filter >= conv.filters()) {
      throw new IllegalArgumentException(
          "layer " + layerIndex + " filter " + filter + " is not a neuron of a Conv2D layer");
    }
    this.layerIndex = layerIndex;
    this.filter = filter;
    Shape out = network().outputShape(layerIndex);
    // About 10 s like the original, shorter for small maps; every real position is visited.
    int duration = (int) Math.min(10_000, Math.max(1500, out.height() * out.width() * 4L));
    this.animator = new Animator(duration, this, this::animationFrame);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            int c = hits().at(e.getX(), e.getY()).map(r -> channelOf(r)).orElse(-1);
            if (c != hoverChannel) {
              hoverChannel = c;
              repaint();
            }
          }

          @Override
          public void mouseExited(MouseEvent e) {
            hoverChannel = -1;
            repaint();
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            hits()
                .at(e.getX(), e.getY())
                .ifPresent(
                    r -> {
                      switch (r.kind()) {
                        case CHANNEL, INTERMEDIATE -> channelListener.accept(r.index());
                        case WEIGHT -> {
                          if (e.getClickCount() == 1) { // a double click types a value
                            channelListener.accept(channelOf(r));
                          }
                        }
                        case BUTTON -> {
                          if (r.index() == ANIMATION_BUTTON) {
                            animationButton();
                          } else if (r.index() == PREVIOUS_PAGE) {
                            setPage(page - 1);
                          } else if (r.index() == NEXT_PAGE) {
                            setPage(page + 1);
                          }
                        }
                        default -> {}
                      }
                    });
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
    ToolTipManager.sharedInstance().registerComponent(this);
    this.weights = new WeightGestures(this, state, layerIndex, filter, this::hits);
  }

  /** The input channel a region belongs to, or -1. */
  private int channelOf(HitMap.Region r) {
    return switch (r.kind()) {
      case CHANNEL, INTERMEDIATE -> r.index();
      case WEIGHT -> {
        Tensor kernel = convolution().kernel();
        yield r.index() / (kernel.shape().height() * kernel.shape().width());
      }
      default -> -1;
    };
  }

  /**
   * Lets the learner change the kernel weights (the cells of the glyphs) and the bias (the dot)
   * here: drag one up or down, turn the wheel over it, or double-click it to type a value; a single
   * click still opens the channel's formula card, which also takes the keyboard. {@code null} (the
   * default) makes the view read-only.
   *
   * @param listener who applies the edits, or null
   */
  public void setEditListener(EditListener listener) {
    weights.setListener(listener);
  }

  /** "Kernel weights: […]" over a channel's glyph, "Bias: …" over the bias dot. */
  @Override
  public String getToolTipText(MouseEvent event) {
    if (!hasTrace()) {
      return null;
    }
    return hits()
        .at(event.getX(), event.getY())
        .map(
            r ->
                switch (r.kind()) {
                  case CHANNEL -> kernelText(r.index());
                  case WEIGHT -> weightText(r.index(), channelOf(r));
                  case BIAS -> "Bias: " + DisplayNumbers.four(convolution().bias());
                  default -> null;
                })
        .orElse(null);
  }

  /** The channel's kernel weights, and with editing on the one pointed at and how to change it. */
  private String weightText(int index, int channel) {
    if (weights.listener() == null) {
      return kernelText(channel);
    }
    Tensor kernel = convolution().kernel();
    int kh = kernel.shape().height();
    int kw = kernel.shape().width();
    return kernelText(channel)
        + " · weight ("
        + index / kw % kh
        + ", "
        + index % kw
        + ") = "
        + DisplayNumbers.four(kernel.at(index))
        + ": drag, scroll or double-click to change it";
  }

  /** The weights of kernel slice {@code channel}, row by row, 2 decimals. */
  String kernelText(int channel) {
    Tensor kernel = convolution().kernel();
    StringBuilder text = new StringBuilder("Kernel weights: [");
    int kh = kernel.shape().height();
    int kw = kernel.shape().width();
    for (int y = 0; y < kh; y++) {
      text.append(y == 0 ? "[" : ", [");
      for (int x = 0; x < kw; x++) {
        text.append(x == 0 ? "" : ", ").append(DisplayNumbers.two(kernel.get(channel, y, x)));
      }
      text.append(']');
    }
    return text.append(']').toString();
  }

  @Override
  public Optional<NeuronRef> neuron() {
    return Optional.of(new NeuronRef(layerIndex, filter));
  }

  @Override
  public String concept() {
    return CONVOLUTION;
  }

  /** {@return the index of the Conv2D layer shown in the network, 0-based} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the filter (output channel) shown, 0-based} */
  public int filter() {
    return filter;
  }

  /**
   * Who is told when a channel pair is clicked.
   *
   * @param listener receives the clicked input channel (0-based), on the event thread; {@code null}
   *     for nobody
   */
  public void setChannelListener(IntConsumer listener) {
    this.channelListener = listener == null ? c -> {} : listener;
  }

  /**
   * Marks the channel whose formula view is open.
   *
   * @param channel the input channel, 0-based, or {@code -1} for none
   */
  public void setOpenChannel(int channel) {
    this.openChannel = channel;
    repaint();
  }

  /** The animation's fraction in [0, 1] (1: finished, everything shown). */
  @Override
  public double fraction() {
    return fraction;
  }

  /** Shows the frame at {@code fraction}. */
  @Override
  public void setFraction(double fraction) {
    this.fraction = Math.max(0, Math.min(1, fraction));
    repaint();
  }

  private void animationFrame(double f) {
    setFraction(f);
    if (f >= 1) {
      firePropertyChange(PLAYING_PROPERTY, true, false);
    }
  }

  /**
   * True: the view animates once when opened (and again on {@link #setPlaying setPlaying(true)}).
   */
  @Override
  public boolean isAnimated() {
    return true;
  }

  /** Plays the animation from the start ({@code true}) or skips to its end ({@code false}). */
  @Override
  public void setPlaying(boolean playing) {
    if (playing) {
      play();
    } else {
      skipToEnd();
    }
  }

  /** Skips to the end: the animation has no smaller steps. */
  @Override
  public void step() {
    skipToEnd();
  }

  /** Whether the sliding window is moving. */
  @Override
  public boolean isPlaying() {
    return animator.isRunning();
  }

  /** Starts the sliding-window animation from the beginning (final frame at once when off). */
  public void play() {
    startedAt = System.nanoTime();
    animator.start();
    if (animator.isRunning()) {
      firePropertyChange(PLAYING_PROPERTY, false, true);
    }
  }

  /**
   * {@return the page of input channels shown, 0 first (only models with many channels have
   * several)}
   */
  public int page() {
    return page;
  }

  /**
   * Shows page {@code page} of the input channels (clamped to the pages there are).
   *
   * @param page the page, 0 first
   */
  public void setPage(int page) {
    int pages = geometry().map(g -> ElasticLayout.of(g, convolution(), 0).pages()).orElse(1);
    int clamped = Math.max(0, Math.min(pages - 1, page));
    if (clamped != this.page) {
      this.page = clamped;
      repaint();
    }
  }

  /** Skips to the end of the animation. */
  public void skipToEnd() {
    boolean was = animator.isRunning();
    animator.stop();
    setFraction(1);
    if (was) {
      firePropertyChange(PLAYING_PROPERTY, true, false);
    }
  }

  private void animationButton() {
    if (fraction < 1) {
      skipToEnd();
    } else {
      play();
    }
  }

  @Override
  public void addNotify() {
    super.addNotify();
    if (!started && overview().isEmpty()) {
      startOnce();
    }
  }

  /**
   * Starts the animation the first time the view is seen (replay is the button's); embedded, that
   * is when the overview has unfolded.
   */
  public void startOnce() {
    if (!started) {
      started = true;
      play();
    }
  }

  @Override
  public void removeNotify() {
    animator.stop();
    super.removeNotify();
  }

  private ConvolutionNeuron convolution() {
    ActivationTrace trace = trace();
    if (trace != neuronTrace) {
      neuron = ConvolutionNeuron.of(trace, layerIndex, filter);
      neuronTrace = trace;
    }
    return neuron;
  }

  /**
   * What a formula card for {@code channel} must keep clear of in {@code geo}: the output map
   * (index 0) and the channel's row (index 1: glyph, input and intermediate map).
   *
   * @param geo the geometry the view paints in
   * @param channel the input channel the card shows
   * @return the two regions, in the view's coordinates
   */
  public Rectangle2D[] anchorsFor(UnfoldGeometry geo, int channel) {
    ElasticLayout layout = ElasticLayout.of(geo, convolution(), page);
    int row = Math.max(0, layout.rowOf(channel));
    Rectangle2D pair =
        layout
            .glyphs()[row]
            .createUnion(layout.inputs()[row])
            .createUnion(layout.intermediates()[row]);
    return new Rectangle2D[] {layout.output(), pair};
  }

  @Override
  Unfolding unfolding() {
    return new Unfolding(Unfolding.Kind.CONVOLUTION, new NeuronRef(layerIndex, filter));
  }

  /** Side of one map tile for {@code channels} rows (the view on its own). */
  static double tile(int channels) {
    return channels <= 4 ? 64 : channels <= 10 ? 48 : channels <= 32 ? 28 : 24;
  }

  @Override
  Dimension viewSize() {
    int channels = ((Conv2D) network().layer(layerIndex)).inputChannels();
    double t = tile(Math.min(channels, 16));
    return new Dimension(
        (int) Math.max(60 + 7.2 * t + 48 + 260, 16 + 4 * (LegendBar.WIDTH + 20)),
        (int) (TOP + Math.min(channels, 16) * t * 1.3 + 60));
  }

  private static final double TOP = 56;

  @Override
  UnfoldGeometry standaloneGeometry(int width, int height) {
    int channels = ((Conv2D) network().layer(layerIndex)).inputChannels();
    double e = tile(Math.min(channels, 16));
    double top = TOP;
    double bottom = Math.max(top + e, height - 50);
    double margin = Math.max(12, Math.min(22, e * 0.45)) + 14;
    double sourceX = 8 + margin;
    double middle = sourceX + e + 1.5 * e + 10;
    double plus = middle + e + 1.5 * e + 20;
    double target = plus + 1.2 * e + 10;
    java.util.List<Rectangle2D> boxes = new java.util.ArrayList<>();
    double gap = (bottom - top - channels * e) / (channels + 1);
    for (int c = 0; c < channels; c++) {
      boxes.add(new Rectangle2D.Double(sourceX, top + gap + c * (e + gap), e, e));
    }
    double cy = (top + bottom) / 2;
    return new UnfoldGeometry(
        new Unfolding(Unfolding.Kind.CONVOLUTION, new NeuronRef(layerIndex, filter)),
        gap >= 4 ? e : e + 1,
        e,
        top,
        bottom,
        24,
        margin,
        sourceX,
        middle,
        plus,
        target,
        boxes,
        new Rectangle2D.Double(target, cy - e / 2, e, e),
        java.util.List.of(),
        width,
        height);
  }

  @Override
  void paintView(Graphics2D g, VizStyle s, HitMap hits, Rectangle2D content) {
    Optional<UnfoldGeometry> geometry = geometry();
    if (geometry.isEmpty()) {
      return;
    }
    UnfoldGeometry geo = geometry.get();
    ConvolutionNeuron n = convolution();
    ElasticLayout layout = ElasticLayout.of(geo, n, page);
    page = layout.page();
    Object key = java.util.List.of(geo, page, trace());
    if (!key.equals(notesKey)) {
      notes =
          ElasticPainter.planNotes(
              g,
              s,
              geo,
              layout,
              (Conv2D) network().layer(layerIndex),
              OpColors.readsInput(network(), layerIndex));
      notesKey = key;
    }
    // A growing dash phase moves the pattern back along the path: count down to march forward.
    double travelled = (System.nanoTime() - startedAt) / 1e6 * DASH_SPEED_PX_PER_MS;
    double phase = fraction < 1 ? DASH_CYCLE - travelled % DASH_CYCLE : 0;
    ElasticPainter.paint(
        g,
        s,
        hits,
        new ElasticPainter.Snapshot(
            trace(),
            (Conv2D) network().layer(layerIndex),
            layerIndex,
            filter,
            n,
            ranges(),
            state().palette(),
            fraction,
            hoverChannel,
            openChannel,
            geo,
            layout,
            contentAlpha(),
            phase,
            state().isDetail()),
        notes);
  }
}
