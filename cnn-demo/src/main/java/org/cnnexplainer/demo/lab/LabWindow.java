package org.cnnexplainer.demo.lab;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTabbedPane;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;

/**
 * The Learning Lab: choose data and settings, train a Tiny VGG while watching its curves, its
 * first-layer kernels and a probe image's activations change, then drill from the confusion matrix
 * into single mistakes and open them in the explainer. This window holds the toolbar, the progress
 * line and the three tabs ({@link DataTab}, {@link WatchTab}, {@link MistakesTab}); {@link
 * RunController} runs the training and {@link LabFiles} saves and opens models. Everything slow
 * (reading images, training, evaluating, saving) runs off the event thread; closing the window only
 * hides it, so a run is never lost by a close or Esc.
 */
public final class LabWindow extends JFrame {
  /** The data source that names Fashion-MNIST (in {@link #open}, and {@code app --lab}). */
  public static final String FASHION_MNIST = "fashion-mnist";

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cnn-lab-worker");
            t.setDaemon(true);
            return t;
          });

  final LabSession session = new LabSession();
  final JTabbedPane tabs = new JTabbedPane();
  final JLabel progressText =
      new JLabel("Choose data: an image folder (one sub-folder per class) or Fashion-MNIST.");
  private final JProgressBar progressBar = new JProgressBar(0, 1000);
  final DataTab data;
  final WatchTab watch = new WatchTab();
  final MistakesTab mistakes;
  final RunController runs;
  final LabFiles files;

  private final JButton chooseFolder =
      button("Image folder…", "Choose a folder with one sub-folder of images per class");
  private final JButton fashion =
      button("Fashion-MNIST", "Train on Fashion-MNIST (Debian's dataset-fashion-mnist)");
  final JButton train = button("Train", "Start a new run with these settings");
  final JButton pause = button("Pause", "Hold training after the current batch");
  final JButton step = button("Step", "Train one batch, then update the views");
  final JButton stop = button("Stop", "End the run, keeping the best weights so far");
  final JButton evaluate = button("Evaluate", "Run the network on the evaluation images now");
  final JButton save = button("Save model…", "Save as a TF.js model folder with a model card");
  final JButton explain = button("Open in explainer", "Explain this model's predictions");
  private final JButton openTrained = button("Open trained model…", "Show a saved model's curves");
  private final LabProbe labProbe;

  /** A Lab that opens models in the explainer through {@code bridge}; call on the event thread. */
  public LabWindow(ExplainerBridge bridge) {
    super("Learning Lab — CNN Explainer");
    int threads = Runtime.getRuntime().availableProcessors();
    data = new DataTab(this, session, worker);
    mistakes = new MistakesTab(this, session, bridge);
    runs = new RunController(this, session, data, watch, mistakes, worker, threads);
    files = new LabFiles(this, session, watch, mistakes, bridge, worker);
    labProbe = LabProbe.of(this);
    setDefaultCloseOperation(HIDE_ON_CLOSE);
    chooseFolder.addActionListener(e -> data.chooseFolder());
    fashion.addActionListener(e -> data.load(FASHION_MNIST, null));
    train.addActionListener(e -> runs.train());
    pause.addActionListener(e -> runs.pauseOrResume());
    step.addActionListener(e -> runs.step());
    stop.addActionListener(e -> runs.stop());
    evaluate.addActionListener(e -> runs.evaluateNow());
    save.addActionListener(e -> files.saveModel());
    explain.addActionListener(e -> files.openInExplainer());
    openTrained.addActionListener(e -> files.openTrainedModel());

    JPanel north = new JPanel(new BorderLayout());
    north.add(toolbar(), BorderLayout.NORTH);
    north.add(progressLine(), BorderLayout.SOUTH);
    tabs.addTab("1  Data and settings", data);
    tabs.addTab("2  Watch it learn", watch);
    tabs.addTab("3  Mistakes", mistakes);
    add(north, BorderLayout.NORTH);
    add(tabs, BorderLayout.CENTER);

    getRootPane().setTransferHandler(data.folderDrop());
    // Esc never discards anything here: it only returns the focus to the tabs.
    getRootPane()
        .registerKeyboardAction(
            e -> tabs.requestFocusInWindow(),
            KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
            JComponent.WHEN_IN_FOCUSED_WINDOW);
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    // Nine tenths of the screen, but at least 1024 x 700 (or the whole of a smaller screen).
    setSize(
        Math.min(screen.width, Math.max(1024, screen.width * 9 / 10)),
        Math.min(screen.height, Math.max(700, screen.height * 9 / 10)));
    setMinimumSize(new Dimension(800, 560));
    setLocationRelativeTo(null);
    updateButtons();
  }

  private static JButton button(String text, String tip) {
    JButton b = new JButton(text);
    b.setToolTipText(tip);
    b.getAccessibleContext().setAccessibleName(text);
    return b;
  }

  private JToolBar toolbar() {
    JToolBar toolbar = new JToolBar();
    toolbar.setFloatable(false);
    for (JComponent c :
        List.of(
            chooseFolder,
            fashion,
            train,
            pause,
            step,
            stop,
            evaluate,
            save,
            explain,
            openTrained)) {
      if (c == train || c == evaluate || c == openTrained) {
        toolbar.addSeparator();
      }
      toolbar.add(c);
    }
    return toolbar;
  }

  private JPanel progressLine() {
    // A validate root: the progress text changes 4 times a second and must not lay out the window.
    JPanel progress =
        new JPanel(new BorderLayout(12, 0)) {
          @Override
          public boolean isValidateRoot() {
            return true;
          }
        };
    progress.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    progressText.getAccessibleContext().setAccessibleName("Progress");
    progressBar.setPreferredSize(new Dimension(220, 12));
    progress.add(progressText, BorderLayout.CENTER);
    progress.add(progressBar, BorderLayout.EAST);
    return progress;
  }

  /** Shows the window (and starts reading {@code data}, "fashion-mnist" or a folder, if given). */
  public void open(String dataSource) {
    setVisible(true);
    toFront();
    if (dataSource != null && !dataSource.isBlank()) {
      data.load(dataSource, null);
    }
    shownChanged();
  }

  // ---- The parts' shared window: progress line, tabs, buttons, messages --------------------

  /** The progress line's text. */
  void status(String text) {
    progressText.setText(text);
  }

  /** Whether the progress bar shows work of unknown length (reading data). */
  void busy(boolean busy) {
    progressBar.setIndeterminate(busy);
  }

  /** The progress bar at {@code done} (0 to 1). */
  void progress(double done) {
    progressBar.setValue((int) Math.round(1000 * done));
  }

  void showTab(int index) {
    tabs.setSelectedIndex(index);
  }

  void message(String title, String text) {
    JOptionPane.showMessageDialog(this, text, title, JOptionPane.WARNING_MESSAGE);
  }

  /** Enables what can be done now. */
  void updateButtons() {
    boolean running = session.isRunning();
    boolean paused = session.isPaused();
    LabRun run = session.run;
    train.setEnabled(!running && session.data != null && data.settings.settings().isPresent());
    chooseFolder.setEnabled(!running);
    fashion.setEnabled(!running);
    openTrained.setEnabled(!running);
    pause.setEnabled(running && !run.control.isStopped());
    pause.setText(paused ? "Resume" : "Pause");
    pause.getAccessibleContext().setAccessibleName(paused ? "Resume" : "Pause");
    step.setEnabled(paused);
    stop.setEnabled(running && !run.control.isStopped());
    evaluate.setEnabled(
        (paused && session.latest != null) || (!running && session.trained != null));
    save.setEnabled(!running && session.trained != null);
    explain.setEnabled(
        (!running && session.trained != null)
            || (session.trained == null && session.savedFolder != null));
    labProbe.controlsChanged();
    labProbe.changed();
  }

  /** Tells the probe (see {@link LabProbe}) that what the Lab shows may have changed. */
  void shownChanged() {
    labProbe.changed();
  }

  /** The training thread has started. */
  void trainingStarted() {
    labProbe.trainingStarted();
  }

  /** The training thread has ended: what follows is not training. */
  void trainingFinished() {
    labProbe.trainingFinished();
  }

  /** The phase: idle, running, paused, finished. */
  String phase() {
    if (session.run == null) {
      return "idle";
    }
    if (session.run.isRunning()) {
      return session.run.control.isPaused() ? "paused" : "running";
    }
    return "finished";
  }

  /** The last progress the views show, or {@code null}. */
  BatchProgress progress() {
    LabRun r = session.run;
    return r == null ? null : r.lastProgress();
  }
}
