package org.cnnexplainer.viz.ops;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.LayoutManager;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Objects;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.StateProperty;
import org.cnnexplainer.viz.overview.NetworkOverview;

/**
 * The overview with room for the operation views: clicking a neuron in the overview opens its view
 * below it (the overview makes room in a 500 ms ease-in-out transition), a nested formula or
 * softmax view opens beside it, and Esc or a click on empty space closes the innermost view. The
 * {@link ViewStack} follows the state's selection; the overview itself is unchanged.
 */
public final class ExplainerPanel extends JPanel {
  /** Duration of the make-room transition. */
  public static final int TRANSITION_MS = 500;

  private final ExplainerState state;
  private final NetworkOverview overview;
  private final ViewStack stack = new ViewStack();
  private final JPanel views = new JPanel(null);
  private final JScrollPane viewScroll = new JScrollPane(views);
  private final StateListener listener = this::stateChanged;
  private final Animator transition;
  private double room;
  private double roomFrom;
  private double roomTo;
  private JComponent outer;
  private JComponent nested;
  private boolean syncing;
  private ViewStack.State shownOuter;
  private boolean closing;

  /** A panel over {@code state}. */
  public ExplainerPanel(ExplainerState state) {
    super(null);
    this.state = Objects.requireNonNull(state, "state");
    this.overview = new NetworkOverview(state);
    this.transition =
        new Animator(
            TRANSITION_MS,
            f -> {
              room = roomFrom + (roomTo - roomFrom) * easeInOut(f);
              if (f >= 1 && roomTo == 0 && closing) {
                closing = false;
                views.removeAll();
              }
              revalidate();
              repaint();
            });
    setLayout(new Split());
    views.setLayout(new SideBySideOrStacked(this::getWidth));
    add(overview);
    add(viewScroll);
    viewScroll.setBorder(null);
    stack.addListener(t -> rebuild());
    views.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            closeInnermost();
          }
        });
    getInputMap(WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close");
    getActionMap()
        .put(
            "close",
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                closeInnermost();
              }
            });
  }

  /** Cubic ease-in-out of {@code t} in [0, 1]. */
  static double easeInOut(double t) {
    return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
  }

  /** The state machine deciding which view is open. */
  public ViewStack viewStack() {
    return stack;
  }

  /** The overview. */
  public NetworkOverview overview() {
    return overview;
  }

  /** The open outer view (elastic, activation/pooling or flatten), if any. */
  public Optional<JComponent> outerView() {
    return Optional.ofNullable(outer);
  }

  /** The open nested view (convolution formula or softmax), if any. */
  public Optional<JComponent> nestedView() {
    return Optional.ofNullable(nested);
  }

  /** The concept of the innermost open view, for the app's tutorial text. */
  public Optional<String> concept() {
    JComponent inner = nested != null ? nested : outer;
    return inner instanceof Explainable e ? Optional.of(e.concept()) : Optional.empty();
  }

  /** Share of the height given to the views, 0 (closed) to 1 (open), during the transition. */
  public double room() {
    return room;
  }

  /** Closes the innermost open view (what Esc and a click on empty space do). */
  public void closeInnermost() {
    stack.closeInnermost();
  }

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    transition.stop();
    super.removeNotify();
  }

  private void stateChanged(StateEvent event) {
    if (syncing) {
      return;
    }
    if (event.has(StateProperty.NETWORK)) {
      stack.reset();
      return;
    }
    if (event.has(StateProperty.TRACE)
        && state.trace() != null
        && outer == null
        && stack.state().mode() != ViewStack.Mode.OVERVIEW) {
      rebuild(); // a view was chosen before its trace arrived
    }
    if (event.has(StateProperty.SELECTION)) {
      NeuronRef neuron = state.selection().map(Selection::neuron).orElse(null);
      Network network = state.network();
      if (neuron == null) {
        stack.closeInnermost();
      } else if (!neuron.equals(stack.state().neuron()) && network != null) {
        stack.clickNeuron(network, neuron);
      }
    }
  }

  /**
   * Rebuilds the views for the stack's state and keeps the selection in step with it. The outer
   * view is kept while only the nested one changes, so its animation does not restart.
   */
  private void rebuild() {
    ViewStack.State s = stack.state();
    boolean open = s.mode() != ViewStack.Mode.OVERVIEW && state.trace() != null;
    ViewStack.State outerKey = open ? new ViewStack.State(s.outer(), s.neuron(), -1) : null;
    if (!Objects.equals(outerKey, shownOuter)) {
      shownOuter = outerKey;
      nested = null;
      if (open) {
        closing = false;
        views.removeAll();
        outer = outerView(s);
        views.add(outer);
        outer.addMouseListener(new ClickAway(outer));
        outer.addPropertyChangeListener(Explainable.EXPLAIN_PROPERTY, this::forwardExplain);
      } else {
        outer = null; // the old views stay on screen until the room has collapsed
        closing = true;
      }
    } else if (nested != null) {
      views.remove(nested);
      nested = null;
    }
    if (outer instanceof ConvolutionElasticView elastic) {
      elastic.setOpenChannel(s.mode() == ViewStack.Mode.CONV_FORMULA ? s.channel() : -1);
      if (s.mode() == ViewStack.Mode.CONV_FORMULA) {
        nested =
            new ConvolutionFormulaView(state, s.neuron().layer(), s.neuron().neuron(), s.channel());
      }
    } else if (outer instanceof FlattenView flatten) {
      flatten.setSoftmaxOpen(s.mode() == ViewStack.Mode.SOFTMAX);
      if (s.mode() == ViewStack.Mode.SOFTMAX) {
        nested = new SoftmaxView(state, s.neuron().neuron());
      }
    }
    if (nested != null) {
      views.add(nested);
      nested.addMouseListener(new ClickAway(nested));
      nested.addPropertyChangeListener(Explainable.EXPLAIN_PROPERTY, this::forwardExplain);
      nested.requestFocusInWindow();
    }
    NeuronRef want = s.neuron();
    NeuronRef have = state.selection().map(Selection::neuron).orElse(null);
    if (!Objects.equals(want, have)) {
      syncing = true;
      try {
        state.setSelection(want == null ? null : Selection.of(want));
      } finally {
        syncing = false;
      }
    }
    roomFrom = room;
    roomTo = outer == null ? 0 : 1;
    if (roomFrom != roomTo) {
      transition.start();
    }
    views.revalidate();
    revalidate();
    repaint();
  }

  /** Re-fires a view's explain request on the panel, where the app listens. */
  private void forwardExplain(java.beans.PropertyChangeEvent e) {
    firePropertyChange(Explainable.EXPLAIN_PROPERTY, null, e.getNewValue());
  }

  private JComponent outerView(ViewStack.State s) {
    int layer = s.neuron().layer();
    int neuron = s.neuron().neuron();
    return switch (s.outer()) {
      case ELASTIC -> {
        ConvolutionElasticView v = new ConvolutionElasticView(state, layer, neuron);
        v.setChannelListener(stack::clickChannel);
        yield v;
      }
      case FLATTEN -> {
        FlattenView v = new FlattenView(state, neuron);
        v.setSoftmaxListener(stack::clickSoftmax);
        yield v;
      }
      default -> {
        SteppingView v =
            state.network().layer(layer) instanceof Pooling2D
                ? new PoolingFormulaView(state, layer, neuron)
                : new ActivationFormulaView(state, layer, neuron);
        // Start where the learner clicked in the overview.
        state
            .selection()
            .flatMap(Selection::cell)
            .ifPresent(
                p -> {
                  var shape = state.network().outputShape(layer);
                  if (p.y() < shape.height() && p.x() < shape.width()) {
                    v.setPosition(p.y(), p.x());
                  }
                });
        yield v;
      }
    };
  }

  /** A click in a view where it painted nothing closes the innermost view. */
  private final class ClickAway extends MouseAdapter {
    private final JComponent view;

    ClickAway(JComponent view) {
      this.view = view;
    }

    @Override
    public void mouseClicked(MouseEvent e) {
      ViewHits hits =
          view instanceof StateView sv
              ? sv.hits()
              : view instanceof SteppingView st ? st.hits() : null;
      if (hits != null && hits.at(e.getX(), e.getY()).isEmpty()) {
        closeInnermost();
      }
    }
  }

  /** Overview on top; the views below take {@link #room} of their preferred height. */
  private final class Split implements LayoutManager {
    @Override
    public void addLayoutComponent(String name, Component comp) {}

    @Override
    public void removeLayoutComponent(Component comp) {}

    @Override
    public Dimension preferredLayoutSize(Container parent) {
      Dimension o = overview.getPreferredSize();
      Dimension v = views.getPreferredSize();
      return new Dimension(Math.max(o.width, v.width), o.height + (int) (v.height * room));
    }

    @Override
    public Dimension minimumLayoutSize(Container parent) {
      return new Dimension(200, 200);
    }

    @Override
    public void layoutContainer(Container parent) {
      Insets in = parent.getInsets();
      int w = parent.getWidth() - in.left - in.right;
      int h = parent.getHeight() - in.top - in.bottom;
      int wanted = views.getComponentCount() == 0 ? 0 : views.getPreferredSize().height + 8;
      int viewH = (int) Math.round(Math.min(wanted, h * 0.62) * room);
      overview.setBounds(in.left, in.top, w, h - viewH);
      viewScroll.setBounds(in.left, in.top + h - viewH, w, viewH);
    }
  }
}
