package org.cnnexplainer.viz.overview;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.StateProperty;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The network overview: one column per layer (input channels, hidden layers, class outputs), each
 * neuron as its activation heat-map, the edges between them, layer labels, legends and the class
 * probabilities, for any sequential CNN in the shared {@link ExplainerState}.
 *
 * <p>Hovering a neuron sets the state's hover (with the cell under the pointer) and highlights its
 * incoming edges and source neurons; clicking selects it (clicking it again, or empty space, clears
 * the selection). A new image fades the heat-maps out and in and regrows the bars (see {@link
 * Animator} to switch that off). Styling comes from {@link VizKeys}; the client property {@link
 * VizKeys#CRISP_PIXELS} set to {@code true} shows heat-map cells as crisp squares instead of
 * smoothly upscaled. The component listens to the state only while displayable.
 *
 * <p>An explanation can open inside the overview ({@link #setUnfolding}): the columns move to make
 * room next to the neuron, the others are veiled and stop reacting, and {@link #unfoldGeometry()}
 * says where the explanation may paint. The first frame on screen shows the structure (columns,
 * labels, empty neurons) at once and draws the edges in the background; the first trace's heat-maps
 * fade in.
 */
public class NetworkOverview extends JComponent implements Scrollable {
  /** Length of the unfold animation (spec §2.8). */
  public static final int UNFOLD_MS = UnfoldTiming.DURATION_MS;

  /** The property fired when the unfolding asked for changes (old and new {@link Unfolding}). */
  public static final String UNFOLD_PROPERTY = "unfold";

  /** The property fired on every step of the unfold animation (old and new progress, 0 to 1). */
  public static final String UNFOLD_PROGRESS_PROPERTY = "unfoldProgress";

  /** The property fired when the gradients that colour the neurons change (see setGradients). */
  public static final String GRADIENTS_PROPERTY = "gradients";

  /** Property fired when {@link #setDifference difference mode} is switched. */
  public static final String DIFFERENCE_PROPERTY = "difference";

  private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
  private final ExplainerState state;
  private final StateListener listener = this::stateChanged;
  private final TileCache tileCache = new TileCache();
  private final ComparisonTiles comparisonTiles = new ComparisonTiles();
  private boolean difference;
  private final OverviewPainter.Caches caches = new OverviewPainter.Caches();
  private final Animator imageChange;
  private final Animator hoverChange;
  private Selection shownHover;
  private Selection previousHover;
  private double hoverFraction = 1;
  private HitMap hits = new HitMap();
  private Network columnsFor;
  private List<ColumnSpec> columns;
  private ActivationTrace shownTrace;
  private BufferedImage[][] lastTiles;
  private ActivationTrace changesTrace;
  private ActivationTrace changesReference;
  private LayerChanges changes;
  private BufferedImage[][] previousTiles;
  private double transition = 1;
  private boolean fadeIn;
  private Dimension neededSize;
  private Unfolding unfoldTarget;
  private Unfolding unfoldShown;
  private double unfold;
  private Animator unfoldAnimator;
  private List<PaintedText> texts = List.of();
  private Unfolding paintedPair;
  private GradientTrace gradients;
  private String gradientClass;
  private LayerRanges gradientRanges;

  /**
   * An overview of {@code state}; it listens to the state while displayable.
   *
   * @param state the shared state to show (it may have no network yet: the overview is then blank)
   */
  public NetworkOverview(ExplainerState state) {
    this.state = Objects.requireNonNull(state, "state");
    this.imageChange = new Animator(ImageChange.DURATION_MS, this, this::frame);
    this.hoverChange =
        new Animator(
            HoverFade.DURATION_MS,
            this,
            f -> {
              hoverFraction = f;
              repaint();
            });
    setOpaque(true);
    setFocusable(true);
    MouseAdapter mouse = new Mouse();
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
    ToolTipManager.sharedInstance().registerComponent(this);
    getAccessibleContext().setAccessibleName("Network overview");
  }

  /**
   * The hovered neuron's description (the same text as {@link ExplainerState#hoverText()}), or over
   * a column label the layer's full name and shape (labels are shortened when space is short).
   */
  @Override
  public String getToolTipText(MouseEvent event) {
    Optional<HitMap.Label> label = hits.labelAt(event.getX(), event.getY());
    if (label.isPresent()) {
      return label.get().fullName();
    }
    return hits.selectionAt(event.getX(), event.getY())
        .filter(s -> state.hover().filter(s::equals).isPresent())
        .flatMap(s -> state.hoverText())
        .orElse(null);
  }

  /** An accessible panel named "Network overview" whose description is the hover text. */
  @Override
  public AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      accessibleContext =
          new AccessibleJComponent() {
            @Override
            public AccessibleRole getAccessibleRole() {
              return AccessibleRole.PANEL;
            }
          };
    }
    return accessibleContext;
  }

  /** {@return the shared state this overview shows} */
  public ExplainerState state() {
    return state;
  }

  /**
   * {@return where each neuron, label and region was painted in the last paint, in this component's
   * coordinates (empty before the first paint)}
   */
  public HitMap hitMap() {
    return hits;
  }

  /** {@return the texts painted in the last paint, in this component's coordinates} */
  public List<PaintedText> paintedTexts() {
    return texts;
  }

  /**
   * Opens {@code unfolding} inside the overview, or folds it back ({@code null}): the columns move
   * and the veils fade in over {@link #UNFOLD_MS} (see {@link Unfolding}); another unfolding that
   * moves the same columns replaces the open one at once, any other first folds the open one. Fires
   * {@value #UNFOLD_PROPERTY}, and {@value #UNFOLD_PROGRESS_PROPERTY} on every step. Call on the
   * event thread.
   *
   * @param unfolding what to open, or {@code null} to fold the open one back
   */
  public void setUnfolding(Unfolding unfolding) {
    if (Objects.equals(unfolding, unfoldTarget)) {
      return;
    }
    Unfolding previous = unfoldTarget;
    unfoldTarget = unfolding;
    if (unfolding != null && unfoldShown != null && sameColumns(unfolding, unfoldShown)) {
      unfoldShown = unfolding; // another neuron of the open layer: nothing moves
      stepUnfold(unfold);
    } else if (unfoldShown == null || unfold == 0) {
      unfoldShown = unfolding;
      animateUnfold(unfolding == null ? 0 : 1);
    } else {
      animateUnfold(0); // fold first; the frame at 0 opens the new target
    }
    firePropertyChange(UNFOLD_PROPERTY, previous, unfolding);
  }

  /** {@return the unfolding asked for last (it may still be opening); empty when none is} */
  public Optional<Unfolding> unfolding() {
    return Optional.ofNullable(unfoldTarget);
  }

  /** {@return the progress of the shown unfolding, 0 (folded) to 1 (open)} */
  public double unfoldProgress() {
    return unfold;
  }

  /**
   * {@return how visible the explanation in the room should be now, 0 (hidden) to 1 (opaque)} It
   * fades in after the columns have moved and fades out before they move back.
   */
  public double explanationAlpha() {
    return unfoldShown == null ? 0 : UnfoldTiming.content(unfold);
  }

  /**
   * {@return where things go when the shown unfolding is open, at this component's size, in its
   * coordinates; empty when none is shown (or the network has no such neuron)}
   */
  public Optional<UnfoldGeometry> unfoldGeometry() {
    Network network = state.network().orElse(null);
    if (unfoldShown == null || network == null || getWidth() <= 0 || getHeight() <= 0) {
      return Optional.empty();
    }
    VizStyle style = VizStyle.fromUIManager();
    OverviewSnapshot snapshot = snapshot(network, style);
    Graphics2D g = MEASURE.createGraphics();
    try {
      OverviewPainter.Fonts fonts = OverviewPainter.Fonts.of(g, style.font());
      OverviewPainter.Laid laid = OverviewPainter.layout(snapshot, fonts, getWidth(), getHeight());
      UnfoldLayout layout =
          UnfoldLayout.of(laid.layout(), laid.labels(), fonts, unfoldShown, laid.layout().width);
      return Optional.ofNullable(layout).map(UnfoldLayout::geometry);
    } finally {
      g.dispose();
    }
  }

  private static boolean sameColumns(Unfolding a, Unfolding b) {
    return a.kind() == b.kind() && a.neuron().layer() == b.neuron().layer();
  }

  private void animateUnfold(double to) {
    if (unfoldAnimator != null) {
      unfoldAnimator.stop();
    }
    double from = unfold;
    int ms = (int) Math.max(1, Math.round(Math.abs(to - from) * UnfoldTiming.DURATION_MS));
    unfoldAnimator = new Animator(ms, this, f -> stepUnfold(from + (to - from) * f));
    unfoldAnimator.start();
  }

  private void stepUnfold(double progress) {
    double old = unfold;
    unfold = progress;
    if (progress == 0 && unfoldShown != unfoldTarget) {
      unfoldShown = unfoldTarget; // folded: open the next target, if any
      if (unfoldTarget != null) {
        animateUnfold(1);
      }
    }
    if (progress == 0 && old != 0 && state.hover().isPresent()) {
      state.setHover(null);
    }
    repaint();
    firePropertyChange(UNFOLD_PROGRESS_PROPERTY, old, progress);
  }

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
    shownTrace = state.trace().orElse(null);
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    imageChange.stop();
    hoverChange.stop();
    if (unfoldAnimator != null) {
      unfoldAnimator.stop();
      unfoldAnimator = null;
    }
    if (unfold != (unfoldTarget == null ? 0 : 1)) { // jump to where the animation was going
      unfoldShown = unfoldTarget;
      unfold = unfoldTarget == null ? 0 : 1;
    }
    super.removeNotify();
  }

  /** 1200 x 650, or more when the network needs more room at the minimum node size. */
  @Override
  public Dimension getPreferredSize() {
    if (isPreferredSizeSet()) {
      return super.getPreferredSize();
    }
    Dimension needed = minimumLayoutSize();
    return new Dimension(Math.max(1200, needed.width), Math.max(650, needed.height));
  }

  /** The smallest size at which every node keeps {@link VizKeys#MIN_NODE_SIZE}. */
  @Override
  public Dimension getMinimumSize() {
    return isMinimumSizeSet() ? super.getMinimumSize() : minimumLayoutSize();
  }

  private Dimension minimumLayoutSize() {
    return neededSize == null ? new Dimension(400, 300) : neededSize;
  }

  @Override
  public Dimension getPreferredScrollableViewportSize() {
    return getPreferredSize();
  }

  @Override
  public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
    return 16;
  }

  @Override
  public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
    return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
  }

  /** Fills the viewport's width unless the network needs more room (then it scrolls). */
  @Override
  public boolean getScrollableTracksViewportWidth() {
    return getParent() == null || getParent().getWidth() >= minimumLayoutSize().width;
  }

  /** Fills the viewport's height unless the network needs more room (then it scrolls). */
  @Override
  public boolean getScrollableTracksViewportHeight() {
    return getParent() == null || getParent().getHeight() >= minimumLayoutSize().height;
  }

  private void stateChanged(StateEvent event) {
    ActivationTrace now = state.trace().orElse(null);
    if (event.has(StateProperty.NETWORK)) {
      previousTiles = null;
      transition = 1;
      imageChange.stop();
      revalidate();
    } else if (event.has(StateProperty.TRACE) && now != shownTrace) {
      if (shownTrace != null && now != null && lastTiles != null) {
        previousTiles = lastTiles;
        fadeIn = false;
        imageChange.start();
      } else if (shownTrace == null && now != null && isShowing()) {
        previousTiles = null; // the first trace: the heat-maps fade in over the empty nodes
        fadeIn = true;
        imageChange.start();
      }
    }
    shownTrace = now;
    if (event.has(StateProperty.HOVER)) {
      getAccessibleContext().setAccessibleDescription(state.hoverText().orElse(null));
      Selection hover = state.hover().orElse(null);
      if (!sameNeuron(hover, shownHover)) {
        previousHover = shownHover;
        hoverChange.start();
      }
      shownHover = hover;
    }
    repaint();
  }

  private void frame(double fraction) {
    transition = fraction;
    if (fraction >= 1) {
      previousTiles = null;
      fadeIn = false;
    }
    repaint();
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      VizStyle style = VizStyle.fromUIManager();
      if (Boolean.TRUE.equals(getClientProperty(VizKeys.CRISP_PIXELS))) {
        style = style.withCrispPixels();
      }
      Network network = state.network().orElse(null);
      if (network == null) {
        g.setColor(style.background());
        g.fillRect(0, 0, getWidth(), getHeight());
        hits = new HitMap();
        return;
      }
      OverviewSnapshot snapshot = snapshot(network, style);
      HitMap fresh = new HitMap();
      TextLog log = TextLog.install(g);
      OverviewLayout layout =
          OverviewPainter.paint(
              g,
              snapshot,
              getWidth(),
              getHeight(),
              fresh,
              caches,
              isShowing() && !isPaintingForPrint() ? this::repaint : null);
      hits = fresh;
      texts = List.copyOf(log.texts());
      Unfolding shown = snapshot.unfolding();
      paintedPair = shown != null && shown.kind() == Unfolding.Kind.PAIR ? shown : null;
      Dimension needed =
          new Dimension((int) Math.ceil(layout.width), (int) Math.ceil(layout.height));
      if (!needed.equals(neededSize)) {
        neededSize = needed;
        if (needed.width > getWidth() || needed.height > getHeight()) {
          revalidate();
        }
      }
    } finally {
      g.dispose();
    }
  }

  /**
   * Colours every neuron by its gradient {@code ∂S/∂activation} instead of its activation — the
   * backward pass seen through the same network picture — or, with null, by its activation again.
   * The gradients apply only while the state shows the trace they were computed from ({@link
   * GradientTrace#activations()}); for any other trace the overview shows activations until it gets
   * the new trace's gradients. Each layer has its own symmetric scale ({@link
   * LayerRanges#ofGradients}); the legend says what the colours are. Fires {@link
   * #GRADIENTS_PROPERTY}. Call on the event thread.
   *
   * @param gradients the gradients of the score to explain, or null for activations
   * @param className the name of the class whose score {@code S} is, for the legend
   */
  public void setGradients(GradientTrace gradients, String className) {
    GradientTrace old = this.gradients;
    this.gradients = gradients;
    this.gradientClass = className == null ? "" : className;
    this.gradientRanges = gradients == null ? null : LayerRanges.ofGradients(gradients);
    firePropertyChange(GRADIENTS_PROPERTY, old, gradients);
    repaint();
  }

  /**
   * The gradients set by {@link #setGradients}, whether or not they match the shown trace.
   *
   * @return the gradients, or empty when the overview colours by activation
   */
  public Optional<GradientTrace> gradients() {
    return Optional.ofNullable(gradients);
  }

  /**
   * Whether the neurons are coloured by gradient now: gradients are set and belong to the shown
   * trace.
   *
   * @return true when the colours are gradients
   */
  public boolean showsGradients() {
    return gradients != null && state.trace().filter(t -> t == gradients.activations()).isPresent();
  }

  /**
   * The colour ranges the neurons are painted with now: the gradients' when {@link
   * #showsGradients()}, else the state's.
   *
   * @return the ranges, or null without a trace
   */
  public LayerRanges shownRanges() {
    return showsGradients() ? gradientRanges : state.ranges().orElse(null);
  }

  private OverviewSnapshot snapshot(Network network, VizStyle style) {
    if (network != columnsFor) {
      columns = ColumnSpec.of(network);
      columnsFor = network;
    }
    ActivationTrace trace = state.trace().orElse(null);
    GradientTrace shownGradients = showsGradients() ? gradients : null;
    LayerRanges ranges = shownRanges();
    ActivationTrace reference = trace == null ? null : state.reference().orElse(null);
    BufferedImage[][] tiles = null;
    ComparisonTiles.Difference shownDifference = null;
    String comparison = null;
    if (trace != null) {
      tiles = tileCache.tiles(columns, trace, ranges, state.palette(), shownGradients);
      boolean pinned = reference != null && reference.input() != trace.input();
      // Gradient colouring shows one trace's gradients on their own scales: no comparison on top.
      if (shownGradients == null && reference != null && difference) {
        shownDifference =
            comparisonTiles.difference(columns, trace, reference, ranges.mode(), state.palette());
        tiles = shownDifference.tiles();
        comparison =
            pinned
                ? "Difference: colour = this image − the pinned image, on the scales below the maps"
                : "Difference: colour = edited − original network, on the scales below the maps";
      } else if (shownGradients == null && pinned) {
        tiles =
            comparisonTiles.sideBySide(
                columns, tiles, reference, ranges, state.palette(), style.background());
        comparison = "Each map: this image (left) · the pinned image (right), same colour scale";
      }
      lastTiles = tiles;
    }
    if (comparison == null) {
      comparisonTiles.release(); // no comparison shown: its tiles (and traces) can go
    }
    return new OverviewSnapshot(
        network,
        columns,
        trace,
        ranges,
        state.palette(),
        state.isDetail(),
        tiles,
        transition < 1 ? previousTiles : null,
        transition,
        state.hover().orElse(null),
        hoverFraction < 1 ? previousHover : null,
        hoverFraction,
        state.selection().orElse(null),
        style,
        unfold > 0 ? unfoldShown : null,
        unfold,
        fadeIn && transition < 1,
        reference,
        changes(trace, reference),
        shownGradients,
        shownGradients == null ? null : gradientClass,
        shownDifference,
        comparison);
  }

  /**
   * Colours every map by its difference from the state's {@linkplain ExplainerState#reference()
   * reference trace} (edited − original network, or this image − the pinned image) on a diverging
   * scale, with legends and a caption saying so; without a reference the overview paints as usual.
   * Off by default. Fires {@link #DIFFERENCE_PROPERTY}.
   *
   * @param difference true to show differences
   */
  public void setDifference(boolean difference) {
    if (difference != this.difference) {
      this.difference = difference;
      firePropertyChange(DIFFERENCE_PROPERTY, !difference, difference);
      revalidate();
      repaint();
    }
  }

  /**
   * Whether difference mode is on (it shows only while the state has a reference trace).
   *
   * @return true when on
   */
  public boolean isDifference() {
    return difference;
  }

  /** The layer changes between the trace and the reference, computed once per pair. */
  private LayerChanges changes(ActivationTrace trace, ActivationTrace reference) {
    if (trace != changesTrace || reference != changesReference) {
      changesTrace = trace;
      changesReference = reference;
      changes = LayerChanges.of(trace, reference);
    }
    return changes;
  }

  private static boolean sameNeuron(Selection a, Selection b) {
    return a == null ? b == null : b != null && a.neuron().equals(b.neuron());
  }

  /**
   * Adds a listener told of the user's clicks on neurons (not of selection changes made by code).
   *
   * @param listener the listener
   */
  public void addNeuronClickListener(NeuronClickListener listener) {
    listenerList.add(NeuronClickListener.class, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener added by {@link #addNeuronClickListener}; no effect if it was not added.
   *
   * @param listener the listener
   */
  public void removeNeuronClickListener(NeuronClickListener listener) {
    listenerList.remove(NeuronClickListener.class, listener);
  }

  /** Tells the click listeners (the last added first, as Swing does); true if one consumed it. */
  private boolean fireNeuronClicked(Selection target, MouseEvent e) {
    NeuronClickListener[] listeners = listenerList.getListeners(NeuronClickListener.class);
    if (listeners.length == 0) {
      return false;
    }
    NeuronClickEvent event = new NeuronClickEvent(this, target, e);
    for (NeuronClickListener listener : listeners) {
      listener.neuronClicked(event);
    }
    return event.isConsumed();
  }

  private final class Mouse extends MouseAdapter {
    @Override
    public void mouseMoved(MouseEvent e) {
      state.setHover(hits.selectionAt(e.getX(), e.getY()).orElse(null));
    }

    @Override
    public void mouseExited(MouseEvent e) {
      state.setHover(null);
    }

    @Override
    public void mousePressed(MouseEvent e) {
      requestFocusInWindow(); // the arrow keys move through the neurons after a click
    }

    @Override
    public void mouseClicked(MouseEvent e) {
      if (!SwingUtilities.isLeftMouseButton(e)) {
        return; // other buttons are the application's (e.g. a context menu)
      }
      Optional<Selection> hit = hits.selectionAt(e.getX(), e.getY()).map(this::pairTarget);
      if (hit.isPresent() && fireNeuronClicked(hit.get(), e)) {
        return; // a listener handles the click its own way
      }
      Optional<Selection> current = state.selection();
      boolean sameNeuron =
          hit.isPresent()
              && current.isPresent()
              && hit.get().neuron().equals(current.get().neuron());
      state.setSelection(sameNeuron ? null : hit.orElse(null));
    }

    /**
     * In an open pair view a click on a source neuron means its partner (as painted: the hit map
     * belongs to the last paint, which may show a view that is closing).
     */
    private Selection pairTarget(Selection hit) {
      Unfolding pair = paintedPair;
      if (pair != null && hit.neuron().layer() != pair.neuron().layer()) {
        NeuronRef partner = new NeuronRef(pair.neuron().layer(), hit.neuron().neuron());
        if (hits.boundsOf(partner).isPresent()) {
          return new Selection(partner, hit.cell());
        }
      }
      return hit;
    }
  }
}
