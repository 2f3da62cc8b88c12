package org.cnnexplainer.viz.training;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JPanel;
import javax.swing.ToolTipManager;

/**
 * A confusion matrix as a heat-map with counts (rows: true class, columns: predicted class). Hover
 * shows a cell's figures; a click, or Enter on the cell chosen with the arrow keys, reports the
 * cell to the {@link CellListener}s (to list its images). Call on the event thread.
 */
public final class ConfusionMatrixView extends JPanel {
  /** Told when the user chooses a cell. */
  @FunctionalInterface
  public interface CellListener {
    /**
     * The user chose the images of class {@code actual} predicted as {@code predicted}; called on
     * the event thread.
     *
     * @param actual the true class, 0-based (a row of the matrix)
     * @param predicted the predicted class, 0-based (a column of the matrix)
     */
    void cellChosen(int actual, int predicted);
  }

  private final List<CellListener> listeners = new CopyOnWriteArrayList<>();
  private List<String> labels = List.of();
  private int[][] counts = new int[0][0];
  private ConfusionPainter.Layout layout = new ConfusionPainter.Layout(new Rectangle2D[0][0]);
  private int hoverRow = -1;
  private int hoverCol = -1;
  private int focusRow = -1;
  private int focusCol = -1;

  /** An empty matrix ("No evaluation yet"). */
  public ConfusionMatrixView() {
    setFocusable(true);
    setOpaque(true);
    ToolTipManager.sharedInstance().registerComponent(this);
    getAccessibleContext().setAccessibleName("Confusion matrix");
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            int[] cell = cellAt(e.getPoint()).orElse(new int[] {-1, -1});
            if (cell[0] != hoverRow || cell[1] != hoverCol) {
              hoverRow = cell[0];
              hoverCol = cell[1];
              repaint();
            }
          }

          @Override
          public void mouseExited(MouseEvent e) {
            hoverRow = -1;
            hoverCol = -1;
            repaint();
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            requestFocusInWindow();
            cellAt(e.getPoint()).ifPresent(c -> choose(c[0], c[1]));
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
    addKeyListener(
        new KeyAdapter() {
          @Override
          public void keyPressed(KeyEvent e) {
            keyPressedOn(e);
          }
        });
  }

  /**
   * Shows {@code confusion[actual][predicted]} counts for classes named {@code labels} (copied).
   *
   * @param labels the class names, one per row and column
   * @param confusion the image counts, {@code confusion[actual][predicted]}, square with one row
   *     per label (copied)
   * @throws IllegalArgumentException if the matrix is not square with one row per label
   */
  public void setMatrix(List<String> labels, int[][] confusion) {
    if (confusion.length != labels.size()) {
      throw new IllegalArgumentException(
          labels.size() + " labels but " + confusion.length + " rows in the matrix");
    }
    int[][] copy = new int[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      if (confusion[i].length != labels.size()) {
        throw new IllegalArgumentException(
            "row " + i + " has " + confusion[i].length + " columns, expected " + labels.size());
      }
      copy[i] = confusion[i].clone();
    }
    this.labels = List.copyOf(labels);
    this.counts = copy;
    focusRow = focusCol = hoverRow = hoverCol = -1;
    repaint();
  }

  /**
   * Adds a listener for chosen cells.
   *
   * @param listener told of every chosen cell
   */
  public void addCellListener(CellListener listener) {
    listeners.add(listener);
  }

  /**
   * Removes a listener; no effect if it was not added.
   *
   * @param listener the listener
   */
  public void removeCellListener(CellListener listener) {
    listeners.remove(listener);
  }

