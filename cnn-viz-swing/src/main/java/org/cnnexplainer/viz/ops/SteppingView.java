package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * A formula card that walks over the output positions of one map: it auto-steps row by row every
 * {@link #stepMillis()} (looping) while playing; hovering an input or output cell moves the window
 * there and pauses; the arrow keys move it one cell; space or the play/pause button plays and
 * pauses ({@link Explainable#PLAYING_PROPERTY} follows); the close button fires {@link
 * Explainable#CLOSE_PROPERTY}. With animation off ({@link Animator#isEnabled(java.awt.Component)})
 * it never auto-steps. The card lays itself out for the size it is given, down to {@link
 * #cardSize}'s smallest answer.
 *
 * <p>Subclasses paint one position from the state's current trace; they read everything from
 * cnn-core's explanation objects. Once the state shows a network with other layers than the one the
 * card was made for, the card is {@linkplain #isAttached() detached}: blank, it no longer steps or
 * moves.
 */
public abstract sealed class SteppingView extends JComponent implements OperationView
    permits ConvolutionFormulaView, ActivationFormulaView, PoolingFormulaView {
  /** Id of the play/pause button region. */
  public static final int PLAY_BUTTON = 0;

  /** Id of the close (×) button region. */
  public static final int CLOSE_BUTTON = CardChrome.CLOSE;

  private final ExplainerState state;
  private final ViewSource source;
  private final StateListener listener = e -> repaint();
  private final Animator stepper;
  private HitMap hits = new HitMap();
  private List<PaintedText> texts = List.of();
  private int row;
  private int column;
  private boolean playing = Animator.isEnabled(); // with animation off, nothing would move

  SteppingView(ExplainerState state) {
    this.state = Objects.requireNonNull(state, "state");
    this.source = new ViewSource(state);
    this.stepper = Animator.stepping(stepMillis(), this, this::step);
    setOpaque(true);
    setFocusable(true);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            hover(e.getX(), e.getY());
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            requestFocusInWindow();
            hits.at(e.getX(), e.getY())
                .filter(r -> r.kind() == HitMap.Kind.BUTTON)
                .ifPresent(
                    r -> {
                      if (r.index() == PLAY_BUTTON) {
                        setPlaying(!playing);
                      } else if (r.index() == CardChrome.CLOSE) {
                        firePropertyChange(CLOSE_PROPERTY, false, true);
                      }
                    });
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
    addMouseListener(
        InfoButton.listener(
            this::hits, () -> firePropertyChange(EXPLAIN_PROPERTY, null, concept())));
    bindKey("LEFT", 0, -1);
    bindKey("RIGHT", 0, 1);
    bindKey("UP", -1, 0);
    bindKey("DOWN", 1, 0);
    getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "togglePlay");
    getActionMap()
        .put(
            "togglePlay",
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                setPlaying(!playing);
              }
            });
  }

  private void bindKey(String key, int dy, int dx) {
    getInputMap().put(KeyStroke.getKeyStroke(key), "move" + key);
    getActionMap()
        .put(
            "move" + key,
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                setPlaying(false);
                if (!hasTrace()) {
                  return;
                }
                int[] size = outputSize();
                setWindowPosition(
                    new Position(
                        Math.max(0, Math.min(size[0] - 1, row + dy)),
                        Math.max(0, Math.min(size[1] - 1, column + dx))));
              }
            });
  }

  /** Milliseconds per automatic step (250, as the original). */
  int stepMillis() {
    return 250;
  }

  /** {@return the shared state this card shows} */
  public ExplainerState state() {
    return state;
  }

  @Override
  public JComponent component() {
    return this;
  }

  /** The output map's {@code {rows, columns}} (positions the window visits). */
  abstract int[] outputSize();

  /** The output position an input cell under the pointer selects. */
  abstract int[] outputForInput(int inputRow, int inputColumn);

  /**
   * Paints the content at the current position into {@code content} (below the card's header),
   * recording regions in {@code hits}.
   */
  abstract void paintView(
      Graphics2D g, VizStyle style, HitMap hits, int row, int col, Rectangle2D content);

  /** The card's title, e.g. "Convolution". */
  abstract String title();

  /** What exactly the card shows at output {@code (row, col)}: layer, neuron, position. */
  abstract String subtitle(int row, int col);

  /**
   * The size the card takes within {@code available}: as large as reads well, smaller when space is
   * short, never below its minimum (which may exceed {@code available}).
   *
   * @param available the room there is, in pixels
   * @return the size to give the card, in pixels
   */
  public abstract Dimension cardSize(Dimension available);

  /** {@return the output position the window is at now; (0, 0) when the card is made} */
  public Position windowPosition() {
    return new Position(row, column);
  }

  /**
   * Moves the window to {@code position} of the output; no effect once the card is detached.
   *
   * @param position the output row and column
   * @throws IllegalArgumentException if the position is outside the output
   */
  @Override
  public void setWindowPosition(Position position) {
    int row = position.row();
    int column = position.column();
    if (!isAttached()) {
      return; // the layer may not exist in the state's network
    }
    int[] size = outputSize();
    if (row >= size[0] || column >= size[1]) {
      throw new IllegalArgumentException(
          "position ("
              + row
              + ", "
              + column
              + ") is outside the "
              + size[0]
              + "x"
              + size[1]
              + " output");
    }
    if (row != this.row || column != this.column) {
      this.row = row;
      this.column = column;
      repaint();
    }
  }

  /** Always true: the card steps over the output positions. */
  @Override
  public boolean isAnimated() {
    return true;
  }

  /** Whether the view auto-steps (when displayed and animation is on). */
  @Override
  public boolean isPlaying() {
    return playing;
  }

  /** Plays or pauses the automatic stepping. */
  @Override
  public void setPlaying(boolean playing) {
    boolean old = this.playing;
    this.playing = playing;
    updateTimer();
    repaint();
    firePropertyChange(PLAYING_PROPERTY, old, playing);
  }

  /**
   * How far the window has come: its position in reading order over the output positions, 0 at the
   * first, 1 at the last.
   */
  @Override
  public double fraction() {
    if (!hasTrace()) {
      return 0;
    }
    int[] size = outputSize();
    int last = size[0] * size[1] - 1;
    return last == 0
        ? 1
        : (Math.min(row, size[0] - 1) * size[1] + Math.min(column, size[1] - 1)) / (double) last;
  }

  /** Moves the window to the position {@code fraction} of the way through, in reading order. */
  @Override
  public void setFraction(double fraction) {
    if (!hasTrace()) {
      return;
    }
    int[] size = outputSize();
    int index = (int) Math.round(Math.max(0, Math.min(1, fraction)) * (size[0] * size[1] - 1));
    setWindowPosition(new Position(index / size[1], index % size[1]));
  }

  /** Advances one position in row-major order, wrapping to the start. */
  @Override
  public void step() {
    if (!isAttached()) {
      stepper.stop();
      return;
    }
    int[] size = outputSize();
    int next = (row * size[1] + column + 1) % (size[0] * size[1]);
    setWindowPosition(new Position(next / size[1], next % size[1]));
  }

  /**
   * Whether the state's network still has the layers of the one this card was made for (see the
   * class comment).
   *
   * @return false once the state switched to a network with other layers
   */
  @Override
  public boolean isAttached() {
    return source.isAttached();
  }

  private boolean hasTrace() {
    return source.hasTrace();
  }

  /** The state's network (with its current weights), or the one this view was made for if none. */
  Network network() {
    return source.network();
  }

  /**
   * The state's trace, for paint code that runs only when {@link #hasTrace()} said there is one.
   *
   * @throws IllegalStateException when there is no trace
   */
  ActivationTrace trace() {
    return source.trace();
  }

  /**
   * The colour ranges of the state's trace, for paint code that runs only when {@link #hasTrace()}
   * said there is one.
   *
   * @throws IllegalStateException when there is no trace
   */
  LayerRanges ranges() {
    return source.ranges();
  }

  /** Regions painted in the last paint. */
  @Override
  public HitMap hits() {
    return hits;
  }

  private void hover(int x, int y) {
    hits.at(x, y)
        .ifPresent(
            r -> {
              if (r.kind() == HitMap.Kind.INPUT_CELL) {
                int[] cell = r.cellAt(x, y);
                int[] out = outputForInput(cell[0], cell[1]);
                setPlaying(false);
                setWindowPosition(new Position(out[0], out[1]));
              } else if (r.kind() == HitMap.Kind.OUTPUT_CELL) {
                int[] cell = r.cellAt(x, y);
                setPlaying(false);
                setWindowPosition(new Position(cell[0], cell[1]));
              }
            });
  }

  private void updateTimer() {
    boolean run = playing && isDisplayable() && Animator.isEnabled(this);
    if (run && !stepper.isRunning()) {
      stepper.start();
    } else if (!run) {
      stepper.stop();
    }
  }

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
    if (playing && !Animator.isEnabled(this)) {
      setPlaying(false); // switched off for this component: show the pause state, not "playing"
    }
    updateTimer();
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    stepper.stop();
    super.removeNotify();
  }

  /** The card at its roomiest (what it takes when space is plenty). */
  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() || !hasTrace()
        ? super.getPreferredSize()
        : cardSize(new Dimension(1000, 1000));
  }

  /** The texts painted in the last paint, in this component's coordinates. */
  @Override
  public List<PaintedText> paintedTexts() {
    return texts;
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      Draw.setup(g);
      TextLog log = TextLog.install(g);
      VizStyle style = VizStyle.fromUIManager();
      HitMap fresh = new HitMap();
      if (hasTrace()) {
        int[] size = outputSize();
        row = Math.min(row, size[0] - 1);
        column = Math.min(column, size[1] - 1);
        CardChrome.paint(
            g, style, fresh, getWidth(), getHeight(), title(), subtitle(row, column), playing);
        paintView(
            g,
            style,
            fresh,
            row,
            column,
            new Rectangle2D.Double(
                CardChrome.MARGIN,
                CardChrome.CONTENT_TOP,
                getWidth() - 2 * CardChrome.MARGIN,
                getHeight() - CardChrome.CONTENT_TOP - CardChrome.MARGIN));
      } else {
        g.setColor(style.background());
        g.fillRect(0, 0, getWidth(), getHeight());
      }
      hits = fresh;
      texts = List.copyOf(log.texts());
    } finally {
      g.dispose();
    }
  }
}
