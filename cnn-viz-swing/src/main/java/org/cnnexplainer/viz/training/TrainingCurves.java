package org.cnnexplainer.viz.training;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import org.cnnexplainer.core.train.EpochResult;
import org.cnnexplainer.viz.paint.VizStyle;
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
 * validation figures per epoch. Axes with ticks, a legend and tooltips on every epoch point (drawn
 * with JFreeChart, on a background thread: see {@link ChartCanvas}). Call every method on the event
 * thread; each adds points and asks for one new picture.
 */
public final class TrainingCurves extends JPanel {
  private static final int BATCH = 0;
  private static final int EPOCH = 1;
  private static final int VALIDATION = 2;

  /**
   * Per-batch points kept at most; beyond it every other point is dropped, so a long run keeps its
   * shape and each drawing stays a few milliseconds.
   */
  static final int MAX_BATCH_POINTS = 1200;

  /** What one picture shows; read on the drawing thread. */
  private record Content(
      List<CurvePoint> batches, List<EpochResult> epochs, double lastEpoch, TrainingStyle style) {}

  private final List<CurvePoint> batches = new ArrayList<>();
  private final List<EpochResult> epochs = new ArrayList<>();
  private final ChartCanvas<Content> canvas = new ChartCanvas<>(TrainingCurves::chart);
  private TrainingStyle style = TrainingStyle.fromUIManager();
  private int plannedEpochs = 1;

  /** An empty chart. */
  public TrainingCurves() {
    super(new BorderLayout());
    add(canvas, BorderLayout.CENTER);
    setBackground(style.background());
    getAccessibleContext().setAccessibleName("Training curves");
    changed();
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (canvas != null) {
      style = TrainingStyle.fromUIManager();
      setBackground(style.background());
      changed();
    }
  }

  /**
   * Sets the epoch axis to {@code 0 .. epochs}, so the curves grow into a fixed frame.
   *
   * @param epochs the epochs the run will train; values below 1 count as 1
   */
  public void setPlannedEpochs(int epochs) {
    plannedEpochs = Math.max(1, epochs);
    changed();
  }

  /**
   * Adds per-batch points (in epoch order, after those already shown); beyond {@value
   * #MAX_BATCH_POINTS} points every other one is dropped.
   *
   * @param points the points, e.g. from a {@link BatchSmoother}; empty changes nothing
   */
  public void addBatchPoints(List<CurvePoint> points) {
    if (points.isEmpty()) {
      return;
    }
    batches.addAll(points);
    if (batches.size() > MAX_BATCH_POINTS) {
      thin(batches);
    }
    changed();
  }

