package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.Objects;
import javax.swing.JComponent;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateListener;

/**
 * A thin component that paints one operation view of the shared {@link ExplainerState}: it listens
 * while displayable, repaints on every change, and resolves the pointer through the {@link
 * ViewHits} recorded by the last paint.
 */
public abstract sealed class StateView extends JComponent implements Explainable
    permits ConvolutionElasticView, FlattenView, SoftmaxView {
  private final ExplainerState state;
  private final StateListener listener = e -> stateChanged();
  private ViewHits hits = new ViewHits();

  StateView(ExplainerState state) {
    this.state = Objects.requireNonNull(state, "state");
    setOpaque(true);
    addMouseListener(
        InfoButton.listener(
            this::hits, () -> firePropertyChange(EXPLAIN_PROPERTY, null, concept())));
  }

  /** The shared state. */
  public ExplainerState state() {
    return state;
  }

  /** Regions and texts painted in the last paint. */
  public ViewHits hits() {
    return hits;
  }

  /** Called on every state change (on the event thread); repaints by default. */
  void stateChanged() {
    revalidate();
    repaint();
  }

  /** Paints the view (the state has a trace) and records regions in {@code hits}. */
  abstract void paintView(Graphics2D g, OpStyle style, ViewHits hits);

  /** The size the view needs (the state has a trace). */
  abstract Dimension viewSize();

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    super.removeNotify();
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() || state.trace() == null ? super.getPreferredSize() : viewSize();
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      Draw.setup(g);
      OpStyle style = OpStyle.fromUIManager();
      g.setColor(style.background());
      g.fillRect(0, 0, getWidth(), getHeight());
      ViewHits fresh = new ViewHits();
      if (state.trace() != null) {
        paintView(g, style, fresh);
        InfoButton.paint(g, style, fresh, getWidth(), 8);
      }
      hits = fresh;
    } finally {
      g.dispose();
    }
  }
}
