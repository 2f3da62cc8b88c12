package org.cnnexplainer.viz.panel;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.LayoutManager;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.geom.Rectangle2D;
import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import org.cnnexplainer.viz.EditListener;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.StateProperty;
import org.cnnexplainer.viz.ops.ConvolutionElasticView;
import org.cnnexplainer.viz.ops.ConvolutionFormulaView;
import org.cnnexplainer.viz.ops.Explainable;
import org.cnnexplainer.viz.ops.FlattenView;
import org.cnnexplainer.viz.ops.OperationView;
import org.cnnexplainer.viz.ops.SoftmaxView;
import org.cnnexplainer.viz.ops.StateView;
import org.cnnexplainer.viz.ops.SteppingView;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.overview.UnfoldGeometry;
import org.cnnexplainer.viz.overview.Unfolding;

/**
 * The overview with the explanations that open inside it (the original's central idea: smooth
 * transitions between levels of abstraction). Clicking a convolution neuron unfolds the overview —
 * the layer moves away from its input layer, the rest of the network slides aside under a veil —
 * and the elastic view is drawn in the room that opened; a class output opens the flatten view the
 * same way. Activation and pooling neurons, the channels of the elastic view and the softmax box
 * open a formula card beside the neuron they explain, always fully inside the panel and never over
 * that neuron. Esc, a click on empty space or a card's × closes the innermost view; the {@link
 * ViewStack} follows the state's selection.
 */
public final class ExplainerPanel extends JPanel {
  /** Duration of the unfold transition (spec §2.8: moves 500 ms, veil 800 ms, content after). */
  public static final int TRANSITION_MS = NetworkOverview.UNFOLD_MS;

  private final ExplainerState state;
  private final NetworkOverview overview;
  private final ViewStack stack = new ViewStack();
  private final StateListener listener = this::stateChanged;
  private final List<StateView> leaving = new ArrayList<>();
  private StateView elastic;
  private JComponent card;
  private JComponent outer;
  private JComponent nested;
  private boolean syncing;
  private ViewStack.State shownOuter;
  private EditListener editListener;

