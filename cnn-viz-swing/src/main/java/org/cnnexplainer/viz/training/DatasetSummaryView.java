package org.cnnexplainer.viz.training;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.swing.JPanel;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * A dataset at a glance: a headline (images, classes, sizes, skipped files), then one row per class
 * with its name, a bar for its number of images and a few thumbnails. Call on the event thread.
 */
public final class DatasetSummaryView extends JPanel implements Scrollable {
  private static final int PAD = 8;
  private static final int THUMB = 36;
  private DatasetSummary summary;

  /** An empty view ("No data chosen"). */
  public DatasetSummaryView() {
    setOpaque(true);
    getAccessibleContext().setAccessibleName("Dataset summary");
  }

  /**
   * Shows {@code summary} and repaints.
   *
   * @param summary the summary to show, or {@code null} for none ("No data chosen")
   */
  public void setSummary(DatasetSummary summary) {
    this.summary = summary;
    getAccessibleContext().setAccessibleDescription(headline());
    revalidate();
    repaint();
  }

  /** {@return the summary shown, or empty before one is set} */
  public Optional<DatasetSummary> summary() {
    return Optional.ofNullable(summary);
  }

  /**
   * {@return the first line, e.g. "1,200 images in 3 classes · 64×64 pixels · 2 files skipped"; "No
   * data chosen" without a summary}
   */
  public String headline() {
    if (summary == null) {
      return "No data chosen";
    }
    String text =
        String.format(
            Locale.ROOT,
            "%,d images in %d classes · %s",
            summary.total(),
            summary.classes().size(),
            summary.sizes());
    if (summary.skipped() > 0) {
      text +=
          " · " + summary.skipped() + (summary.skipped() == 1 ? " file" : " files") + " skipped";
    }
    return text;
  }

  private int rowHeight() {
    return THUMB + 6;
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      TrainingStyle style = TrainingStyle.fromUIManager();
      g.setColor(style.background());
      g.fillRect(0, 0, getWidth(), getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setFont(style.font());
      FontMetrics fm = g.getFontMetrics();
      g.setColor(summary == null ? style.muted() : style.foreground());
      int y = PAD + fm.getAscent();
      g.drawString(summary == null ? headline() : summary.source(), PAD, y);
      if (summary == null) {
        return;
      }
      y += fm.getHeight();
      g.setColor(style.muted());
      g.drawString(headline(), PAD, y);
      y += PAD;
      int nameWidth = 60;
      for (String c : summary.classes()) {
        nameWidth = Math.max(nameWidth, fm.stringWidth(c));
      }
      int max = summary.counts().stream().mapToInt(Integer::intValue).max().orElse(1);
      int barMax = 120;
      for (int i = 0; i < summary.classes().size(); i++) {
        int rowTop = y + i * rowHeight();
        int mid = rowTop + rowHeight() / 2;
        g.setColor(style.foreground());
        g.drawString(summary.classes().get(i), PAD, mid + (fm.getAscent() - fm.getDescent()) / 2);
        int barX = PAD + nameWidth + PAD;
        int count = summary.counts().get(i);
        double length = barMax * count / (double) Math.max(1, max);
        g.setColor(style.training());
        g.fill(new Rectangle2D.Double(barX, mid - 6, Math.max(1, length), 12));
        g.setColor(style.muted());
        String number = String.format(Locale.ROOT, "%,d", count);
        g.drawString(number, barX + barMax + 6, mid + (fm.getAscent() - fm.getDescent()) / 2);
        int tx = barX + barMax + 6 + fm.stringWidth("000,000") + PAD;
        for (BufferedImage thumb : summary.thumbnails().get(i)) {
          if (tx + THUMB > getWidth()) {
            break;
          }
          g.drawImage(thumb, tx, rowTop + 3, THUMB, THUMB, null);
          g.setColor(style.grid());
          g.drawRect(tx, rowTop + 3, THUMB, THUMB);
          tx += THUMB + 4;
        }
      }
    } finally {
      g.dispose();
    }
  }

  @Override
  public Dimension getPreferredSize() {
    if (isPreferredSizeSet()) {
      return super.getPreferredSize();
    }
    int rows = summary == null ? 0 : summary.classes().size();
    return new Dimension(560, 2 * PAD + 40 + rows * rowHeight());
  }

  @Override
  public Dimension getPreferredScrollableViewportSize() {
    return new Dimension(560, 260);
  }

  @Override
  public int getScrollableUnitIncrement(java.awt.Rectangle visible, int orientation, int dir) {
    return orientation == SwingConstants.VERTICAL ? rowHeight() : 16;
  }

  @Override
  public int getScrollableBlockIncrement(java.awt.Rectangle visible, int orientation, int dir) {
    return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
  }

  @Override
  public boolean getScrollableTracksViewportWidth() {
    return true;
  }

  @Override
  public boolean getScrollableTracksViewportHeight() {
    return false;
  }

  /** The class rows' names, for tests and screen readers. */
  List<String> rowNames() {
    return summary == null ? List.of() : summary.classes();
  }
}
