package org.cnnexplainer.viz.ops;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Objects;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The hyperparameter playground, usable on its own: spinners for input size, padding, kernel size
 * and stride; the padded input and the output drawn with their values in the cells (a small sample
 * input and kernel, convolved by cnn-core's {@link Conv2D}); the output-size formula; invalid
 * combinations explained in words. The window steps once a second (looping); hovering a cell moves
 * it there and pauses.
 */
public final class HyperparameterPlayground extends JPanel implements Explainable {
  private final JSpinner input = spinner(ConvGeometry.DEFAULT.input(), 1, ConvGeometry.MAX_INPUT);
  private final JSpinner padding = spinner(ConvGeometry.DEFAULT.padding(), 0, 8);
  private final JSpinner kernel = spinner(ConvGeometry.DEFAULT.kernel(), 1, 9);
  private final JSpinner stride = spinner(ConvGeometry.DEFAULT.stride(), 1, 9);
  private final Canvas canvas = new Canvas();
  private final Animator stepper = Animator.stepping(1000, this, this::step);
  private ConvGeometry geometry = ConvGeometry.DEFAULT;
  private Tensor sampleInput;
  private Tensor sampleKernel;
  private Tensor output;
  private int position;
  private boolean playing = true;
  private boolean updating;

  /** A playground at the original's defaults (5, 0, 2, 1). */
  public HyperparameterPlayground() {
    super(new BorderLayout());
    JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT));
    add(controls, BorderLayout.NORTH);
    add(canvas, BorderLayout.CENTER);
    controls.add(new JLabel("Input size"));
    controls.add(input);
    controls.add(new JLabel("Padding"));
    controls.add(padding);
    controls.add(new JLabel("Kernel size"));
    controls.add(kernel);
    controls.add(new JLabel("Stride"));
    controls.add(stride);
    for (JSpinner s : new JSpinner[] {input, padding, kernel, stride}) {
      s.addChangeListener(e -> fromSpinners());
    }
    recompute();
  }

  private static JSpinner spinner(int value, int min, int max) {
    return new JSpinner(new SpinnerNumberModel(value, min, max, 1));
  }

  @Override
  public String concept() {
    return HYPERPARAMETERS;
  }

  /** {@return the current settings (valid or not)} */
  public ConvGeometry geometry() {
    return geometry;
  }

  /**
   * Shows {@code geometry} (also when it is invalid: the reason is shown instead); the window goes
   * back to (0, 0).
   *
   * @param geometry the settings to show
   */
  public void setGeometry(ConvGeometry geometry) {
    this.geometry = Objects.requireNonNull(geometry, "geometry");
    updating = true;
    try {
      input.setValue(geometry.input());
      padding.setValue(Math.min(geometry.padding(), 8));
      kernel.setValue(Math.min(geometry.kernel(), 9));
      stride.setValue(Math.min(geometry.stride(), 9));
    } finally {
      updating = false;
    }
    recompute();
  }

  private void fromSpinners() {
    if (updating) {
      return;
    }
    geometry =
        new ConvGeometry(
            (Integer) input.getValue(),
            (Integer) padding.getValue(),
            (Integer) kernel.getValue(),
            (Integer) stride.getValue());
    recompute();
  }

  /** The sample input value at {@code (y, x)}: small integers 0..4 that make a visible pattern. */
  static float sampleValue(int y, int x) {
    return (y * y + 3 * x + x * y) % 5;
  }

  /** The sample kernel weight at {@code (y, x)}: -1, 0 or 1, so sums are easy to follow. */
  static float sampleWeight(int y, int x) {
    return (2 * y + x) % 3 - 1;
  }

  private void recompute() {
    position = 0;
    int n = geometry.input();
    int p = geometry.padding();
    int size = geometry.paddedSize();
    float[] values = new float[size * size];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        values[(y + p) * size + x + p] = sampleValue(y, x);
      }
    }
    sampleInput = Tensor.of(Shape.image(1, size, size), values);
    int k = geometry.kernel();
    float[] weights = new float[k * k];
    for (int y = 0; y < k; y++) {
      for (int x = 0; x < k; x++) {
        weights[y * k + x] = sampleWeight(y, x);
      }
    }
    sampleKernel = Tensor.of(Shape.of(1, 1, k, k), weights);
    output = null;
    if (geometry.isValid()) {
      // The padding is explicit in the sample input, so a VALID convolution gives the answer.
      Conv2D conv =
          new Conv2D(
              "playground",
              sampleKernel,
              Tensor.of(Shape.vector(1), 0f),
              geometry.stride(),
              geometry.stride(),
              Padding.VALID,
              Activation.LINEAR);
      output = conv.forward(sampleInput);
    }
    updateTimer();
    canvas.revalidate();
    canvas.repaint();
  }

  /**
   * {@return the output position the window is at now, in the current geometry's output; (0, 0) at
   * first and after every change of the settings}
   */
  public Position windowPosition() {
    int m = geometry.isValid() ? geometry.outputSize() : 1;
    return new Position(position / m, position % m);
  }

  /**
   * Moves the window to {@code position} of the output.
   *
   * @param position the output row and column
   * @throws IllegalArgumentException if the position is outside the current geometry's output
   * @throws IllegalStateException if the current settings cannot be convolved (no output)
   */
  public void setWindowPosition(Position position) {
    int row = position.row();
    int column = position.column();
    int m = geometry.outputSize();
    if (row >= m || column >= m) {
      throw new IllegalArgumentException(
          "(" + row + ", " + column + ") is outside the " + m + "x" + m + " output");
    }
    this.position = row * m + column;
    canvas.repaint();
  }

  /** One step in row-major order, looping; no effect when the settings are invalid. */
  public void step() {
    if (geometry.isValid()) {
      int m = geometry.outputSize();
      position = (position + 1) % (m * m);
      canvas.repaint();
    }
  }

  /**
   * Plays or pauses the stepping (one position per animation step, row by row, looping).
   *
   * @param playing true to step automatically, false to pause
   */
  public void setPlaying(boolean playing) {
    this.playing = playing;
    updateTimer();
    canvas.repaint();
  }

  /** {@return whether it steps automatically} */
  public boolean isPlaying() {
    return playing;
  }

  /**
   * {@return the regions and texts of the last paint of the drawing, in {@link #canvas()}'s
   * coordinates}
   */
  public HitMap hits() {
    return canvas.hits;
  }

  /** {@return the drawing area (for painting it alone, without the settings)} */
  public JComponent canvas() {
    return canvas;
  }

  private void updateTimer() {
    if (playing && geometry.isValid() && isDisplayable() && Animator.isEnabled(this)) {
      if (!stepper.isRunning()) {
        stepper.start();
      }
    } else {
      stepper.stop();
    }
  }

  @Override
  public void addNotify() {
    super.addNotify();
    updateTimer();
  }

  @Override
  public void removeNotify() {
    stepper.stop();
    super.removeNotify();
  }

  private final class Canvas extends JComponent {
    private HitMap hits = new HitMap();

    Canvas() {
      setOpaque(true);
      MouseAdapter mouse =
          new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
              if (!geometry.isValid()) {
                return;
              }
              hits.at(e.getX(), e.getY())
                  .ifPresent(
                      r -> {
                        int[] cell = r.cellAt(e.getX(), e.getY());
                        int m = geometry.outputSize();
                        if (r.kind() == HitMap.Kind.OUTPUT_CELL) {
                          setPlaying(false);
                          setWindowPosition(new Position(cell[0], cell[1]));
                        } else if (r.kind() == HitMap.Kind.INPUT_CELL) {
                          setPlaying(false);
                          setWindowPosition(
                              new Position(
                                  Math.min(cell[0] / geometry.stride(), m - 1),
                                  Math.min(cell[1] / geometry.stride(), m - 1)));
                        }
                      });
            }

            @Override
            public void mouseClicked(MouseEvent e) {
              hits.at(e.getX(), e.getY())
                  .filter(
                      r -> r.kind() == HitMap.Kind.BUTTON && r.index() == SteppingView.PLAY_BUTTON)
                  .ifPresent(r -> setPlaying(!playing));
            }
          };
      addMouseListener(mouse);
      addMouseMotionListener(mouse);
      addMouseListener(
          InfoButton.listener(
              () -> hits,
              () ->
                  HyperparameterPlayground.this.firePropertyChange(
                      EXPLAIN_PROPERTY, null, HYPERPARAMETERS)));
    }

    @Override
    public Dimension getPreferredSize() {
      return isPreferredSizeSet() ? super.getPreferredSize() : PlaygroundPainter.SIZE;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
      Graphics2D g = (Graphics2D) graphics.create();
      try {
        Draw.setup(g);
        HitMap fresh = new HitMap();
        PlaygroundPainter.paint(
            g,
            VizStyle.fromUIManager(),
            fresh,
            getWidth(),
            geometry,
            sampleInput,
            sampleKernel,
            output,
            position,
            playing);
        InfoButton.paint(g, VizStyle.fromUIManager(), fresh, Math.max(getWidth(), 300), 32);
        hits = fresh;
      } finally {
        g.dispose();
      }
    }
  }
}
