package org.cnnexplainer.viz.training;

import java.awt.BasicStroke;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/** Gives JFreeChart charts the look and feel's colours and font ({@link TrainingStyle}). */
final class ChartStyling {
  private ChartStyling() {}

  static void apply(JFreeChart chart, TrainingStyle style) {
    chart.setBackgroundPaint(style.background());
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setBackgroundPaint(style.background());
      legend.setItemPaint(style.foreground());
      legend.setItemFont(style.font());
      legend.setFrame(new org.jfree.chart.block.BlockBorder(style.background()));
    }
    if (chart.getTitle() != null) {
      chart.getTitle().setPaint(style.foreground());
      chart.getTitle().setFont(style.font().deriveFont(Font.BOLD, style.font().getSize2D() + 1));
    }
  }

  static void apply(XYPlot plot, TrainingStyle style) {
    plot.setBackgroundPaint(style.background());
    plot.setOutlinePaint(style.grid());
    plot.setDomainGridlinePaint(style.grid());
    plot.setRangeGridlinePaint(style.grid());
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    for (int i = 0; i < plot.getRangeAxisCount(); i++) {
      axis(plot.getRangeAxis(i), style);
    }
    for (int i = 0; i < plot.getDomainAxisCount(); i++) {
      axis(plot.getDomainAxis(i), style);
    }
  }

  static void axis(Axis axis, TrainingStyle style) {
    if (axis == null) {
      return;
    }
    axis.setLabelPaint(style.foreground());
    axis.setTickLabelPaint(style.muted());
    axis.setAxisLinePaint(style.muted());
    axis.setTickMarkPaint(style.muted());
    axis.setLabelFont(style.font());
    axis.setTickLabelFont(tickFont(style));
  }

  /** The font of tick labels: one point smaller than the rest. */
  static Font tickFont(TrainingStyle style) {
    return style.font().deriveFont(style.font().getSize2D() - 1);
  }
}
