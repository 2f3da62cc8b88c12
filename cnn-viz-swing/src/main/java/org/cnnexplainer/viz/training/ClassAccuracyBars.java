package org.cnnexplainer.viz.training;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import javax.swing.JPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Accuracy per class as horizontal bars (0 to 100 %) with the overall accuracy as a dashed line,
 * axes, a legend and tooltips (drawn with JFreeChart). Call on the event thread.
 */
public final class ClassAccuracyBars extends JPanel {
  private static final String PER_CLASS = "accuracy of the class";
  private final DefaultCategoryDataset data = new DefaultCategoryDataset();
  private final CategoryPlot plot;
  private final ValueMarker overall = new ValueMarker(0);
  private final TextTitle note = new TextTitle("");
  private final JFreeChart chart;
  private final ChartCanvas canvas;

  /** Empty bars. */
  public ClassAccuracyBars() {
    super(new BorderLayout());
    CategoryAxis classes = new CategoryAxis(null); // the class names say it
    classes.setCategoryMargin(0.25);
    classes.setMaximumCategoryLabelWidthRatio(0.5f);
    NumberAxis percent = new NumberAxis("accuracy (%)");
    percent.setRange(0, 100);
    percent.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0);
    renderer.setDefaultToolTipGenerator(
        new StandardCategoryToolTipGenerator("{1}: {0} {2} %", new DecimalFormat("0.0")));
    plot = new CategoryPlot(data, classes, percent, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    overall.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {5, 4}, 0));

    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    note.setPosition(RectangleEdge.BOTTOM);
    chart.addSubtitle(note);
    canvas = new ChartCanvas(chart);
    add(canvas, BorderLayout.CENTER);
    applyStyle();
    getAccessibleContext().setAccessibleName("Accuracy per class");
  }

  /**
   * Shows {@code perClass[c]} (fractions in [0, 1]; {@code NaN} for a class without images) and the
   * overall {@code accuracy}.
   */
  public void setAccuracy(List<String> labels, double[] perClass, double accuracy) {
    if (perClass.length != labels.size()) {
      throw new IllegalArgumentException(
          labels.size() + " labels but " + perClass.length + " accuracies");
    }
    data.clear();
    for (int c = 0; c < perClass.length; c++) {
      // Category keys must be unique; a class named like another gets its index added.
      String key = labels.indexOf(labels.get(c)) == c ? labels.get(c) : labels.get(c) + " #" + c;
      data.addValue(Double.isNaN(perClass[c]) ? null : 100 * perClass[c], PER_CLASS, key);
    }
    plot.clearRangeMarkers();
    if (!Double.isNaN(accuracy)) {
      overall.setValue(100 * accuracy);
      plot.addRangeMarker(overall);
      note.setText(String.format(Locale.ROOT, "dashed line: overall %.1f %%", 100 * accuracy));
    } else {
      note.setText("");
    }
  }

  /** How many classes are shown. */
  public int classCount() {
    return data.getColumnCount();
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
    plot.setBackgroundPaint(style.background());
    plot.setOutlinePaint(style.grid());
    plot.setRangeGridlinePaint(style.grid());
    ChartStyling.axis(plot.getDomainAxis(), style);
    ChartStyling.axis(plot.getRangeAxis(), style);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, style.training());
    overall.setPaint(style.foreground());
    note.setPaint(style.muted());
    note.setFont(style.font());
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(360, 320);
  }
}
