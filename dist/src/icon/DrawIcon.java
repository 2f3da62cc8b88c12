import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (256x256 PNG): a feature map in the explainer's red-blue colours, the
 * sliding window on it, the lines to the one output neuron it gives, and the class scores with the
 * predicted class in orange. Run from the repository root: {@code java dist/src/icon/DrawIcon.java
 * dist/src/icon/cnn-explainer.png}.
 */
public final class DrawIcon {
  private static final int SIZE = 256;

  /** ColorBrewer RdBu (7 classes), red to blue, as the classic palette of the views. */
  private static final Color[] RD_BU = {
    new Color(0xb2182b), new Color(0xef8a62), new Color(0xfddbc7), new Color(0xf7f7f7),
    new Color(0xd1e5f0), new Color(0x67a9cf), new Color(0x2166ac)
  };

  /** Colour classes of the input map, row by row: an edge running from top left to bottom right. */
  private static final int[][] INPUT = {
    {0, 1, 3, 5, 6}, {1, 0, 2, 4, 5}, {3, 1, 0, 2, 5}, {5, 3, 1, 0, 2}, {6, 5, 2, 1, 0}
  };

  /** Colour classes of the output map (3x3); the top-left cell is the neuron being explained. */
  private static final int[][] OUTPUT = {{0, 2, 5}, {2, 0, 3}, {6, 3, 1}};

  public static void main(String[] args) throws Exception {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

    g.setPaint(new GradientPaint(0, 16, new Color(0x2b4170), 0, 240, new Color(0x151d33)));
    g.fill(new RoundRectangle2D.Double(12, 12, 232, 232, 52, 52));

    // Input map 5x5 at the left, the window on its top-left 3x3 cells.
    double cell = 25;
    double gap = 3;
    double x0 = 30;
    double y0 = 58;
    grid(g, INPUT, x0, y0, cell, gap);
    double window = 3 * cell + 2 * gap;
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(5f));
    g.draw(new RoundRectangle2D.Double(x0 - 4, y0 - 4, window + 8, window + 8, 10, 10));

    // Output map 3x3 at the right; lines from the window's right corners to its first cell.
    double small = 19;
    double ox = 176;
    double oy = 70;
    grid(g, OUTPUT, ox, oy, small, gap);
    g.setStroke(new BasicStroke(2.5f));
    g.setColor(new Color(255, 255, 255, 200));
    g.draw(new Line2D.Double(x0 + window + 4, y0 - 4, ox - 3, oy - 3));
    g.draw(new Line2D.Double(x0 + window + 4, y0 + window + 4, ox - 3, oy + small + 3));
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(4f));
    g.draw(new RoundRectangle2D.Double(ox - 3, oy - 3, small + 6, small + 6, 8, 8));

    // Class scores under the output map: the predicted class in orange.
    double[] scores = {0.25, 0.9, 0.4};
    for (int i = 0; i < scores.length; i++) {
      g.setColor(i == 1 ? new Color(0xf28e2b) : new Color(0x9fb3d9));
      double w = 63 * scores[i];
      g.fill(new RoundRectangle2D.Double(ox, 150 + i * 18, w, 11, 6, 6));
    }
    g.dispose();
    ImageIO.write(image, "png", new File(args[0]));
  }

  private static void grid(Graphics2D g, int[][] classes, double x0, double y0, double cell, double gap) {
    for (int r = 0; r < classes.length; r++) {
      for (int c = 0; c < classes[r].length; c++) {
        g.setColor(RD_BU[classes[r][c]]);
        g.fill(
            new RoundRectangle2D.Double(
                x0 + c * (cell + gap), y0 + r * (cell + gap), cell, cell, 5, 5));
      }
    }
  }
}
