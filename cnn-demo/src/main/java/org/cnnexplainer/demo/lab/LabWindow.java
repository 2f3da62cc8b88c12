package org.cnnexplainer.demo.lab;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.TransferHandler;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.core.train.FashionMnist;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;
import org.cnnexplainer.core.train.TrainingListener.TrainingPlan;
import org.cnnexplainer.core.train.TrainingResult;
import org.cnnexplainer.demo.cli.TrainingRecord;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.training.ClassAccuracyBars;
import org.cnnexplainer.viz.training.ConfusionMatrixView;
import org.cnnexplainer.viz.training.DatasetSummaryView;
import org.cnnexplainer.viz.training.KernelFilmstrip;
import org.cnnexplainer.viz.training.TrainingCurves;

/**
 * The Learning Lab: choose data and settings, train a Tiny VGG while watching its curves, its
 * first-layer kernels and a probe image's activations change, then drill from the confusion matrix
 * into single mistakes and open them in the explainer. Everything slow (reading images, training,
 * evaluating, saving) runs off the event thread; closing the window only hides it, so a run is
 * never lost by a close or Esc.
 */
public final class LabWindow extends JFrame {
  /** The data source that names Fashion-MNIST (in {@link #open}, and {@code app --lab}). */
  public static final String FASHION_MNIST = "fashion-mnist";

  private static final int DRAIN_MS = 250;

  private final ExplainerBridge bridge;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cnn-lab-worker");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong dataGeneration = new AtomicLong();
  private final int threads = Runtime.getRuntime().availableProcessors();

  final JTabbedPane tabs = new JTabbedPane();
  final DatasetSummaryView summary = new DatasetSummaryView();
  private final JList<String> skippedList = new JList<>();
  private final JPanel skippedPanel = new JPanel(new BorderLayout());
  final SettingsPanel settings = new SettingsPanel(this::updateButtons);
  final TrainingCurves curves = new TrainingCurves();
  final KernelFilmstrip filmstrip = new KernelFilmstrip();
  private final ExplainerState probeState = new ExplainerState();
  final ProbeView probe = new ProbeView(probeState);
  private final JLabel probeCaption = new JLabel(" ");
  final ConfusionMatrixView matrix = new ConfusionMatrixView();
  final ClassAccuracyBars bars = new ClassAccuracyBars();
  final CellImagesPanel cellImages = new CellImagesPanel(this::openCellImage);
  private final JLabel accuracy = new JLabel("Train a network, then it is evaluated here.");
  final JLabel progressText =
      new JLabel("Choose data: an image folder (one sub-folder per class) or Fashion-MNIST.");
  private final JProgressBar progressBar = new JProgressBar(0, 1000);

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

  private final Timer drainTimer = new Timer(DRAIN_MS, e -> drain());
  private LabData data;
  LabRun run;
  private Network latest;
  private Network trained;
  Evaluation evaluation;
  private Network evaluated;
  private Path savedFolder;
  private boolean savedCurrent;
  private String modelName = "Learning Lab model";
  private int tick;
  private LabRun.Weights pendingFrame;
  int weightsShown;
  private int[] cellShown = new int[0];
  private final LabDump dump;

