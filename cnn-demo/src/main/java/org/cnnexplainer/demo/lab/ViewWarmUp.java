package org.cnnexplainer.demo.lab;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.train.Architectures;
import org.cnnexplainer.viz.overview.LiveOverview;
import org.cnnexplainer.viz.training.CurvePoint;
import org.cnnexplainer.viz.training.KernelFilmstrip;
import org.cnnexplainer.viz.training.TrainingCurves;

/**
 * Gets the live views' drawing code compiled before training starts. The views draw their pictures
 * on a background thread while training runs, but a cold (interpreted) drawing takes about four
 * times as long as a warm one, so the first pictures would lag behind; and the event thread's own
 * share (copying the pictures, the progress line) should be compiled too. So the Lab draws
 * throw-away copies while it is idle, and paints the real tab once just before the training threads
 * start.
 */
final class ViewWarmUp {
  private ViewWarmUp() {}

  /**
   * Paints throw-away copies of the live views for {@code loaded} off screen, one paint per event,
   * 40 rounds, until {@code idle} turns false (a run starts or other data is chosen). Small
   * pictures: the same code runs as for large ones, and the garbage stays small (a young collection
   * soon after training starts would pause the event thread along with every other).
   */
  static void whileIdle(LabData loaded, BooleanSupplier idle) {
    Network network =
        Architectures.tinyVgg(loaded.all().imageShape(), loaded.all().classLabels(), 10, 1);
    LiveOverview scratchProbe = new LiveOverview();
    scratchProbe.setTrace(network.trace(loaded.all().image(0)));
    TrainingCurves scratchCurves = new TrainingCurves();
    List<CurvePoint> sample = new ArrayList<>();
    for (int i = 1; i <= 400; i++) {
      sample.add(new CurvePoint(i / 100.0, 2.0 / i, 1 - 1.0 / i));
    }
    scratchCurves.setCurves(sample, List.of());
    KernelFilmstrip scratchStrip = new KernelFilmstrip();
    LabRun.firstConvolution(network).ifPresent(c -> scratchStrip.addFrame("0.00 ep", c.kernel()));
    List<JComponent> views = List.of(scratchCurves, scratchProbe, scratchStrip);
    BufferedImage scratch = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    int rounds = 40;
    Runnable[] next = new Runnable[1];
    int[] done = {0};
    next[0] =
        () -> {
          if (!idle.getAsBoolean() || done[0] >= rounds * views.size()) {
            return;
          }
          JComponent view = views.get(done[0] % views.size());
          if (view == scratchCurves) {
            scratchCurves.addBatchPoints(List.of(new CurvePoint(4 + done[0] / 100.0, 0.5, 0.5)));
          } else if (view == scratchProbe) {
            scratchProbe.setTrace(network.trace(loaded.all().image(done[0] % loaded.all().size())));
          } else {
            LabRun.firstConvolution(network).ifPresent(c -> scratchStrip.addFrame("x", c.kernel()));
          }
          if (done[0] < views.size()) {
            view.addNotify();
            view.setSize(320, 240);
            view.validate();
          }
          // Printing draws at once, on this thread: the drawing code itself gets compiled.
          Graphics2D g = scratch.createGraphics();
          view.printAll(g);
          g.dispose();
          done[0]++;
          SwingUtilities.invokeLater(next[0]);
        };
    SwingUtilities.invokeLater(next[0]);
  }

  /** Paints {@code tab} on screen now, and three times more off screen. */
  static void paintNow(JComponent tab) {
    tab.validate();
    tab.paintImmediately(0, 0, tab.getWidth(), tab.getHeight());
    if (tab.getWidth() > 0 && tab.getHeight() > 0) {
      BufferedImage scratch =
          new BufferedImage(tab.getWidth(), tab.getHeight(), BufferedImage.TYPE_INT_RGB);
      for (int i = 0; i < 3; i++) {
        Graphics2D g = scratch.createGraphics();
        tab.printAll(g);
        g.dispose();
      }
    }
  }
}
