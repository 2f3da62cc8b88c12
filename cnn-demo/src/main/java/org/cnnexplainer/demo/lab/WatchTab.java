package org.cnnexplainer.demo.lab;

import java.awt.BorderLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.viz.overview.LiveOverview;
import org.cnnexplainer.viz.training.CurvePoint;
import org.cnnexplainer.viz.training.KernelFilmstrip;
import org.cnnexplainer.viz.training.TrainingCurves;

/**
 * The "Watch it learn" tab: loss and accuracy curves, the probe image's activations through the
 * current weights, and the filmstrip of the first layer's kernels. Each view draws its pictures on
 * a background thread, so feeding them new figures while training runs costs the event thread
 * little.
 */
final class WatchTab extends JSplitPane {
  final TrainingCurves curves = new TrainingCurves();
  final KernelFilmstrip filmstrip = new KernelFilmstrip();
  final LiveOverview probe = new LiveOverview();
  private final JLabel probeCaption = new JLabel(" ");

  /** How many sets of weights the probe has shown (for the test dump). */
  int weightsShown;

  WatchTab() {
    super(JSplitPane.HORIZONTAL_SPLIT);
    probe.getAccessibleContext().setAccessibleName("Probe image through the current weights");
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
    setLeftComponent(curves);
    setRightComponent(right);
    setResizeWeight(0.45);
    setBorder(null);
  }

  /** Empties the views for {@code run}, then shows its untrained network as the starting point. */
  void startRun(LabRun run) {
    curves.clear();
    curves.setPlannedEpochs(run.settings.epochs());
    filmstrip.clear();
    probeCaption.setText(
        "Probe: "
            + run.evaluationImageName(0)
            + " (true class: "
            + run.data.all().classLabels().get(run.evaluationSet().label(0))
            + ")");
    showProbe(run.initial.trace(run.probe));
    showFrame(run.initial, "start");
  }

  /** Adds the smoothed batch points and finished epochs that arrived. */
  void addCurves(List<CurvePoint> points, List<EpochResult> epochs) {
    curves.addBatchPoints(points);
    for (EpochResult e : epochs) {
      curves.addEpoch(e);
    }
  }

  /** The probe image's activations through the weights that produced {@code trace}. */
  void showProbe(ActivationTrace trace) {
    weightsShown++;
    probe.setTrace(trace);
  }

  /** A filmstrip column of {@code network}'s first-layer kernels, captioned {@code when}. */
  void showFrame(Network network, String when) {
    LabRun.firstConvolution(network).ifPresent(conv -> filmstrip.addFrame(when, conv.kernel()));
  }

  /** The curves of a saved model's record, in place of a run's. */
  void showRecord(String modelName, List<CurvePoint> batches, List<EpochResult> history) {
    curves.setPlannedEpochs(history.size());
    curves.setCurves(batches, history);
    filmstrip.clear();
    // A record keeps no probe: an earlier run's probe would look like this model's.
    probe.setTrace(null);
    probeCaption.setText(
        "Saved model: " + modelName + " (the probe and the kernels are shown while a run trains)");
  }
}