  /** A Lab that opens models in the explainer through {@code bridge}; call on the event thread. */
  public LabWindow(ExplainerBridge bridge) {
    super("Learning Lab — CNN Explainer");
    this.bridge = bridge;
    this.dump = LabDump.fromSystemProperty(this);
    setDefaultCloseOperation(HIDE_ON_CLOSE);
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
    chooseFolder.addActionListener(e -> chooseFolder());
    fashion.addActionListener(e -> loadData(FASHION_MNIST));
    train.addActionListener(e -> train());
    pause.addActionListener(e -> pauseOrResume());
    step.addActionListener(e -> run.control.step());
    stop.addActionListener(e -> run.control.stop());
    evaluate.addActionListener(e -> evaluateNow());
    save.addActionListener(e -> saveModel());
    explain.addActionListener(e -> openInExplainer());
    openTrained.addActionListener(e -> openTrainedModel());
    matrix.addCellListener(this::showCell);

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
    JPanel north = new JPanel(new BorderLayout());
    north.add(toolbar, BorderLayout.NORTH);
    north.add(progress, BorderLayout.SOUTH);

    tabs.addTab("1  Data and settings", dataTab());
    tabs.addTab("2  Watch it learn", learnTab());
    tabs.addTab("3  Mistakes", mistakesTab());
    add(north, BorderLayout.NORTH);
    add(tabs, BorderLayout.CENTER);

    TransferHandler drop = new FolderDrop();
    getRootPane().setTransferHandler(drop);
    summary.setTransferHandler(drop);
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

  private JComponent dataTab() {
    JPanel left = new JPanel(new BorderLayout(0, 6));
    JLabel hint =
        new JLabel(
            "<html>Drop a folder here, or choose one: one sub-folder of PNG or JPEG images per"
                + " class (<i>photos/cat/…, photos/dog/…</i>). Or use Fashion-MNIST.</html>");
    hint.setBorder(BorderFactory.createEmptyBorder(8, 8, 0, 8));
    left.add(hint, BorderLayout.NORTH);
    JScrollPane summaryScroll = new JScrollPane(summary);
    summaryScroll.setBorder(null);
    left.add(summaryScroll, BorderLayout.CENTER);
    skippedPanel.setBorder(BorderFactory.createTitledBorder("Skipped (not used)"));
    skippedList.getAccessibleContext().setAccessibleName("Skipped files");
    skippedList.setVisibleRowCount(4);
    skippedPanel.add(new JScrollPane(skippedList), BorderLayout.CENTER);
    skippedPanel.setVisible(false);
    left.add(skippedPanel, BorderLayout.SOUTH);
    JScrollPane settingsScroll = new JScrollPane(settings);
    settingsScroll.setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, java.awt.Color.GRAY));
    JPanel tab = new JPanel(new BorderLayout());
    tab.add(left, BorderLayout.CENTER);
    tab.add(settingsScroll, BorderLayout.EAST);
    return tab;
  }

  private JComponent learnTab() {
    JPanel probePanel = new JPanel(new BorderLayout());
    probeCaption.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    probePanel.add(probeCaption, BorderLayout.NORTH);
    probePanel.add(probe, BorderLayout.CENTER);
    JPanel strip = new JPanel(new BorderLayout());
    JLabel stripTitle = new JLabel("First-layer kernels over time (left: at the start)");
    stripTitle.setBorder(BorderFactory.createEmptyBorder(4, 8, 2, 8));
    strip.add(stripTitle, BorderLayout.NORTH);
    strip.add(filmstrip, BorderLayout.CENTER);
    JSplitPane right = new JSplitPane(JSplitPane.VERTICAL_SPLIT, probePanel, strip);
    right.setResizeWeight(0.55);
    right.setBorder(null);
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, curves, right);
    split.setResizeWeight(0.45);
    split.setBorder(null);
    return split;
  }

  private JComponent mistakesTab() {
    JPanel panel = new JPanel(new BorderLayout(8, 4));
    accuracy.setBorder(BorderFactory.createEmptyBorder(6, 8, 0, 8));
    accuracy.getAccessibleContext().setAccessibleName("Accuracy");
    panel.add(accuracy, BorderLayout.NORTH);
    bars.setPreferredSize(new Dimension(280, 300));
    // On a small screen every part keeps a usable width; the matrix takes what is left.
    bars.setMinimumSize(new Dimension(190, 200));
    matrix.setMinimumSize(new Dimension(320, 300));
    cellImages.setMinimumSize(new Dimension(230, 200));
    JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, matrix, cellImages);
    right.setResizeWeight(1);
    right.setBorder(null);
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, bars, right);
    split.setBorder(null);
    panel.add(split, BorderLayout.CENTER);
    return panel;
  }

  /** Shows the window (and starts reading {@code data}, "fashion-mnist" or a folder, if given). */
  public void open(String dataSource) {
    setVisible(true);
    toFront();
    if (dataSource != null && !dataSource.isBlank()) {
      loadData(dataSource);
    }
    dumpNow();
  }

  // ---- Data ----------------------------------------------------------------------------------

  private void chooseFolder() {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Choose an image folder (one sub-folder per class)");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    if (data != null && data.source() != null) {
      chooser.setCurrentDirectory(data.source().toFile());
    }
    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
      loadData(chooser.getSelectedFile().getPath());
    }
  }

  /** Drops of a folder (or of a file inside one) read that folder. */
  private final class FolderDrop extends TransferHandler {
    @Override
    public boolean canImport(TransferSupport support) {
      return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
    }

    @Override
    public boolean importData(TransferSupport support) {
      try {
        @SuppressWarnings("unchecked")
        List<File> files =
            (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
        if (files.isEmpty()) {
          return false;
        }
        File first = files.get(0);
        loadData(first.isDirectory() ? first.getPath() : first.getParent());
        return true;
      } catch (Exception e) {
        return false;
      }
    }
  }

  /** Reads {@code source} ("fashion-mnist" or a folder) off the event thread. */
  void loadData(String source) {
    loadData(source, null);
  }

  private void loadData(String source, Runnable then) {
    long mine = dataGeneration.incrementAndGet();
    boolean fashionMnist = FASHION_MNIST.equalsIgnoreCase(source);
    LabSettings current = settings.settings().orElse(LabSettings.defaults(32, 3));
    progressText.setText("Reading " + (fashionMnist ? "Fashion-MNIST" : source) + "…");
    progressBar.setIndeterminate(true);
    worker.execute(
        () -> {
          LabData loaded = null;
          Exception failure = null;
          try {
            loaded =
                fashionMnist
                    ? LabData.fashionMnist(fashionMnistDirectory())
                    : LabData.folder(Path.of(source), current.inputShape());
          } catch (Exception | OutOfMemoryError e) {
            failure = e instanceof Exception ex ? ex : new IOException("not enough memory", e);
          }
          LabData result = loaded;
          Exception error = failure;
          var shown = result == null ? null : result.summary();
          SwingUtilities.invokeLater(
              () -> {
                if (dataGeneration.get() != mine) {
                  return;
                }
                progressBar.setIndeterminate(false);
                if (error != null) {
                  progressText.setText("Could not read the data: " + error.getMessage());
                  message("Could not read the data", error.getMessage());
                  dumpNow();
                  return;
                }
                data = result;
                summary.setSummary(shown);
                skippedList.setListData(result.skipped().toArray(new String[0]));
                skippedPanel.setVisible(!result.skipped().isEmpty());
                settings.fixShape(
                    result.source() == null,
                    result.all().imageShape().height(),
                    result.all().imageShape().channels());
                progressText.setText(summary.headline() + ". Press Train to start.");
                updateButtons();
                ViewWarmUp.whileIdle(result, () -> run == null && data == result);
                dumpNow();
                if (then != null) {
                  then.run();
                }
              });
        });
  }

  static Path fashionMnistDirectory() {
    String env = System.getenv("CNN_FASHION_MNIST_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : FashionMnist.DEFAULT_DIRECTORY;
  }

  // ---- Training ------------------------------------------------------------------------------

  private void train() {
    Optional<LabSettings> chosen = settings.settings();
    if (data == null || chosen.isEmpty()) {
      tabs.setSelectedIndex(0);
      message(
          "Cannot train yet",
          data == null ? "Choose data first." : String.join("\n", settings.problemList()));
      return;
    }
    if (run != null && run.isRunning()) {
      return;
    }
    if (trained != null && !savedCurrent) {
      int answer =
          JOptionPane.showOptionDialog(
              this,
              "The network trained last is not saved. Start a new run anyway?",
              "New run",
              JOptionPane.YES_NO_OPTION,
              JOptionPane.QUESTION_MESSAGE,
              null,
              new Object[] {"Start a new run", "Keep it"},
              "Keep it");
      if (answer != 0) {
        return; // Esc, closing the dialog and "Keep it" keep the run
      }
    }
    LabSettings s = chosen.get();
    if (data.source() != null && !data.all().imageShape().equals(s.inputShape())) {
      // The images were read at another size or with other channels: read them again first.
      loadData(data.source().toString(), this::train);
      return;
    }
    if (data.all().classLabels().size() < 2) {
      message("Cannot train yet", "A classifier needs at least two classes; this data has one.");
      return;
    }
    startRun(s);
  }

  private void startRun(LabSettings s) {
    run = new LabRun(data, s, threads);
    latest = null;
    trained = null;
    evaluation = null;
    evaluated = null;
    savedFolder = null;
    savedCurrent = false;
    cellShown = new int[0];
    modelName = "Learning Lab: " + data.name();
    curves.clear();
    curves.setPlannedEpochs(s.epochs());
    filmstrip.clear();
    matrix.setMatrix(List.of(), new int[0][0]);
    cellImages.clear("Click a cell of the matrix to see its images.");
    accuracy.setText("Evaluated when training ends (or press Evaluate while paused).");
    probeCaption.setText(
        "Probe: "
            + run.evaluationImageName(0)
            + " (true class: "
            + data.all().classLabels().get(run.evaluationSet().label(0))
            + ")");
    // The untrained network first: the filmstrip's first frame and the probe's starting point.
    showProbe(run.initial, run.initial.trace(run.probe));
    showFrame(run.initial, "start");
    tabs.setSelectedIndex(1);
    updateButtons();
    warmUp();
    LabRun starting = run;
    // Start once the repaints the tab switch queued have run, before the cores are taken.
    SwingUtilities.invokeLater(
        () -> {
          if (run != starting) {
            return;
          }
          starting.start(this::runFinished);
          if (dump != null) {
            dump.trainingStarted();
          }
          drainTimer.start();
          updateButtons();
        });
  }

  /**
   * Paints the "Watch it learn" tab now, before the training threads take the cores (the first
   * paints load classes and run slowly, and must not block the event thread while training runs).
   */
  private void warmUp() {
    ViewWarmUp.paintNow((JComponent) tabs.getSelectedComponent());
  }

  /** The probe image's activations through {@code network}. */
  private void showProbe(Network network, org.cnnexplainer.core.ActivationTrace trace) {
    weightsShown++;
    probeState.batch(
        () -> {
          probeState.setNetwork(network);
          probeState.setTrace(trace);
        });
  }

  /** A filmstrip column of {@code network}'s first-layer kernels. */
  private void showFrame(Network network, String when) {
    LabRun.firstConvolution(network).ifPresent(conv -> filmstrip.addFrame(when, conv.kernel()));
  }

  private void pauseOrResume() {
    if (run.control.isPaused()) {
      run.control.resume();
    } else {
      run.control.pause();
    }
    updateButtons();
    drain();
  }

  /** Moves what the training thread left into the views (on the Swing timer). */
  private void drain() {
    if (run == null) {
      return;
    }
    LabRun current = run;
    // Update and paint while training holds, so painting gets a core of its own; the curves, the
    // probe and the filmstrip take turns, so no tick paints more than one of them.
    int turn = tick++ % 3;
    Runnable update =
        () -> {
          drainInto(current, turn);
          RepaintManager.currentManager(this).paintDirtyRegions();
        };
    if (turn == 2) {
      update.run(); // the filmstrip is one small picture: no need to hold training for it
    } else {
      current.paintWhileHeld(update);
    }
    dumpNow();
  }

  /** Turn 0: curves and progress; 1: the probe from new weights; 2: their filmstrip frame. */
  private void drainInto(LabRun current, int turn) {
    LabRun.Update u = current.drain(turn == 0, turn == 1);
    curves.addBatchPoints(u.points());
    for (EpochResult e : u.epochs()) {
      curves.addEpoch(e);
    }
    if (u.weights() != null) {
      LabRun.Weights w = u.weights();
      latest = w.network();
      showProbe(w.network(), w.probe());
      pendingFrame = w;
    }
    if (turn == 2 && pendingFrame != null) {
      LabRun.Weights w = pendingFrame;
      pendingFrame = null;
      showFrame(
          w.network(),
          String.format(
              Locale.ROOT,
              "%.2f ep",
              w.at().epoch() - 1 + (double) w.at().batch() / w.at().batches()));
    }
    if (turn == 0) {
      showProgress(u.progress());
    }
  }

  private void showProgress(BatchProgress p) {
    TrainingPlan plan = run.plan();
    if (p == null || plan == null) {
      progressText.setText("Starting…");
      return;
    }
    double done = (p.epoch() - 1 + (double) p.batch() / p.batches()) / p.epochs();
    long remainingImages = Math.round((1 - done) * (double) plan.epochs() * plan.trainingImages());
    double left = p.imagesPerSecond() > 0 ? remainingImages / p.imagesPerSecond() : 0;
    String state =
        run.result() != null
            ? "Finished"
            : run.control.isStopped() ? "Stopping" : run.control.isPaused() ? "Paused" : "Training";
    progressText.setText(
        String.format(
            Locale.ROOT,
            "%s · epoch %d/%d · batch %d/%d · %,.0f images/s · %s left · loss %.3f · accuracy %.1f %%",
            state,
            p.epoch(),
            p.epochs(),
            p.batch(),
            p.batches(),
            p.imagesPerSecond(),
            duration(left),
            p.loss(),
            100 * p.accuracy()));
    progressBar.setValue((int) Math.round(1000 * done));
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private void runFinished() {
    drainTimer.stop();
    if (dump != null) {
      dump.trainingFinished(); // the training thread has ended: what follows is not measured
    }
    for (int turn = 0; turn < 3; turn++) {
      drainInto(run, turn);
    }
    if (run.failure() != null) {
      progressText.setText("Training failed: " + run.failure().getMessage());
      message("Training failed", String.valueOf(run.failure().getMessage()));
      updateButtons();
      dumpNow();
      return;
    }
    TrainingResult result = run.result();
    trained = result.best();
    List<EpochResult> history = result.history();
    String how =
        result.interrupted()
            ? "Stopped after "
                + history.size()
                + " complete epoch"
                + (history.size() == 1 ? "" : "s")
            : "Finished " + history.size() + " epochs";
    progressText.setText(
        how
            + (result.bestEpoch() > 0
                ? "; keeping the weights of epoch "
                    + result.bestEpoch()
                    + " (lowest validation loss)."
                : "; no epoch finished, keeping the weights so far."));
    progressBar.setValue(result.interrupted() ? progressBar.getValue() : 1000);
    updateButtons();
    evaluate(trained, true);
  }

  // ---- Evaluation and drilling into mistakes -------------------------------------------------

  private void evaluateNow() {
    Network network = trained != null ? trained : latest;
    if (network != null) {
      evaluate(network, true);
    }
  }

  private void evaluate(Network network, boolean showTab) {
    LabRun current = run;
    Dataset set = current.evaluationSet();
    accuracy.setText("Evaluating on " + current.evaluationName() + "…");
    worker.execute(
        () -> {
          Evaluation e;
          try {
            e = Evaluation.of(network, set, threads);
          } catch (RuntimeException ex) {
            SwingUtilities.invokeLater(
                () -> accuracy.setText("Evaluation failed: " + ex.getMessage()));
            return;
          }
          SwingUtilities.invokeLater(
              () -> {
                if (run != current) {
                  return;
                }
                evaluation = e;
                evaluated = network;
                showEvaluation(e, current.evaluationName());
                if (showTab) {
                  tabs.setSelectedIndex(2);
                }
                updateButtons();
                // Once more after the matrix has painted: the dump lists its cells' places.
                SwingUtilities.invokeLater(this::dumpNow);
              });
        });
  }

  private void showEvaluation(Evaluation e, String on) {
    accuracy.setText(
        String.format(
            Locale.ROOT,
            "<html><b>Accuracy %.1f %%</b> on %s (%,d right of %,d). Click a cell of the"
                + " matrix to see its images, then an image to explain it.</html>",
            100 * e.accuracy(),
            on,
            Math.round(e.accuracy() * e.count()),
            e.count()));
    matrix.setMatrix(e.classLabels(), e.confusion());
    bars.setAccuracy(e.classLabels(), e.perClassAccuracy(), e.accuracy());
    cellImages.clear("Click a cell of the matrix to see its images.");
  }

  private void showCell(int actual, int predicted) {
    if (evaluation == null || run == null) {
      cellImages.clear(
          "These figures come from the saved training record; train or evaluate here to see the"
              + " images behind them.");
      return;
    }
    Dataset set = run.evaluationSet();
    List<String> labels = evaluation.classLabels();
    int[] all = evaluation.imagesOf(actual, predicted);
    cellShown = java.util.Arrays.copyOf(all, Math.min(all.length, CellImagesPanel.MAX_SHOWN));
    List<BufferedImage> pictures = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    List<String> tips = new ArrayList<>();
    for (int i : cellShown) {
      pictures.add(ImageInput.toImage(set.image(i)));
      captions.add(String.format(Locale.ROOT, "%.1f %%", 100 * evaluation.probability(i)));
      tips.add(tip(i));
    }
    String images = all.length == 1 ? "image" : "images";
    String heading =
        actual == predicted
            ? String.format(
                Locale.ROOT, "%,d %s %s recognised", all.length, labels.get(actual), images)
            : String.format(
                Locale.ROOT,
                "%,d %s %s mistaken for %s",
                all.length,
                labels.get(actual),
                images,
                labels.get(predicted));
    heading +=
        all.length == 0
            ? "."
            : (all.length > cellShown.length
                    ? " (the " + cellShown.length + " most confident)"
                    : "")
                + ", with the probability of the prediction. Click one to explain it.";
    cellImages.show(heading, pictures, captions, tips);
    dumpNow();
  }

  private String tip(int i) {
    List<String> labels = evaluation.classLabels();
    return String.format(
        Locale.ROOT,
        "%s · true: %s · predicted: %s (%.1f %%)",
        run.evaluationImageName(i),
        labels.get(run.evaluationSet().label(i)),
        labels.get(evaluation.predicted(i)),
        100 * evaluation.probability(i));
  }

  private void openCellImage(int position) {
    if (evaluated == null || cellShown.length == 0) {
      return;
    }
    Dataset set = run.evaluationSet();
    List<LabImage> images = new ArrayList<>();
    for (int i : cellShown) {
      String trueLabel = evaluation.classLabels().get(set.label(i));
      images.add(
          new LabImage(
              run.evaluationImageName(i) + " (true: " + trueLabel + ")",
              tip(i),
              ImageInput.toImage(set.image(i)),
              set.image(i)));
    }
    bridge.show(cellModelName(), evaluated, images, position);
  }

  private String cellModelName() {
    return evaluated == trained && savedFolder != null && savedCurrent
        ? savedFolder.getFileName().toString()
        : modelName;
  }

  // ---- Saving and opening --------------------------------------------------------------------

  private void saveModel() {
    if (trained == null) {
      return;
    }
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Save the model as a folder");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    chooser.setApproveButtonText("Save");
    String suggested =
        data.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-tiny-vgg";
    chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), suggested));
    if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
      return;
    }
    saveTo(chooser.getSelectedFile().toPath());
  }

  /** Saves the trained network (with its evaluation, when it was evaluated) to {@code out}. */
  void saveTo(Path out) {
    LabRun current = run;
    Network network = trained;
    Evaluation e = evaluated == trained ? evaluation : null;
    progressText.setText("Saving to " + out + "…");
    worker.execute(
        () -> {
          try {
            LabSaver.save(out, network, current, e);
            SwingUtilities.invokeLater(
                () -> {
                  if (run == current && trained == network) {
                    savedFolder = out.toAbsolutePath().normalize();
                    savedCurrent = true;
                  }
                  progressText.setText(
                      "Saved to "
                          + out
                          + " (model, training record, model card). Open in explainer opens it.");
                  updateButtons();
                  dumpNow();
                });
          } catch (IOException | RuntimeException ex) {
            SwingUtilities.invokeLater(
                () -> {
                  progressText.setText("Not saved: " + ex.getMessage());
                  message("Could not save the model", ex.getMessage());
                });
          }
        });
  }

  private void openInExplainer() {
    if (savedCurrent && savedFolder != null) {
      bridge.open(savedFolder);
      return;
    }
    if (trained == null && savedFolder != null) {
      bridge.open(savedFolder);
      return;
    }
    if (trained == null) {
      return;
    }
    Dataset set = run.evaluationSet();
    List<LabImage> images = new ArrayList<>();
    int[] perClass = new int[set.classLabels().size()];
    for (int i = 0; i < set.size() && images.size() < 2 * perClass.length; i++) {
      if (perClass[set.label(i)]++ < 2) {
        String trueLabel = set.classLabels().get(set.label(i));
        images.add(
            new LabImage(
                run.evaluationImageName(i) + " (true: " + trueLabel + ")",
                "true: " + trueLabel,
                ImageInput.toImage(set.image(i)),
                set.image(i)));
      }
    }
    bridge.show(modelName, trained, images, 0);
  }

  private void openTrainedModel() {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Open a trained model folder (with its training.json)");
    chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
      showRecord(chooser.getSelectedFile().toPath());
    }
  }

  /** Shows the curves (and recorded evaluation) of the saved model at {@code folder}. */
  void showRecord(Path folder) {
    if (run != null && run.isRunning()) {
      message("Training is running", "Stop the run before opening another model's record.");
      return;
    }
    worker.execute(
        () -> {
          Optional<TrainingRecord> record;
          try {
            record = TrainingRecord.read(folder);
          } catch (IOException e) {
            SwingUtilities.invokeLater(
                () -> message("Cannot read the training record", e.getMessage()));
            return;
          }
          SwingUtilities.invokeLater(
              () -> {
                if (record.isEmpty()) {
                  message(
                      "No training record",
                      folder + " has no training.json: it was not trained by this program.");
                  return;
                }
                TrainingRecord r = record.get();
                run = null;
                trained = null;
                evaluation = null;
                evaluated = null;
                savedCurrent = false;
                savedFolder = Files.isDirectory(folder) ? folder : folder.getParent();
                List<EpochResult> history = r.history();
                curves.setPlannedEpochs(history.size());
                curves.setCurves(r.batchCurve(), history);
                filmstrip.clear();
                probeCaption.setText("Saved model: " + savedFolder.getFileName());
                r.evaluation()
                    .ifPresentOrElse(
                        e -> {
                          matrix.setMatrix(e.classes(), e.confusion());
                          bars.setAccuracy(e.classes(), e.perClassAccuracy(), e.accuracy());
                          accuracy.setText(
                              String.format(
                                  Locale.ROOT,
                                  "<html><b>Accuracy %.1f %%</b> on %s, as recorded when saved.</html>",
                                  100 * e.accuracy(),
                                  e.on()));
                        },
                        () -> matrix.setMatrix(List.of(), new int[0][0]));
                progressText.setText(
                    "Training record of "
                        + savedFolder
                        + ": "
                        + history.size()
                        + " epochs. Open in explainer opens the model.");
                tabs.setSelectedIndex(1);
                updateButtons();
                dumpNow();
              });
        });
  }

  // ---- Helpers -------------------------------------------------------------------------------

  void updateButtons() {
    boolean running = run != null && run.isRunning();
    boolean paused = running && run.control.isPaused();
    train.setEnabled(!running && data != null && settings.settings().isPresent());
    chooseFolder.setEnabled(!running);
    fashion.setEnabled(!running);
    openTrained.setEnabled(!running);
    pause.setEnabled(running && !run.control.isStopped());
    pause.setText(paused ? "Resume" : "Pause");
    pause.getAccessibleContext().setAccessibleName(paused ? "Resume" : "Pause");
    step.setEnabled(paused);
    stop.setEnabled(running && !run.control.isStopped());
    evaluate.setEnabled((paused && latest != null) || (!running && trained != null));
    save.setEnabled(!running && trained != null);
    explain.setEnabled((!running && trained != null) || (trained == null && savedFolder != null));
    dumpNow();
  }

  private void message(String title, String text) {
    JOptionPane.showMessageDialog(this, text, title, JOptionPane.WARNING_MESSAGE);
  }

  private void dumpNow() {
    if (dump != null) {
      dump.write();
    }
  }

  /** Phase for the dump: idle, running, paused, finished. */
  String phase() {
    if (run == null) {
      return "idle";
    }
    if (run.isRunning()) {
      return run.control.isPaused() ? "paused" : "running";
    }
    return "finished";
  }

  /** The last progress the views show, or {@code null}. */
  BatchProgress progress() {
    LabRun r = run;
    return r == null ? null : r.lastProgress();
  }

  int cellImageCount() {
    return cellImages.count();
  }

  String cellHeading() {
    return cellImages.heading();
  }

  String settingsProblems() {
    return settings.problemsText();
  }

  Path savedFolder() {
    return savedFolder;
  }

  LabData data() {
    return data;
  }
}
