package org.cnnexplainer.viz.training;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.List;
import javax.swing.JPanel;
import org.cnnexplainer.core.train.EpochResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss and accuracy over training, one above the other on a shared epoch axis: the training curve
 * per batch (smoothed, see {@link BatchSmoother}), the training figures per epoch, and the
 * validation figures per epoch. Axes with ticks, a legend and tooltips on every point (drawn with
 * JFreeChart). Call every method on the event thread; each adds points and repaints once.
 */
public final class TrainingCurves extends JPanel {
  private static final int BATCH = 0;
  private static final int EPOCH = 1;
  private static final int VALIDATION = 2;

  /**
   * Per-batch points kept at most; beyond it every other point is dropped, so a long run keeps its
   * shape and each repaint stays a few milliseconds.
   */
  static final int MAX_BATCH_POINTS = 1200;

  private final XYSeries[] loss = series();
  private final XYSeries[] accuracy = series();
  private final NumberAxis epochAxis = new NumberAxis("epoch");
  private final XYPlot lossPlot;
  private final XYPlot accuracyPlot;
  private final JFreeChart chart;
  private final ChartCanvas canvas;
  private int plannedEpochs = 1;

  /** An empty chart. */
  public TrainingCurves() {
    super(new BorderLayout());
    NumberAxis lossAxis = new NumberAxis("loss");
    lossAxis.setAutoRangeIncludesZero(true);
    lossPlot = plot(loss, lossAxis, "{0}: epoch {1}, loss {2}", new DecimalFormat("0.0000"));
    NumberAxis accuracyAxis = new NumberAxis("accuracy (%)");
    accuracyAxis.setRange(0, 100);
    accuracyAxis.setTickUnit(new NumberTickUnit(20));
    accuracyPlot =
        plot(accuracy, accuracyAxis, "{0}: epoch {1}, accuracy {2} %", new DecimalFormat("0.0"));
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochAxis);
    combined.setGap(12);
    combined.add(lossPlot, 1);
    combined.add(accuracyPlot, 1);
    // One legend entry per series, not one per series and plot.
    combined.setFixedLegendItems(lossPlot.getLegendItems());
    epochAxis.setRange(0, 1);
    epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
    canvas = new ChartCanvas(chart);
    add(canvas, BorderLayout.CENTER);
    applyStyle();
    getAccessibleContext().setAccessibleName("Training curves");
  }

  private static XYSeries[] series() {
    return new XYSeries[] {
      new XYSeries("training (per batch, smoothed)", false, true),
      new XYSeries("training (per epoch)", false, true),
      new XYSeries("validation (per epoch)", false, true)
    };
  }

  private static XYPlot plot(
      XYSeries[] series, NumberAxis axis, String tooltip, DecimalFormat values) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (XYSeries s : series) {
      data.addSeries(s);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    // One path per series instead of a line per segment: several times faster for long curves.
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setSeriesShapesVisible(BATCH, false);
    renderer.setSeriesLinesVisible(EPOCH, false);
    renderer.setSeriesShape(EPOCH, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
    renderer.setSeriesShape(VALIDATION, new Ellipse2D.Double(-4, -4, 8, 8));
    renderer.setSeriesStroke(BATCH, new BasicStroke(1.2f));
    renderer.setSeriesStroke(VALIDATION, new BasicStroke(2f));
    // Tooltips on the epoch points; the per-batch line has hundreds of points, and a tooltip
    // entity for each would cost more than drawing the line.
    StandardXYToolTipGenerator tips =
        new StandardXYToolTipGenerator(tooltip, new DecimalFormat("0.00"), values);
    renderer.setDefaultCreateEntities(false);
    for (int index : new int[] {EPOCH, VALIDATION}) {
      renderer.setSeriesToolTipGenerator(index, tips);
      renderer.setSeriesCreateEntities(index, true);
    }
    return new XYPlot(data, null, axis, renderer);
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (chart != null) {
      applyStyle();
    }
  }

  private void applyStyle() {
    TrainingStyle style = TrainingStyle.fromUIManager();
    setBackground(style.background());
    ChartStyling.apply(chart, style);
    for (XYPlot plot : List.of(lossPlot, accuracyPlot)) {
      ChartStyling.apply(plot, style);
      XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
      r.setSeriesPaint(BATCH, TrainingStyle.mix(style.background(), style.training(), 0.55));
      r.setSeriesPaint(EPOCH, style.training());
      r.setSeriesPaint(VALIDATION, style.validation());
    }
    ChartStyling.axis(epochAxis, style);
    ((CombinedDomainXYPlot) chart.getPlot()).setFixedLegendItems(lossPlot.getLegendItems());
  }

  /** Sets the epoch axis to {@code 0 .. epochs}, so the curves grow into a fixed frame. */
  public void setPlannedEpochs(int epochs) {
    plannedEpochs = Math.max(1, epochs);
    epochAxis.setRange(0, Math.max(plannedEpochs, lastEpoch()));
  }

  /** Adds per-batch points (in epoch order, after those already shown). */
  public void addBatchPoints(List<CurvePoint> points) {
    if (points.isEmpty()) {
      return;
    }
    for (CurvePoint p : points) {
      loss[BATCH].add(p.epoch(), p.loss(), false);
      accuracy[BATCH].add(p.epoch(), 100 * p.accuracy(), false);
    }
    if (loss[BATCH].getItemCount() > MAX_BATCH_POINTS) {
      thin(loss[BATCH]);
      thin(accuracy[BATCH]);
    }
    changed(BATCH);
  }

  /** Keeps every other point (and always the last). */
  private static void thin(XYSeries series) {
    int n = series.getItemCount();
    List<double[]> kept = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0 || i == n - 1) {
        kept.add(new double[] {series.getX(i).doubleValue(), series.getY(i).doubleValue()});
      }
    }
    series.clear();
    for (double[] xy : kept) {
      series.add(xy[0], xy[1], false);
    }
  }

  /** Adds one finished epoch's training and validation figures. */
  public void addEpoch(EpochResult epoch) {
    addEpochQuietly(epoch);
    changed(EPOCH);
    changed(VALIDATION);
  }

  /** Replaces everything shown by a finished run's curves (e.g. read from a training record). */
  public void setCurves(List<CurvePoint> batches, List<EpochResult> epochs) {
    for (XYSeries s : List.of(loss[BATCH], accuracy[BATCH])) {
      s.clear();
    }
    clearEpochs();
    for (CurvePoint p : batches) {
      loss[BATCH].add(p.epoch(), p.loss(), false);
      accuracy[BATCH].add(p.epoch(), 100 * p.accuracy(), false);
    }
    while (loss[BATCH].getItemCount() > MAX_BATCH_POINTS) {
      thin(loss[BATCH]);
      thin(accuracy[BATCH]);
    }
    for (EpochResult e : epochs) {
      addEpochQuietly(e);
    }
    changed(BATCH);
    changed(EPOCH);
    changed(VALIDATION);
  }

  /** Removes every point. */
  public void clear() {
    setCurves(List.of(), List.of());
  }

  /** How many per-batch points are shown (at most {@value #MAX_BATCH_POINTS}). */
  public int batchPointCount() {
    return loss[BATCH].getItemCount();
  }

  /** How many epochs are shown. */
  public int epochCount() {
    return loss[EPOCH].getItemCount();
  }

  private void clearEpochs() {
    for (XYSeries[] both : List.of(loss, accuracy)) {
      both[EPOCH].clear();
      both[VALIDATION].clear();
    }
  }

  private void addEpochQuietly(EpochResult e) {
    loss[EPOCH].add(e.epoch(), e.trainingLoss(), false);
    accuracy[EPOCH].add(e.epoch(), 100 * e.trainingAccuracy(), false);
    if (!Double.isNaN(e.validationLoss())) {
      loss[VALIDATION].add(e.epoch(), e.validationLoss(), false);
      accuracy[VALIDATION].add(e.epoch(), 100 * e.validationAccuracy(), false);
    }
  }

  private void changed(int which) {
    loss[which].fireSeriesChanged();
    accuracy[which].fireSeriesChanged();
    epochAxis.setRange(0, Math.max(plannedEpochs, Math.ceil(lastEpoch())));
  }

  private double lastEpoch() {
    double last = 0;
    for (XYSeries s : List.of(loss[BATCH], loss[EPOCH])) {
      if (s.getItemCount() > 0) {
        last = Math.max(last, s.getMaxX());
      }
    }
    return last;
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(520, 360);
  }
}
