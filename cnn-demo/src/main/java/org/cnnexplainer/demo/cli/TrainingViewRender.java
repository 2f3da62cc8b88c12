package org.cnnexplainer.demo.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.cnnexplainer.core.train.Evaluation;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.demo.io.TerminalText;
import org.cnnexplainer.demo.io.TrainingRecord;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.training.ConfusionMatrixView;
import org.cnnexplainer.viz.training.TrainingCurves;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code render --view curves|confusion}: a trained model's training curves (from its {@code
 * training.json}) or its confusion matrix on test data, painted by the same components as the
 * Learning Lab.
 */
final class TrainingViewRender {
  private TrainingViewRender() {}

  /**
   * The picture of {@code --view curves} (from the model's record) or {@code --view confusion} (the
   * model evaluated on {@code data} like {@code evaluate} does it), {@code wh} pixels.
   *
   * @param target the checked output, which must not replace the record or lie in the data folder
   */
  static BufferedImage paint(
      CommandSpec spec,
      boolean curves,
      ModelOption model,
      String data,
      Path fashionDir,
      OutputFile target,
      boolean dark,
      int[] wh)
      throws IOException {
    if (curves) {
      TrainingRecord record =
          TrainingRecord.read(model.path())
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--view curves needs a model trained by this program: "
                              + TerminalText.escape(model.path())
                              + " has no "
                              + TrainingRecord.FILE
                              + " beside its model.json"));
      return onEdt(
          dark,
          () -> {
            TrainingCurves chart = new TrainingCurves();
            chart.setPlannedEpochs(record.history().size());
            chart.setCurves(record.batchCurve(), record.history());
            return paint(chart, wh[0], wh[1]);
          });
    }
    OptionChecks.require(
        spec, data != null, "--view confusion needs --data fashion-mnist or an image folder");
    DataSources.requireDataArgument(spec, data);
    Path folder = DataSources.folder(data);
    if (folder != null && !target.isStandardOutput()) {
      Path out = target.path().toAbsolutePath().normalize();
      OptionChecks.require(
          spec,
          !out.startsWith(folder.toAbsolutePath().normalize()),
          "--out "
              + TerminalText.escape(target.path())
              + " is inside the --data folder, where it would become (or replace) a test image");
    }
    Evaluation evaluation =
        EvaluateCommand.evaluate(model, data, fashionDir, OptionChecks.threads(spec, null));
    return onEdt(
        dark,
        () -> {
          ConfusionMatrixView view = new ConfusionMatrixView();
          view.setMatrix(evaluation.classLabels(), evaluation.confusion());
          return view.toImage(wh[0], wh[1]);
        });
  }

  private static BufferedImage paint(javax.swing.JComponent c, int width, int height) {
    c.addNotify();
    c.setSize(width, height);
    c.validate();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    try {
      c.printAll(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Runs {@code paint} on the event thread with the theme's colours in the UI defaults (restored
   * afterwards); used by every view of {@code render}.
   */
  static BufferedImage onEdt(boolean dark, java.util.function.Supplier<BufferedImage> paint) {
    AtomicReference<BufferedImage> result = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            Object oldBackground = UIManager.get(VizKeys.BACKGROUND);
            Object oldForeground = UIManager.get(VizKeys.FOREGROUND);
            RenderCommand.applyTheme(dark);
            try {
              result.set(paint.get());
            } finally {
              UIManager.put(VizKeys.BACKGROUND, oldBackground);
              UIManager.put(VizKeys.FOREGROUND, oldForeground);
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering", e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException re
          ? re
          : new IllegalStateException(e.getCause());
    }
    return result.get();
  }
}
