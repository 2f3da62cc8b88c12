package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateProperty;

/**
 * The main window. It only wires: the shared {@link ExplainerState}, the overview, the image strip,
 * the toolbar, the neuron view, the tutorial panel and the status bar; loading and file work live
 * in {@link AppController}.
 */
final class ExplainerFrame extends JFrame {
  final ExplainerState state = new ExplainerState();
  final AppPreferences prefs;
  final AppOverview overview = new AppOverview(state);
  final StatusBar status = new StatusBar(state);
  final TutorialPanel tutorial;
  final NeuronDetailPanel detail;
  final ImageStrip strip;
  final ExplainerToolBar toolbar;
  final AppController controller;
  final PaintTimer timer = new PaintTimer(state);
  private final StateDump dump = StateDump.fromSystemProperty();
  private final JSplitPane sideSplit;

  ExplainerFrame(AppPreferences prefs) {
    super("CNN Explainer");
    this.prefs = prefs;
    this.controller = new AppController(this);
    tutorial = new TutorialPanel(() -> showTutorial(false));
    detail = new NeuronDetailPanel(state, this::explain);
    strip = new ImageStrip(controller::chooseImage, controller::addImageFromChooser);
    toolbar = new ExplainerToolBar(state, prefs, playing -> {}, this::showTutorial);
    setDefaultCloseOperation(DISPOSE_ON_CLOSE);
    getAccessibleContext()
        .setAccessibleDescription("Explains how a CNN turns an image into a prediction");
    setJMenuBar(new AppMenuBar(this));

    OverviewKeyboard.install(overview);
    overview.onPainted(this::painted);
    JScrollPane scroll = new JScrollPane(overview);
    scroll.setBorder(BorderFactory.createEmptyBorder());
    scroll.getVerticalScrollBar().setUnitIncrement(16);
    scroll.getHorizontalScrollBar().setUnitIncrement(16);
    JPanel centre = new JPanel(new BorderLayout());
    centre.add(scroll, BorderLayout.CENTER);
    centre.add(detail, BorderLayout.SOUTH);
    sideSplit = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, centre, tutorial);
    sideSplit.setResizeWeight(1);
    sideSplit.setBorder(null);
    JPanel north = new JPanel();
    north.setLayout(new BoxLayout(north, BoxLayout.Y_AXIS));
    toolbar.setAlignmentX(LEFT_ALIGNMENT);
    strip.setAlignmentX(LEFT_ALIGNMENT);
    north.add(toolbar);
    north.add(strip);
    add(north, BorderLayout.NORTH);
    add(sideSplit, BorderLayout.CENTER);
    add(status, BorderLayout.SOUTH);
    detail.setVisible(false);
    tutorial.setVisible(false);
    sideSplit.setDividerSize(0);

    ImageTransfer transfer = new ImageTransfer(controller::addImage, controller::addImage);
    getRootPane().setTransferHandler(transfer);
    overview.setTransferHandler(transfer);
    getRootPane()
        .registerKeyboardAction(
            e -> closeInnermost(),
            KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
            JComponent.WHEN_IN_FOCUSED_WINDOW);
    state.addListener(this::stateChanged);
    placeWindow();
    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowOpened(WindowEvent e) {
            overview.requestFocusInWindow();
            dump();
          }

          @Override
          public void windowClosing(WindowEvent e) {
            prefs.setWindowBounds(getBounds());
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
        sideSplit.setDividerLocation(Math.max(300, getWidth() - 380));
      }
      sideSplit.revalidate();
    }
  }

  private void closeInnermost() {
    if (state.selection().isPresent()) {
      state.setSelection(null);
      overview.requestFocusInWindow();
    } else if (tutorial.isVisible()) {
      showTutorial(false);
    }
  }

  private void stateChanged(StateEvent event) {
    if (event.has(StateProperty.INPUT)) {
      strip.showInput(state.input());
    }
    boolean open = detail.refresh();
    if (open != detail.isVisible()) {
      detail.setVisible(open);
      detail.revalidate();
    }
    dump();
  }

  private void painted() {
    timer.painted();
    if (dump != null && state.trace() != null) {
      dump(); // the neuron positions are known only after a paint
    }
  }

  void dump() {
    if (dump != null) {
      dump.write(
          state,
          () ->
              new StateDump.Facts(
                  isShowing(),
                  controller.modelName(),
                  strip.examples().size(),
                  controller.imageName(),
                  status.predictionText(),
                  detail.isShowing() && detail.getHeight() > 40 ? detail.viewKind() : null,
                  overview,
                  Theme.isDark(),
                  strip.examples(),
                  strip.buttonCentres()));
    }
  }

  private void placeWindow() {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    Rectangle bounds =
        prefs
            .windowBounds()
            .filter(screen::intersects)
            .orElseGet(
                () -> {
                  int w = Math.min(1280, screen.width);
                  int h = Math.min(820, screen.height);
                  return new Rectangle(
                      screen.x + (screen.width - w) / 2, screen.y + (screen.height - h) / 2, w, h);
                });
    setBounds(bounds);
    setMinimumSize(new Dimension(480, 360));
  }

  /** Remembers the window bounds (also called on close). */
  void rememberBounds() {
    prefs.setWindowBounds(getBounds());
  }

  /** Opens the model or image named on the command line (either may be {@code null}). */
  void start(Path model, Path image) {
    controller.start(model, image);
  }
}