  /** Keeps every other point (and always the last). */
  private static void thin(List<CurvePoint> points) {
    List<CurvePoint> kept = new ArrayList<>();
    int n = points.size();
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0 || i == n - 1) {
        kept.add(points.get(i));
      }
    }
    points.clear();
    points.addAll(kept);
  }

  /**
   * Adds one finished epoch's training and validation figures.
   *
   * @param epoch the epoch's result; validation figures that are {@code NaN} (no validation set)
   *     are not drawn
   */
  public void addEpoch(EpochResult epoch) {
    epochs.add(epoch);
    changed();
  }

  /**
   * Replaces everything shown by a finished run's curves (e.g. read from a training record).
   *
   * @param batchPoints the per-batch points, in epoch order
   * @param epochPoints the epochs' results, in order
   */
  public void setCurves(List<CurvePoint> batchPoints, List<EpochResult> epochPoints) {
    batches.clear();
    batches.addAll(batchPoints);
    while (batches.size() > MAX_BATCH_POINTS) {
      thin(batches);
    }
    epochs.clear();
    epochs.addAll(epochPoints);
    changed();
  }

  /** Removes every point. */
  public void clear() {
    setCurves(List.of(), List.of());
  }

  /** {@return how many per-batch points are shown (at most {@value #MAX_BATCH_POINTS})} */
  public int batchPointCount() {
    return batches.size();
  }

  /** {@return how many epochs are shown} */
  public int epochCount() {
    return epochs.size();
  }

  private void changed() {
    double last = 0;
    if (!batches.isEmpty()) {
      last = batches.get(batches.size() - 1).epoch();
    }
    for (EpochResult e : epochs) {
      last = Math.max(last, e.epoch());
    }
    canvas.show(
        new Content(
            List.copyOf(batches),
            List.copyOf(epochs),
            Math.max(plannedEpochs, Math.ceil(last)),
            style));
  }

  /** The chart of {@code c}: two plots on one epoch axis (any thread). */
  private static JFreeChart chart(Content c) {
    XYSeries[] loss = series();
    XYSeries[] accuracy = series();
    for (CurvePoint p : c.batches()) {
      loss[BATCH].add(p.epoch(), p.loss(), false);
      accuracy[BATCH].add(p.epoch(), 100 * p.accuracy(), false);
    }
    for (EpochResult e : c.epochs()) {
      loss[EPOCH].add(e.epoch(), e.trainingLoss(), false);
      accuracy[EPOCH].add(e.epoch(), 100 * e.trainingAccuracy(), false);
      if (!Double.isNaN(e.validationLoss())) {
        loss[VALIDATION].add(e.epoch(), e.validationLoss(), false);
        accuracy[VALIDATION].add(e.epoch(), 100 * e.validationAccuracy(), false);
      }
    }
    TrainingStyle style = c.style();
    NumberAxis lossAxis = new NumberAxis("loss");
    lossAxis.setAutoRangeIncludesZero(true);
    XYPlot lossPlot =
        plot(loss, lossAxis, "{0}: epoch {1}, loss {2}", new DecimalFormat("0.0000"), style);
    NumberAxis accuracyAxis = new NumberAxis("accuracy (%)");
    accuracyAxis.setRange(0, 100);
    accuracyAxis.setTickUnit(new NumberTickUnit(20));
    XYPlot accuracyPlot =
        plot(
            accuracy,
            accuracyAxis,
            "{0}: epoch {1}, accuracy {2} %",
            new DecimalFormat("0.0"),
            style);
    NumberAxis epochAxis = new NumberAxis("epoch");
    epochAxis.setRange(0, c.lastEpoch());
    epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ChartStyling.axis(epochAxis, style);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochAxis);
    combined.setGap(12);
    combined.add(lossPlot, 1);
    combined.add(accuracyPlot, 1);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
    ChartStyling.apply(chart, style);
    // One legend entry per series, not one per series and plot.
    combined.setFixedLegendItems(lossPlot.getLegendItems());
    return chart;
  }

  private static XYSeries[] series() {
    return new XYSeries[] {
      new XYSeries("training (per batch, smoothed)", false, true),
      new XYSeries("training (per epoch)", false, true),
      new XYSeries("validation (per epoch)", false, true)
    };
  }

  private static XYPlot plot(
      XYSeries[] series,
      NumberAxis axis,
      String tooltip,
      DecimalFormat values,
      TrainingStyle style) {
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
    renderer.setSeriesPaint(BATCH, VizStyle.mix(style.background(), style.training(), 0.55));
    renderer.setSeriesPaint(EPOCH, style.training());
    renderer.setSeriesPaint(VALIDATION, style.validation());
    // Tooltips on the epoch points; the per-batch line has hundreds of points, and a tooltip
    // entity for each would cost more than drawing the line.
    StandardXYToolTipGenerator tips =
        new StandardXYToolTipGenerator(tooltip, new DecimalFormat("0.00"), values);
    renderer.setDefaultCreateEntities(false);
    for (int index : new int[] {EPOCH, VALIDATION}) {
      renderer.setSeriesToolTipGenerator(index, tips);
      renderer.setSeriesCreateEntities(index, true);
    }
    XYPlot plot = new XYPlot(data, null, axis, renderer);
    ChartStyling.apply(plot, style);
    return plot;
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(520, 360);
  }
}
