package org.cnnexplainer.viz.attribution;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.JComponent;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.ops.OperationView;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * What the attribution step views share: a current step among {@link #stepCount()}, moved by the
 * arrow keys (Home/End to the ends), a click on a {@link HitMap.Kind#STRIP} region (its index is
 * the step), on a cell of an {@link HitMap.Kind#OUTPUT_CELL} grid (cells are the steps in reading
 * order) or on the play button; space plays and pauses. Playing advances one step every {@code
 * stepMillis} on the {@link Animator} clock and stops at the last step; each change of step fades
 * the body from the old step to the new over {@code fadeMillis} (none when 0). With animation off
 * (reduced motion, headless) playing shows the last step at once and nothing fades.
 *
 * <p>Subclasses paint a header (which decides where the body goes) and the body of one step; texts
 * and regions go through a {@link Canvas}, so hits and painted texts always match the last paint.
 */
public abstract sealed class AttributionCard extends JComponent implements OperationView
    permits GradCamSteps, IntegratedGradientsView, OcclusionSweep {
  /** Id of the play/pause button's {@link HitMap.Kind#BUTTON} region. */
  public static final int PLAY_BUTTON = 0;

  static final int MARGIN = 10;

  private final Animator stepper;
  private final Animator fader;
  private int step;
  private int previous = -1;
  private double fade = 1;
  private boolean playing;
  private HitMap hits = new HitMap();
  private List<PaintedText> texts = List.of();

  AttributionCard(int stepMillis, int fadeMillis) {
    stepper = Animator.stepping(stepMillis, this, this::advance);
    fader =
        fadeMillis > 0
            ? new Animator(
                fadeMillis,
                this,
                f -> {
                  fade = f;
                  repaint();
                })
            : null;
    setOpaque(true);
    setFocusable(true);
    addMouseListener(
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            if (isShowing()) {
              requestFocusInWindow();
            }
            hits.at(e.getX(), e.getY()).ifPresent(r -> clicked(r, e.getX(), e.getY()));
          }
        });
    addKeyListener(
        new KeyAdapter() {
          @Override
          public void keyPressed(KeyEvent e) {
            switch (e.getKeyCode()) {
              case KeyEvent.VK_RIGHT -> move(step + 1);
              case KeyEvent.VK_LEFT -> move(step - 1);
              case KeyEvent.VK_HOME -> move(0);
              case KeyEvent.VK_END -> move(stepCount() - 1);
              case KeyEvent.VK_SPACE -> setPlaying(!playing);
              default -> {}
            }
          }
        });
  }

  private void clicked(HitMap.Region region, int x, int y) {
    if (region.kind() == HitMap.Kind.BUTTON && region.index() == PLAY_BUTTON) {
      setPlaying(!playing);
    } else if (region.kind() == HitMap.Kind.STRIP) {
      move(region.index());
    } else if (region.kind() == HitMap.Kind.OUTPUT_CELL) {
      int[] cell = region.cellAt(x, y); // a grid whose cells are the steps in reading order
      move(cell[0] * region.columns() + cell[1]);
    }
  }

  private void move(int index) {
    setPlaying(false);
    setStep(index);
  }

  /**
   * How many steps there are.
   *
   * @return the number of steps, 0 without content
   */
  public abstract int stepCount();

  /**
   * Paints everything above the body (title, step names, explanation) for the current step and
   * returns where the body goes.
   */
  abstract Rectangle2D paintHeader(Canvas c, int step);

  /** Paints the body of {@code step} into {@code body}. */
  abstract void paintBody(Canvas c, int step, Rectangle2D body);

  /**
   * The step shown, from 0.
   *
   * @return the step
   */
  public int currentStep() {
    return step;
  }

  /**
   * Shows step {@code index} (clamped to the steps there are), fading from the step before.
   *
   * @param index the step
   */
  public void setStep(int index) {
    int clamped = Math.max(0, Math.min(stepCount() - 1, index));
    if (clamped != step) {
      int old = step;
      step = clamped;
      previous = old;
      firePropertyChange("step", old, step);
      if (fader != null) {
        fader.start();
      }
      repaint();
    }
  }

  /** After new content: back to {@code index} without a fade, and paused. */
  void reset(int index) {
    setPlaying(false);
    if (fader != null) {
      fader.stop();
    }
    fade = 1;
    previous = -1;
    step = Math.max(0, Math.min(Math.max(0, stepCount() - 1), index));
    repaint();
  }

  private void advance() {
    if (step >= stepCount() - 1) {
      setPlaying(false);
    } else {
      setStep(step + 1);
    }
  }

  @Override
  public JComponent component() {
    return this;
  }

  @Override
  public Optional<NeuronRef> neuron() {
    return Optional.empty();
  }

  @Override
  public boolean isAnimated() {
    return true;
  }

  @Override
  public boolean isPlaying() {
    return playing;
  }

  /**
   * Plays from the current step (from the first when at the last) or pauses; with animation off,
   * playing jumps to the last step.
   *
   * @param play true to play, false to pause
   */
  @Override
  public void setPlaying(boolean play) {
    if (play && stepCount() == 0) {
      return;
    }
    if (play && !Animator.isEnabled(this)) {
      setStep(stepCount() - 1);
      play = false;
    }
    if (play && step >= stepCount() - 1) {
      setStep(0);
    }
    if (play == playing) {
      return;
    }
    playing = play;
    if (play) {
      stepper.start();
    } else {
      stepper.stop();
    }
    firePropertyChange(PLAYING_PROPERTY, !play, play);
    repaint();
  }

  @Override
  public void step() {
    setStep(step + 1);
  }

  @Override
  public double fraction() {
    return stepCount() <= 1 ? 1 : (double) step / (stepCount() - 1);
  }

  @Override
  public void setFraction(double fraction) {
    double f = Math.max(0, Math.min(1, fraction));
    setStep((int) Math.round(f * Math.max(0, stepCount() - 1)));
  }

  @Override
  public HitMap hits() {
    return hits;
  }

  @Override
  public List<PaintedText> paintedTexts() {
    return texts;
  }

  /**
   * An accessible panel (a plain component has no accessible context), so that an application can
   * name it.
   *
   * @return the accessible context
   */
  @Override
  public javax.accessibility.AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      accessibleContext =
          new AccessibleJComponent() {
            @Override
            public javax.accessibility.AccessibleRole getAccessibleRole() {
              return javax.accessibility.AccessibleRole.PANEL;
            }
          };
    }
    return accessibleContext;
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(720, 460);
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    Canvas c = new Canvas(g, new HitMap(), new ArrayList<>());
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setFont(OverlayPainter.font(getFont()));
      g.setColor(c.background);
      g.fillRect(0, 0, getWidth(), getHeight());
      if (stepCount() == 0) {
        return;
      }
      Rectangle2D body = paintHeader(c, step);
      if (fade < 1 && previous >= 0 && previous < stepCount() && previous != step) {
        // The old step fades out under the new one; its texts are not recorded (not readable).
        Composite old = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (1 - fade)));
        paintBody(c.silent(), previous, body);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) fade));
        paintBody(c, step, body);
        g.setComposite(old);
      } else {
        paintBody(c, step, body);
      }
    } finally {
      g.dispose();
      hits = c.hits;
      texts = List.copyOf(c.texts);
    }
  }

  /** The play/pause button at {@code (x, y)}; returns its width. */
  int playButton(Canvas c, int x, int y) {
    FontMetrics fm = c.g.getFontMetrics();
    String label = playing ? "❚❚ Pause" : "▶ Play";
    int w = fm.stringWidth(label) + 14;
    Rectangle button = new Rectangle(x, y, w, fm.getHeight() + 4);
    c.g.setColor(c.muted);
    c.g.drawRoundRect(button.x, button.y, button.width, button.height, 8, 8);
    c.g.setColor(c.foreground);
    c.text("play", label, x + 7, y + 2 + fm.getAscent());
    c.hits.add(HitMap.Kind.BUTTON, PLAY_BUTTON, button);
    return w;
  }

  /**
   * One paint's drawing context: the graphics, the colours, and the regions and texts recorded. A
   * silent canvas draws without recording (the fading-out step).
   */
  static final class Canvas {
    final Graphics2D g;
    final HitMap hits;
    final List<PaintedText> texts;
    final Color foreground = AttributionOverlay.foreground();
    final Color background = AttributionOverlay.background();
    final Color muted = VizStyle.mix(foreground, background, 0.45);
    final Color selection = VizStyle.color("CnnViz.selectionColor", VizStyle.SELECTION_DEFAULT);

    Canvas(Graphics2D g, HitMap hits, List<PaintedText> texts) {
      this.g = g;
      this.hits = hits;
      this.texts = texts;
    }

    Canvas silent() {
      return new Canvas(g, new HitMap(), new ArrayList<>());
    }

    /** Draws {@code s} with its baseline at {@code (x, baseline)} and records it. */
    void text(String s, double x, double baseline) {
      text(null, s, x, baseline);
    }

    /** Draws and records {@code s}, also under {@code role} in the hit map (when not null). */
    void text(String role, String s, double x, double baseline) {
      FontMetrics fm = g.getFontMetrics();
      g.drawString(s, (float) x, (float) baseline);
      texts.add(
          new PaintedText(
              s,
              new Rectangle2D.Double(
                  x,
                  baseline - fm.getAscent(),
                  fm.stringWidth(s),
                  fm.getAscent() + fm.getDescent())));
      if (role != null) {
        hits.text(role, s);
      }
    }

    /** Draws {@code s} centred on {@code centreX}. */
    void centred(String s, double centreX, double baseline) {
      text(s, centreX - g.getFontMetrics().stringWidth(s) / 2.0, baseline);
    }

    int line() {
      return g.getFontMetrics().getHeight();
    }

    int ascent() {
      return g.getFontMetrics().getAscent();
    }

    int width(String s) {
      return g.getFontMetrics().stringWidth(s);
    }

    /** Draws {@code image} scaled into {@code area} with crisp pixels. */
    void image(BufferedImage image, Rectangle2D area) {
      OverlayPainter.drawCrisp(g, image, area);
    }
  }

  /** The input image as it looks (RGB, or grey for one channel), values clamped into [0, 1]. */
  static BufferedImage picture(Tensor image) {
    int h = image.shape().height();
    int w = image.shape().width();
    boolean rgb = image.shape().channels() >= 3;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = level(image.get(0, y, x));
        int gr = rgb ? level(image.get(1, y, x)) : r;
        int b = rgb ? level(image.get(2, y, x)) : r;
        out.setRGB(x, y, r << 16 | gr << 8 | b);
      }
    }
    return out;
  }

  private static int level(float v) {
    return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
  }

  /**
   * A signed map: pixel {@code (y, x)} in {@link OverlayMap#signedRgb} of the sum over channels of
   * {@code values} (one channel: the value), on the scale {@code ±extent}.
   */
  static BufferedImage signedPicture(Tensor values, float extent) {
    int h = values.shape().height();
    int w = values.shape().width();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, OverlayMap.signedRgb(channelSum(values, y, x), extent));
      }
    }
    return out;
  }

  /** The sum over channels at {@code (y, x)}, in channel order (as {@link OverlayMap} sums). */
  static float channelSum(Tensor values, int y, int x) {
    float sum = 0;
    for (int ch = 0; ch < values.shape().channels(); ch++) {
      sum += values.get(ch, y, x);
    }
    return sum;
  }

  /** The largest {@code |channelSum|} of {@code values}. */
  static float extent(Tensor values) {
    float m = 0;
    for (int y = 0; y < values.shape().height(); y++) {
      for (int x = 0; x < values.shape().width(); x++) {
        m = Math.max(m, Math.abs(channelSum(values, y, x)));
      }
    }
    return m;
  }

  /** Largest square-pixel area for a {@code h × w} map inside {@code box}, centred at the top. */
  static Rectangle2D fit(int h, int w, Rectangle2D box) {
    double scale = Math.max(0, Math.min(box.getWidth() / w, box.getHeight() / h));
    if (scale >= 1) {
      scale = Math.floor(scale); // whole screen pixels per map cell: every cell the same size
    }
    double width = w * scale;
    return new Rectangle2D.Double(
        box.getX() + (box.getWidth() - width) / 2, box.getY(), width, h * scale);
  }
}
