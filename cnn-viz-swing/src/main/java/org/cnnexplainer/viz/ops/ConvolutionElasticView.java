package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.IntConsumer;
import javax.swing.ToolTipManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;

/**
 * The convolution elastic view of one Conv2D neuron: each input channel with its kernel glyph
 * (BrBG), the "intermediate" column (each channel cross-correlated with its kernel, no bias), the
 * plus sign with the bias, and the neuron's output map. A sliding-window animation walks every real
 * output position, revealing the results as the window passes; the corner button skips to the end
 * while it runs and replays when it has finished. Hovering a channel pair highlights it; clicking
 * it reports the channel to {@link #setChannelListener} (the app opens the formula view). All maps
 * come from {@link ConvolutionNeuron}.
 */
public final class ConvolutionElasticView extends StateView {
  /** Id of the play/skip/replay button region. */
  public static final int ANIMATION_BUTTON = 1;

  static final double TOP = 56;
  static final double GAP = 10;

  private final int layerIndex;
  private final int filter;
  private final Animator animator;
  private double fraction = 1;
  private boolean started;
  private int hoverChannel = -1;
  private int openChannel = -1;
  private IntConsumer channelListener = c -> {};
  private ActivationTrace neuronTrace;
  private ConvolutionNeuron neuron;

  /**
   * The elastic view of filter {@code filter} of the Conv2D layer {@code layerIndex}.
   *
   * @throws IllegalArgumentException if the layer is not a Conv2D or the filter is out of range
   */
  public ConvolutionElasticView(ExplainerState state, int layerIndex, int filter) {
    super(state);
    if (!(state.network().layer(layerIndex) instanceof Conv2D conv)
        || filter < 0
        || filter >= conv.filters()) {
      throw new IllegalArgumentException(
          "layer " + layerIndex + " filter " + filter + " is not a neuron of a Conv2D layer");
    }
    this.layerIndex = layerIndex;
    this.filter = filter;
    Shape out = state.network().outputShape(layerIndex);
    // About 10 s like the original, shorter for small maps; every real position is visited.
    int duration = (int) Math.min(10_000, Math.max(1500, out.height() * out.width() * 4L));
    this.animator = new Animator(duration, this::setFraction);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            int c =
                hits()
                    .at(e.getX(), e.getY())
                    .filter(
                        r ->
                            r.kind() == ViewHits.Kind.CHANNEL
                                || r.kind() == ViewHits.Kind.INTERMEDIATE)
                    .map(ViewHits.Region::index)
                    .orElse(-1);
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
                        case BUTTON -> {
                          if (r.index() == ANIMATION_BUTTON) {
                            animationButton();
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
  }

  /** "Kernel weights: […]" over a channel's glyph, "Bias: …" over the bias dot. */
  @Override
  public String getToolTipText(MouseEvent event) {
    if (state().trace() == null) {
      return null;
    }
    return hits()
        .at(event.getX(), event.getY())
        .map(
            r ->
                switch (r.kind()) {
                  case CHANNEL -> kernelText(r.index());
                  case BIAS -> "Bias: " + DisplayNumbers.four(neuron().bias());
                  default -> null;
                })
        .orElse(null);
  }

  /** The weights of kernel slice {@code channel}, row by row, 2 decimals. */
  String kernelText(int channel) {
    Tensor kernel = neuron().kernel();
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
  public String concept() {
    return CONVOLUTION;
  }

  /** The Conv2D layer shown. */
  public int layerIndex() {
    return layerIndex;
  }

  /** The filter shown. */
  public int filter() {
    return filter;
  }

  /** Who is told when a channel pair is clicked. */
  public void setChannelListener(IntConsumer listener) {
    this.channelListener = listener == null ? c -> {} : listener;
  }

  /** Marks the channel whose formula view is open ({@code -1}: none). */
  public void setOpenChannel(int channel) {
    this.openChannel = channel;
    repaint();
  }

  /** The animation's fraction in [0, 1] (1: finished, everything shown). */
  public double fraction() {
    return fraction;
  }

  /** Shows the frame at {@code fraction}. */
  public void setFraction(double fraction) {
    this.fraction = Math.max(0, Math.min(1, fraction));
    repaint();
  }

  /** Starts the sliding-window animation from the beginning (final frame at once when off). */
  public void play() {
    animator.start();
  }

  /** Skips to the end of the animation. */
  public void skipToEnd() {
    animator.stop();
    setFraction(1);
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
    if (!started) {
      started = true; // the animation plays once on first display; replay is the button's
      play();
    }
  }

  @Override
  public void removeNotify() {
    animator.stop();
    super.removeNotify();
  }

  private ConvolutionNeuron neuron() {
    ActivationTrace trace = state().trace();
    if (trace != neuronTrace) {
      neuron = ConvolutionNeuron.of(trace, layerIndex, filter);
      neuronTrace = trace;
    }
    return neuron;
  }

  /** Side of one map tile for {@code channels} rows. */
  static double tile(int channels) {
    return channels <= 4 ? 64 : channels <= 10 ? 48 : channels <= 32 ? 28 : 18;
  }

  @Override
  Dimension viewSize() {
    int channels = ((Conv2D) state().network().layer(layerIndex)).inputChannels();
    double t = tile(channels);
    return new Dimension(
        (int) Math.max(60 + t * 2 + 140 + 90 + t * 1.6 + 40, 16 + 4 * (LegendBar.WIDTH + 24)),
        (int) (TOP + channels * (t + GAP) + 30 + LegendBar.HEIGHT + 14));
  }

  @Override
  void paintView(Graphics2D g, OpStyle s, ViewHits hits) {
    ElasticPainter.paint(
        g,
        s,
        hits,
        new ElasticPainter.Snapshot(
            state().trace(),
            (Conv2D) state().network().layer(layerIndex),
            layerIndex,
            filter,
            neuron(),
            state().ranges(),
            state().palette(),
            fraction,
            hoverChannel,
            openChannel));
  }
}
