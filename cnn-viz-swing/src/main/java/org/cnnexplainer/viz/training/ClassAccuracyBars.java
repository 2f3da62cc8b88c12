package org.cnnexplainer.viz.training;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.font.FontRenderContext;
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
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Accuracy per class as horizontal bars (0 to 100 %) with the overall accuracy as a dashed line,
 * axes, a legend and tooltips (drawn with JFreeChart, see {@link ChartCanvas}). Call on the event
 * thread.
 */
public final class ClassAccuracyBars extends JPanel {
  private static final String PER_CLASS = "accuracy of the class";

  /** What one picture shows; read on the drawing thread. */
  private record Content(
      List<String> labels, double[] perClass, double accuracy, TrainingStyle style) {}

  private final ChartCanvas<Content> canvas = new ChartCanvas<>(ClassAccuracyBars::chart);
  private Content content =
      new Content(List.of(), new double[0], Double.NaN, TrainingStyle.fromUIManager());

  /** Empty bars. */
  public ClassAccuracyBars() {
    super(new BorderLayout());
    add(canvas, BorderLayout.CENTER);
    setBackground(content.style().background());
    canvas.show(content);
    getAccessibleContext().setAccessibleName("Accuracy per class");
  }

  /**
   * Shows {@code perClass[c]} (fractions in [0, 1]; {@code NaN} for a class without images) and the
   * overall {@code accuracy}.
   *
   * @param labels the class names, one per bar (copied)
   * @param perClass the accuracy of each class, a fraction in [0, 1] or {@code NaN} for a class
   *     without images (copied)
   * @param accuracy the overall accuracy, a fraction in [0, 1]
   * @throws IllegalArgumentException if there are not as many accuracies as labels
   */
  public void setAccuracy(List<String> labels, double[] perClass, double accuracy) {
    if (perClass.length != labels.size()) {
      throw new IllegalArgumentException(
          labels.size() + " labels but " + perClass.length + " accuracies");
    }
    content = new Content(List.copyOf(labels), perClass.clone(), accuracy, content.style());
    canvas.show(content);
  }

  /** {@return how many classes are shown (0 before {@link #setAccuracy})} */
  public int classCount() {
    return content.labels().size();
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (canvas != null) {
      TrainingStyle style = TrainingStyle.fromUIManager();
      setBackground(style.background());
      content = new Content(content.labels(), content.perClass(), content.accuracy(), style);
      canvas.show(content);
    }
  }

  /** The chart of {@code c} (any thread). */
  private static JFreeChart chart(Content c) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<String> labels = c.labels();
    for (int i = 0; i < labels.size(); i++) {
      // Category keys must be unique; a class named like another gets its index added.
      String key = labels.indexOf(labels.get(i)) == i ? labels.get(i) : labels.get(i) + " #" + i;
      double value = c.perClass()[i];
      data.addValue(Double.isNaN(value) ? null : 100 * value, PER_CLASS, key);
    }
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
    CategoryPlot plot = new CategoryPlot(data, classes, percent, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    TextTitle note = new TextTitle("");
    note.setPosition(RectangleEdge.BOTTOM);
    TrainingStyle style = c.style();
    if (!Double.isNaN(c.accuracy())) {
      ValueMarker overall = new ValueMarker(100 * c.accuracy());
      overall.setStroke(
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {5, 4}, 0));
      overall.setPaint(style.foreground());
      plot.addRangeMarker(overall);
      note.setText(String.format(Locale.ROOT, "dashed line: overall %.1f %%", 100 * c.accuracy()));
    }
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(note);
    ChartStyling.apply(chart, style);
    // The "100" tick label is centred on the plot's right edge: room for its right half.
    double half =
        ChartStyling.tickFont(style)
                .getStringBounds("100", new FontRenderContext(null, true, true))
                .getWidth()
            / 2;
    RectangleInsets padding = chart.getPadding();
    chart.setPadding(
        new RectangleInsets(
            padding.getTop(),
            padding.getLeft(),
            padding.getBottom(),
            Math.max(padding.getRight(), Math.ceil(half) + 2)));
    plot.setBackgroundPaint(style.background());
    plot.setOutlinePaint(style.grid());
    plot.setRangeGridlinePaint(style.grid());
    ChartStyling.axis(classes, style);
    ChartStyling.axis(percent, style);
    renderer.setSeriesPaint(0, style.training());
    note.setPaint(style.muted());
    note.setFont(style.font());
    return chart;
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(360, 320);
  }
}