  /**
   * The cell under {@code p}, as painted last.
   *
   * @param p a point in this component's coordinates
   * @return {@code {actual, predicted}} (0-based classes) of the cell there, or empty when no cell
   *     is there
   */
  public Optional<int[]> cellAt(Point p) {
    Rectangle2D[][] cells = layout.cells();
    for (int r = 0; r < cells.length; r++) {
      for (int c = 0; c < cells.length; c++) {
        if (cells[r][c].contains(p)) {
          return Optional.of(new int[] {r, c});
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Where the cell {@code (actual, predicted)} was painted last.
   *
   * @param actual the true class, 0-based
   * @param predicted the predicted class, 0-based
   * @return the cell's bounds in this component's coordinates (a copy), or empty when it was not
   *     painted (before the first paint, or classes out of range)
   */
  public Optional<Rectangle2D> cellBounds(int actual, int predicted) {
    Rectangle2D[][] cells = layout.cells();
    if (actual < 0 || predicted < 0 || actual >= cells.length || predicted >= cells.length) {
      return Optional.empty();
    }
    return Optional.of((Rectangle2D) cells[actual][predicted].clone());
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    return cellAt(e.getPoint()).map(c -> describe(c[0], c[1])).orElse(null);
  }

  /**
   * A sentence about one cell.
   *
   * @param actual the true class, 0-based
   * @param predicted the predicted class, 0-based
   * @return e.g. "12 Shirt images predicted as T-shirt (6.0 % of Shirt)"
   * @throws ArrayIndexOutOfBoundsException if a class is out of range
   */
  public String describe(int actual, int predicted) {
    long total = 0;
    for (int v : counts[actual]) {
      total += v;
    }
    int count = counts[actual][predicted];
    String share =
        total == 0
            ? ""
            : String.format(
                Locale.ROOT, " (%.1f %% of %s)", 100.0 * count / total, labels.get(actual));
    return actual == predicted
        ? count + " " + labels.get(actual) + " images recognised" + share
        : count
            + " "
            + labels.get(actual)
            + " images predicted as "
            + labels.get(predicted)
            + share
            + (count > 0 ? " — click to see them" : "");
  }

  private void choose(int actual, int predicted) {
    focusRow = actual;
    focusCol = predicted;
    repaint();
    getAccessibleContext()
        .firePropertyChange(
            javax.accessibility.AccessibleContext.ACCESSIBLE_VISIBLE_DATA_PROPERTY, null, null);
    for (CellListener l : listeners) {
      l.cellChosen(actual, predicted);
    }
  }

  private void keyPressedOn(KeyEvent e) {
    int n = labels.size();
    if (n == 0) {
      return;
    }
    int r = Math.max(0, focusRow);
    int c = Math.max(0, focusCol);
    switch (e.getKeyCode()) {
      case KeyEvent.VK_UP -> r = Math.max(0, r - 1);
      case KeyEvent.VK_DOWN -> r = Math.min(n - 1, r + 1);
      case KeyEvent.VK_LEFT -> c = Math.max(0, c - 1);
      case KeyEvent.VK_RIGHT -> c = Math.min(n - 1, c + 1);
      case KeyEvent.VK_ENTER, KeyEvent.VK_SPACE -> {
        choose(r, c);
        e.consume();
        return;
      }
      default -> {
        return;
      }
    }
    e.consume();
    focusRow = r;
    focusCol = c;
    setToolTipText(null);
    getAccessibleContext().setAccessibleDescription(describe(r, c));
    repaint();
  }

  @Override
  protected void paintComponent(Graphics g) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      layout =
          ConfusionPainter.paint(
              g2,
              new ConfusionPainter.Snapshot(labels, counts, hoverRow, hoverCol, focusRow, focusCol),
              TrainingStyle.fromUIManager(),
              getWidth(),
              getHeight());
    } finally {
      g2.dispose();
    }
  }

  /**
   * Paints the matrix into a new image of {@code width x height} (no window needed).
   *
   * @param width the image's width, in pixels, 1 or more
   * @param height the image's height, in pixels, 1 or more
   * @return a new RGB image of the matrix as this component would show it at that size
   */
  public BufferedImage toImage(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      layout =
          ConfusionPainter.paint(
              g,
              new ConfusionPainter.Snapshot(labels, counts, -1, -1, -1, -1),
              TrainingStyle.fromUIManager(),
              width,
              height);
    } finally {
      g.dispose();
    }
    return image;
  }

  @Override
  public Dimension getPreferredSize() {
    if (isPreferredSizeSet()) {
      return super.getPreferredSize();
    }
    int n = Math.max(2, labels.size());
    return new Dimension(180 + n * 44, 200 + n * 44);
  }
}
