package org.cnnexplainer.demo.lab;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.cnnexplainer.core.train.TrainingListener.BatchProgress;
import org.cnnexplainer.demo.io.OutputFile;

/**
 * The Lab's probe in the end-to-end tests: writes what the Lab shows to a JSON file (phase,
 * progress, points drawn, evaluation, where its controls, matrix cells and cell images are on
 * screen) and runs an {@link EdtWatchdog}, reporting the event thread's worst delay while training.
 * Installed by {@link #installForEveryLab}.
 */
public final class LabDump extends LabProbe {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private final LabWindow lab;
  private final Path file;
  private final EdtWatchdog watchdog = EdtWatchdog.start();
  private final java.util.concurrent.ExecutorService writer =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cnn-lab-dump");
            t.setDaemon(true);
            return t;
          });
  private JsonArray controls = new JsonArray();
  private boolean controlsChanged = true;
  private Point origin; // the root pane's top left corner on the screen
  private String controlsFor = "";
  private double worstWhileTraining;
  private double worstBusyWhileTraining;
  private boolean training;

  private LabDump(LabWindow lab, Path file) {
    this.lab = lab;
    this.file = file;
  }

  /** Makes every Lab built from now on write what it shows to {@code file}. */
  public static void installForEveryLab(Path file) {
    LabProbe.install(lab -> new LabDump(lab, file));
  }

  /** Call right when the training thread starts. */
  @Override
  void trainingStarted() {
    watchdog.reset();
    training = true;
    worstWhileTraining = 0;
    worstBusyWhileTraining = 0;
  }

  @Override
  void trainingFinished() {
    readWatchdog();
    training = false;
  }

  private void readWatchdog() {
    worstWhileTraining = Math.max(worstWhileTraining, watchdog.worstMillis());
    worstBusyWhileTraining = Math.max(worstBusyWhileTraining, watchdog.worstBusyMillis());
  }

  /** The buttons changed (enabled, text): find the controls again at the next write. */
  @Override
  void controlsChanged() {
    controlsChanged = true;
  }

  @Override
  void changed() {
    if (training) {
      readWatchdog();
    }
    JsonObject json = new JsonObject();
    // Finding every control on screen takes a few milliseconds of the event thread: while
    // training, only when something may have changed (another phase or tab, buttons enabled or
    // renamed). The window's place on the screen is asked of the X server (a round trip) only
    // then too; every other place is computed from it.
    String key =
        lab.phase() + lab.tabs.getSelectedIndex() + lab.mistakes.cellImageCount() + lab.isShowing();
    boolean refresh = !"running".equals(lab.phase()) || !key.equals(controlsFor) || controlsChanged;
    if (refresh) {
      origin = lab.isShowing() ? lab.getRootPane().getLocationOnScreen() : null;
    }
    json.addProperty("shown", lab.isShowing());
    if (lab.isShowing() && origin != null) {
      Point inFrame = SwingUtilities.convertPoint(lab.getRootPane(), 0, 0, lab);
      json.addProperty(
          "window",
          (origin.x - inFrame.x)
              + " "
              + (origin.y - inFrame.y)
              + " "
              + lab.getWidth()
              + " "
              + lab.getHeight());
    }
    json.addProperty("tab", lab.tabs.getSelectedIndex());
    json.addProperty("phase", lab.phase());
    json.addProperty("progressText", lab.progressText.getText());
    json.addProperty("settingsProblems", lab.data.settings.problemsText());
    LabData data = lab.session.data;
    if (data != null) {
      json.addProperty("dataImages", data.all().size());
      json.addProperty("dataClasses", data.all().classLabels().size());
      json.addProperty("skipped", data.skipped().size());
    }
    BatchProgress p = lab.progress();
    if (p != null) {
      json.addProperty("epoch", p.epoch());
      json.addProperty("batch", p.batch());
      json.addProperty("batches", p.batches());
      json.addProperty("imagesPerSecond", p.imagesPerSecond());
    }
    if (lab.session.run != null) {
      JsonArray epochs = new JsonArray();
      lab.session.run.epochs().forEach(e -> epochs.add(e.imagesPerSecond()));
      json.add("epochImagesPerSecond", epochs);
    }
    json.addProperty("batchPoints", lab.watch.curves.batchPointCount());
    json.addProperty("epochsShown", lab.watch.curves.epochCount());
    json.addProperty("filmstripFrames", lab.watch.filmstrip.frameCount());
    json.addProperty("weightsShown", lab.watch.weightsShown);
    json.addProperty("probeNetwork", lab.watch.probe.trace().isPresent());
    json.addProperty("worstEdtPauseMs", worstWhileTraining);
    json.addProperty("worstEdtBusyMs", worstBusyWhileTraining);
    if (lab.session.evaluation != null) {
      json.addProperty("accuracy", lab.session.evaluation.accuracy());
      JsonArray cells = new JsonArray();
      int[][] confusion = lab.session.evaluation.confusion();
      for (int a = 0; a < confusion.length; a++) {
        for (int q = 0; q < confusion.length; q++) {
          int actual = a;
          int predicted = q;
          lab.mistakes
              .matrix
              .cellBounds(a, q)
              .filter(b -> lab.mistakes.matrix.isShowing() && origin != null)
              .ifPresent(
                  b -> {
                    JsonObject cell = centre(lab.mistakes.matrix, b);
                    cell.addProperty("actual", actual);
                    cell.addProperty("predicted", predicted);
                    cell.addProperty("count", confusion[actual][predicted]);
                    cells.add(cell);
                  });
        }
      }
      json.add("cells", cells);
    }
    json.addProperty("cellImages", lab.mistakes.cellImageCount());
    json.addProperty("cellHeading", lab.mistakes.cellHeading());
    if (lab.session.savedFolder != null) {
      json.addProperty("savedFolder", lab.session.savedFolder.toString());
    }
    if (refresh) {
      controls = new JsonArray();
      if (lab.isShowing() && origin != null) {
        addControls(lab.getContentPane(), controls);
      }
      controlsFor = key;
      controlsChanged = false;
    }
    json.add("controls", controls);
    writer.execute(() -> save(json));
  }

  /** Whole or not at all (a temporary file renamed over it): a polling test never reads half. */
  private void save(JsonObject json) {
    try {
      OutputFile.of(file)
          .write(out -> out.write(GSON.toJson(json).getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      System.err.println("cnn-explainer: cannot write the Lab's state dump: " + e.getMessage());
    }
  }

  /** The centre of {@code bounds} (in {@code c}) on the screen. */
  private JsonObject centre(Component c, Rectangle2D bounds) {
    Point in = SwingUtilities.convertPoint(c, 0, 0, lab.getRootPane());
    JsonObject at = new JsonObject();
    at.addProperty("x", origin.x + in.x + (int) Math.round(bounds.getCenterX()));
    at.addProperty("y", origin.y + in.y + (int) Math.round(bounds.getCenterY()));
    return at;
  }

  /** Enabled buttons, text fields, lists and tabs that are showing, by accessible name or text. */
  private void addControls(Container parent, JsonArray into) {
    for (Component c : parent.getComponents()) {
      if (!c.isShowing()) {
        continue;
      }
      if (c instanceof JTabbedPane tabs) {
        for (int i = 0; i < tabs.getTabCount(); i++) {
          java.awt.Rectangle r = tabs.getBoundsAt(i);
          if (r != null) {
            JsonObject at = centre(tabs, r);
            at.addProperty("name", "tab " + (i + 1));
            into.add(at);
          }
        }
      }
      if ((c instanceof AbstractButton || c instanceof JComboBox || c instanceof JTextComponent)
          && c.isEnabled()) {
        String name = c.getAccessibleContext().getAccessibleName();
        if (name == null || name.isBlank()) {
          name = c instanceof AbstractButton b ? b.getText() : "";
        }
        JsonObject at = centre(c, new Rectangle2D.Double(0, 0, c.getWidth(), c.getHeight()));
        at.addProperty("name", name);
        into.add(at);
      } else if (c instanceof Container container) {
        addControls(container, into);
      }
    }
  }
}