  /**
   * A panel over {@code state}: the overview, with the views its neuron clicks open.
   *
   * @param state the shared state (it may have no network yet)
   */
  public ExplainerPanel(ExplainerState state) {
    super(null);
    this.state = Objects.requireNonNull(state, "state");
    this.overview = new NetworkOverview(state);
    setLayout(new Layers());
    add(overview);
    stack.addListener(t -> rebuild());
    overview.addPropertyChangeListener(
        NetworkOverview.UNFOLD_PROGRESS_PROPERTY, e -> unfoldStepped());
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

  /**
   * Lets the learner change kernel weights and biases in the convolution views this panel opens
   * (see {@link ConvolutionFormulaView#setEditListener}); {@code null} (the default) keeps them
   * read-only. Applies to the views open now and to later ones.
   *
   * @param listener who applies the edits, or null
   */
  public void setEditListener(EditListener listener) {
    this.editListener = listener;
    if (outer instanceof ConvolutionElasticView v) {
      v.setEditListener(listener);
    }
    if (nested instanceof ConvolutionFormulaView v) {
      v.setEditListener(listener);
    }
  }

  /** The views overlap the overview: paint from here so they stay on top of its repaints. */
  @Override
  public boolean isOptimizedDrawingEnabled() {
    return false;
  }

  /** {@return the state machine deciding which view is open} */
  public ViewStack viewStack() {
    return stack;
  }

  /** {@return the network overview the views unfold in} */
  public NetworkOverview overview() {
    return overview;
  }

  /**
   * {@return the open outer view (elastic or flatten view, or the activation/pooling card); empty
   * when none is open}
   */
  public Optional<OperationView> outerView() {
    return Optional.ofNullable((OperationView) outer);
  }

  /**
   * {@return the open nested view (convolution formula or softmax card); empty when none is open}
   */
  public Optional<OperationView> nestedView() {
    return Optional.ofNullable((OperationView) nested);
  }

  /**
   * {@return the open formula card (nested, or the activation/pooling card); empty when none is}
   */
  public Optional<OperationView> card() {
    return Optional.ofNullable((OperationView) card);
  }

  /**
   * {@return the concept id of the innermost open view (see {@link
   * org.cnnexplainer.viz.ops.Explainable}), for the app's tutorial text; empty in the overview}
   */
  public Optional<String> concept() {
    return nestedView().or(this::outerView).map(Explainable::concept);
  }

  /** {@return how far the open view has unfolded, 0 (closed) to 1 (open and settled)} */
  public double room() {
    return outer == null ? 0 : overview.unfoldProgress();
  }

  /** Closes the innermost open view (what Esc and a click on empty space do). */
  public void closeInnermost() {
    stack.closeInnermost();
  }

  /**
   * Every text visible in the panel from the last paint, in the panel's coordinates: the overview's
   * (less those under the card), the elastic view's and the card's.
   *
   * @return the texts with their bounds; empty before the first paint
   */
  public List<PaintedText> paintedTexts() {
    List<PaintedText> texts = new ArrayList<>();
    Rectangle cardBounds = card == null ? null : card.getBounds();
    for (PaintedText t : overview.paintedTexts()) {
      PaintedText moved = t.translated(overview.getX(), overview.getY());
      if (cardBounds == null || !cardBounds.intersects(moved.bounds())) {
        texts.add(moved);
      }
    }
    if (elastic != null && elastic.getParent() == this) {
      for (PaintedText t : elastic.paintedTexts()) {
        PaintedText moved = t.translated(elastic.getX(), elastic.getY());
        if (cardBounds == null || !cardBounds.intersects(moved.bounds())) {
          texts.add(moved);
        }
      }
    }
    card()
        .ifPresent(
            v -> v.paintedTexts().forEach(t -> texts.add(t.translated(card.getX(), card.getY()))));
    return texts;
  }

  /**
   * What the open card must not cover, in the panel's coordinates: the neuron it explains (and, for
   * the convolution card, the channel pair it shows); empty without a card.
   *
   * @return the area to keep clear, or empty without a card
   */
  public Optional<Rectangle2D> cardAnchor() {
    List<Rectangle2D> anchors = cardAnchors();
    return anchors.isEmpty() ? Optional.empty() : Optional.of(anchors.get(anchors.size() - 1));
  }

  /** What the card should keep clear of, most first; the last is the neuron itself. */
  private List<Rectangle2D> cardAnchors() {
    if (card == null) {
      return List.of();
    }
    ViewStack.State s = stack.state();
    Optional<UnfoldGeometry> geometry = overview.unfoldGeometry();
    if (geometry.isEmpty()) {
      return List.of();
    }
    UnfoldGeometry geo = geometry.get();
    List<Rectangle2D> anchors = new ArrayList<>();
    Rectangle2D neuron = geo.targetBox();
    if (s.mode() == ViewStack.Mode.CONV_FORMULA && elastic instanceof ConvolutionElasticView v) {
      Rectangle2D[] parts = v.anchorsFor(geo, s.channel().getAsInt());
      neuron = parts[0];
      anchors.add(parts[0].createUnion(parts[1]));
    } else if (s.mode() == ViewStack.Mode.ACT_POOL) {
      int n = s.neuron().orElseThrow().neuron();
      if (n < geo.sourceBoxes().size()) {
        neuron = neuron.createUnion(geo.sourceBoxes().get(n));
      }
    } else if (s.mode() == ViewStack.Mode.SOFTMAX && elastic instanceof FlattenView v) {
      anchors.add(neuron.createUnion(v.softmaxBox().orElse(neuron)));
    }
    anchors.add(neuron);
    // Best of all the card also leaves the open columns' labels readable.
    Rectangle2D withLabels = (Rectangle2D) anchors.get(0).clone();
    geo.labels().forEach(withLabels::add);
    anchors.add(0, withLabels);
    List<Rectangle2D> moved = new ArrayList<>();
    for (Rectangle2D a : anchors) {
      moved.add(
          new Rectangle2D.Double(
              a.getX() + overview.getX(), a.getY() + overview.getY(), a.getWidth(), a.getHeight()));
    }
    return moved;
  }

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

  private void stateChanged(StateEvent event) {
    if (syncing) {
      return;
    }
    if (event.has(StateProperty.NETWORK)) {
      stack.reset();
      return;
    }
    if (event.has(StateProperty.TRACE)
        && state.trace().isPresent()
        && outer == null
        && stack.state().mode() != ViewStack.Mode.OVERVIEW) {
      rebuild(); // a view was chosen before its trace arrived
    }
    if (event.has(StateProperty.SELECTION)) {
      NeuronRef neuron = state.selection().map(Selection::neuron).orElse(null);
      if (neuron == null) {
        stack.closeInnermost();
      } else if (!stack.state().neuron().equals(Optional.of(neuron))) {
        state.network().ifPresent(network -> stack.clickNeuron(network, neuron));
      }
    }
    if (event.has(StateProperty.DETAIL) && card != null) {
      revalidate(); // the labels' height moves the nodes, and so the card's anchor
    }
  }

  /**
   * Rebuilds the views for the stack's state and keeps the selection in step with it. The outer
   * view is kept while only the nested one changes, so its animation does not restart.
   */
  private void rebuild() {
    ViewStack.State s = stack.state();
    boolean open = s.mode() != ViewStack.Mode.OVERVIEW && state.trace().isPresent();
    ViewStack.State outerKey =
        open ? new ViewStack.State(s.outer(), s.neuron(), OptionalInt.empty()) : null;
    if (!Objects.equals(outerKey, shownOuter)) {
      shownOuter = outerKey;
      removeCard();
      nested = null;
      if (elastic != null) {
        leaving.add(elastic); // keeps painting while the overview folds it away
        elastic = null;
      }
      outer = null;
      if (open) {
        openOuter(s);
      } else {
        overview.setUnfolding(null);
      }
    } else if (nested != null) {
      removeCard();
      nested = null;
    }
    if (outer instanceof ConvolutionElasticView view) {
      view.setOpenChannel(s.channel().orElse(-1));
      if (s.mode() == ViewStack.Mode.CONV_FORMULA) {
        nested =
            new ConvolutionFormulaView(
                state,
                s.neuron().orElseThrow().layer(),
                s.neuron().orElseThrow().neuron(),
                s.channel().getAsInt());
        ((ConvolutionFormulaView) nested).setEditListener(editListener);
      }
    } else if (outer instanceof FlattenView flatten) {
      flatten.setSoftmaxOpen(s.mode() == ViewStack.Mode.SOFTMAX);
      if (s.mode() == ViewStack.Mode.SOFTMAX) {
        nested = new SoftmaxView(state, s.neuron().orElseThrow().neuron());
      }
    }
    if (nested != null) {
      showCard(nested);
    }
    NeuronRef want = s.neuron().orElse(null);
    NeuronRef have = state.selection().map(Selection::neuron).orElse(null);
    if (!Objects.equals(want, have)) {
      syncing = true;
      try {
        state.setSelection(want == null ? null : Selection.of(want));
      } finally {
        syncing = false;
      }
    }
    revalidate();
    repaint();
  }

  private void openOuter(ViewStack.State s) {
    JComponent view = NeuronViews.create(state, s.neuron().orElseThrow()).orElseThrow().component();
    if (view instanceof ConvolutionElasticView v) {
      v.setChannelListener(stack::clickChannel);
      v.setEditListener(editListener);
      showElastic(v, Unfolding.Kind.CONVOLUTION);
    } else if (view instanceof FlattenView v) {
      v.setSoftmaxListener(stack::clickSoftmax);
      showElastic(v, Unfolding.Kind.FLATTEN);
    } else if (view instanceof SteppingView v) {
      int layer = s.neuron().orElseThrow().layer();
      // Start where the learner clicked in the overview.
      state
          .selection()
          .flatMap(Selection::cell)
          .ifPresent(
              p -> {
                var shape = state.network().orElseThrow().outputShape(layer);
                if (p.row() < shape.height() && p.column() < shape.width()) {
                  v.setWindowPosition(p);
                }
              });
      overview.setUnfolding(new Unfolding(Unfolding.Kind.PAIR, s.neuron().orElseThrow()));
      outer = v;
      showCard(v);
    }
  }

  private void showElastic(StateView view, Unfolding.Kind kind) {
    view.embedIn(overview);
    view.addPropertyChangeListener(Explainable.EXPLAIN_PROPERTY, this::forward);
    view.addPropertyChangeListener(Explainable.PLAYING_PROPERTY, this::forward);
    elastic = view;
    outer = view;
    add(view, 0);
    overview.setUnfolding(new Unfolding(kind, stack.state().neuron().orElseThrow()));
    unfoldStepped();
  }

  private void showCard(JComponent view) {
    card = view;
    view.addPropertyChangeListener(Explainable.EXPLAIN_PROPERTY, this::forward);
    view.addPropertyChangeListener(Explainable.PLAYING_PROPERTY, this::forward);
    view.addPropertyChangeListener(Explainable.CLOSE_PROPERTY, e -> closeInnermost());
    // A click inside a card is the card's: it must not reach the overview as a click-away.
    view.addMouseListener(new MouseAdapter() {});
    add(view, 0);
    view.requestFocusInWindow();
  }

  private void removeCard() {
    if (card != null) {
      remove(card);
      card = null;
    }
  }

  /** Re-fires a view's explain or playing change on the panel, where the app listens. */
  private void forward(PropertyChangeEvent e) {
    firePropertyChange(e.getPropertyName(), e.getOldValue(), e.getNewValue());
  }

  /** Starts the sliding window once the elastic view is in, drops views that have folded away. */
  private void unfoldStepped() {
    if (overview.unfoldProgress() >= 1 && elastic instanceof ConvolutionElasticView v) {
      v.startOnce();
    }
    boolean changed = false;
    for (StateView v : List.copyOf(leaving)) {
      if (v.geometry().isEmpty()) {
        leaving.remove(v);
        remove(v);
        changed = true;
      }
    }
    if (changed) {
      repaint();
    }
    if (card != null) {
      revalidate();
    }
  }

  /** The overview fills the panel; the elastic views lie over it; the card goes by its anchor. */
  private final class Layers implements LayoutManager {
    @Override
    public void addLayoutComponent(String name, Component comp) {}

    @Override
    public void removeLayoutComponent(Component comp) {}

    @Override
    public Dimension preferredLayoutSize(Container parent) {
      return overview.getPreferredSize();
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
      overview.setBounds(in.left, in.top, w, h);
      for (Component c : parent.getComponents()) {
        if (c instanceof StateView v && v != card) {
          v.setBounds(in.left, in.top, w, h);
        }
      }
      if (card != null) {
        Rectangle panel = new Rectangle(in.left, in.top, w, h);
        List<Rectangle2D> anchors = cardAnchors();
        if (anchors.isEmpty()) {
          anchors = List.of(new Rectangle2D.Double(in.left + w / 2.0, in.top + h / 2.0, 1, 1));
        }
        card.setBounds(CardPlacement.place(panel, anchors, ExplainerPanel.this::cardSize));
        card.validate();
      }
    }
  }

  private Dimension cardSize(Dimension available) {
    if (card instanceof SteppingView v) {
      return v.cardSize(available);
    }
    if (card instanceof SoftmaxView v) {
      return v.cardSize(available);
    }
    return card.getPreferredSize();
  }
}
