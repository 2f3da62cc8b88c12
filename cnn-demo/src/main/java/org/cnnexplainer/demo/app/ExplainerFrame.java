package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.cnnexplainer.demo.lab.LabWindow;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.ops.Explainable;
import org.cnnexplainer.viz.ops.OperationView;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * The main window. It only wires: the shared {@link ExplainerState}, the {@link ExplainerPanel}
 * (overview and operation views), the image strip, the toolbar, the tutorial panel and the status
 * bar; loading and file work live in {@link AppController}.
 */
final class ExplainerFrame extends JFrame {
  final ExplainerState state = new ExplainerState();
  final AppPreferences prefs;
  final ExplainerPanel explainer = new ExplainerPanel(state);
  final StatusBar status = new StatusBar(state);
  final TutorialPanel tutorial;
  final ImageStrip strip = new ImageStrip(state);
  final ExplainerToolBar toolbar;
  final AppController controller;
  final EditController edits;
  final PaintTimer timer = new PaintTimer(state);
  final WhyController why;
  private final AppProbe probe;
  private final JSplitPane sideSplit;
  private LabWindow lab;

  ExplainerFrame(AppPreferences prefs) {
    super("CNN Explainer");
    this.prefs = prefs;
    // First, so that the controller can tell it what it did; it reads this window only later.
    probe = AppProbe.of(this);
    controller = new AppController(state, prefs, strip, status, this, timer, probe);
    edits = new EditController(this, state);
    tutorial = new TutorialPanel(() -> showTutorial(false));
    toolbar = new ExplainerToolBar(state, prefs, this::play, this::showTutorial, this::explainView);
    setDefaultCloseOperation(DISPOSE_ON_CLOSE);
    setJMenuBar(new AppMenuBar(this));
    why = new WhyController(this, state, explainer.overview(), probe::changed);
    getJMenuBar().add(why.menu(), getJMenuBar().getMenuCount() - 1); // before Help
    toolbar.add(why.toolbarButton());

    NetworkOverview overview = explainer.overview();
    OverviewKeyboard.install(overview);
    LayerLabelClicks.install(overview, this::explain);
    edits.install(explainer);
    // The (i) buttons of the operation views.
    explainer.addPropertyChangeListener(
        Explainable.EXPLAIN_PROPERTY,
        e -> Concept.byId(String.valueOf(e.getNewValue())).ifPresent(this::explain));
    // No scroll pane: the explainer panel shares its own height between the overview and the views.
    sideSplit = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, explainer, tutorial);
    sideSplit.setResizeWeight(1);
    sideSplit.setBorder(null);
    sideSplit.setDividerSize(0);
    tutorial.setVisible(false);
    JPanel north = new JPanel();
    north.setLayout(new BoxLayout(north, BoxLayout.Y_AXIS));
    toolbar.setAlignmentX(LEFT_ALIGNMENT);
    strip.setAlignmentX(LEFT_ALIGNMENT);
    north.add(toolbar);
    north.add(strip);
    add(north, BorderLayout.NORTH);
    add(sideSplit, BorderLayout.CENTER);
    add(status, BorderLayout.SOUTH);

    ImageTransfer transfer = new ImageTransfer(controller::addImage, controller::addImage);
    getRootPane().setTransferHandler(transfer);
    overview.setTransferHandler(transfer);
    tutorial.registerKeyboardAction(
        e -> showTutorial(false),
        KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
        JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT);
    state.addListener(this::stateChanged);
    explainer.viewStack().addListener(t -> SwingUtilities.invokeLater(this::viewsChanged));
    explainer.addPropertyChangeListener(Explainable.PLAYING_PROPERTY, e -> playingChanged());
    timer.install(this, this::painted);
    placeWindow();
    // What the probe reads follows the window: the system confirms a move or resize later than it
    // was asked for, and there may be no paint after that.
    addComponentListener(
        new ComponentAdapter() {
          @Override
          public void componentMoved(ComponentEvent e) {
            SwingUtilities.invokeLater(probe::changed);
          }

          @Override
          public void componentResized(ComponentEvent e) {
            SwingUtilities.invokeLater(probe::changed);
          }
        });
    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowOpened(WindowEvent e) {
            overview.requestFocusInWindow();
            probe.changed();
          }

          @Override
          public void windowClosing(WindowEvent e) {
            rememberBounds();
          }
        });
  }

  /** Opens the tutorial at {@code concept}. */
  void explain(Concept concept) {
    tutorial.show(concept);
    showTutorial(true);
  }

  void showTutorial(boolean shown) {
    if (tutorial.isVisible() != shown) {
      tutorial.setVisible(shown);
      toolbar.setTutorialShown(shown);
      sideSplit.setDividerSize(shown ? UIManager.getInt("SplitPane.dividerSize") : 0);
      if (shown) {
        sideSplit.setDividerLocation(Math.max(300, getWidth() - 400));
      }
      sideSplit.revalidate();
    }
  }

  /** The concept of the open operation view, if one is open. */
  Optional<Concept> viewConcept() {
    return explainer.outerView().isPresent()
        ? explainer.concept().flatMap(Concept::byId)
        : Optional.empty();
  }

  private void explainView() {
    explain(viewConcept().orElse(Concept.OVERVIEW));
  }

  /** The toolbar's play/pause: the innermost open view's animation. */
  private void play(boolean playing) {
    innermostView().ifPresent(view -> view.setPlaying(playing));
    playingChanged();
  }

  /** Whether the innermost open view is animating; empty when it has no animation. */
  private Optional<Boolean> viewPlaying() {
    return innermostView().filter(OperationView::isAnimated).map(OperationView::isPlaying);
  }

  private Optional<OperationView> innermostView() {
    return explainer.nestedView().or(explainer::outerView);
  }

  /** The toolbar's play/pause says what the view does (hovering a grid pauses it, …). */
  private void playingChanged() {
    toolbar.setViewOpen(viewConcept(), viewPlaying());
  }

  /** Keeps the toolbar and the tutorial in step with the open view. */
  private void viewsChanged() {
    toolbar.setViewOpen(viewConcept(), viewPlaying());
    if (tutorial.isVisible()) {
      viewConcept().ifPresent(tutorial::show);
    }
    probe.changed();
  }

  private void stateChanged(StateEvent event) {
    // Later, not now: listeners added after this one (the status bar's) have not seen the event
    // yet, and a probe reading the window now would pair the new trace with the old prediction.
    SwingUtilities.invokeLater(probe::changed);
  }

  private void painted() {
    timer.painted(() -> controller.modelName() + ", " + controller.imageName());
    probe.painted();
  }

  private void placeWindow() {
    setBounds(
        prefs.windowBounds(
            GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds()));
    setMinimumSize(new Dimension(480, 360));
  }

  /** Remembers the window bounds (on close and quit). */
  void rememberBounds() {
    prefs.setWindowBounds(getBounds());
  }

  /** Opens the Learning Lab (one per window), reading {@code data} when given. */
  void openLab(String data) {
    if (lab == null) {
      lab = new LabWindow(new LabBridge(controller, this));
    }
    lab.open(data);
  }

  /**
   * Opens the model or image named on the command line (either may be {@code null}); {@code early}
   * may hold the model's network already.
   */
  void start(Path model, Path image, EarlyNetwork early) {
    controller.start(model, image, early);
  }
}
