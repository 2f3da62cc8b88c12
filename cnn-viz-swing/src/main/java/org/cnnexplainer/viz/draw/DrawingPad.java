package org.cnnexplainer.viz.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Objects;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import javax.swing.UIManager;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.viz.VizKeys;

/**
 * A pad to draw a network's input by hand, for networks with small grayscale inputs such as
 * Fashion-MNIST's 28x28: light ink on a black ground, as in that data set. The drawing is kept at
 * {@link #scale()} times the input's resolution and converted to the input exactly as an image file
 * of that size would be ({@link ImageInput#fromImage}: area averaging, values / 255).
 *
 * <p>After every change (each pointer movement while drawing, {@link #clear()}) the pad fires a
 * property change {@link #INPUT_PROPERTY} whose new value is the {@link #input()} tensor, on the
 * event thread; a listener typically hands it to {@code ExplainerState.setInput}, which traces it
 * in the background and drops stale results, so classification follows the pen.
 *
 * <p>UI keys: {@code CnnViz.mutedForeground} for the frame and the brush outline.
 */
public final class DrawingPad extends JComponent {
  /** The property fired with the new input tensor after each change. */
  public static final String INPUT_PROPERTY = "input";

  /** What a stroke does. */
  public enum Tool {
    /** Adds white ink. */
    PEN,
    /** Paints black, the background. */
    ERASER
  }

  /** The largest input side {@link #suits} accepts: drawing by hand suits small inputs. */
  public static final int MAX_SUITED_SIDE = 64;

  /** Default pen width, in input pixels. */
  public static final float DEFAULT_THICKNESS = 2.5f;

  private static final int TARGET_SIDE = 280;

  private final Shape inputShape;
  private final int scale;
  private final BufferedImage canvas;
  private Tool tool = Tool.PEN;
  private float thickness = DEFAULT_THICKNESS;
  private Point2D last; // the stroke's last point in canvas pixels, or null between strokes
  private Point2D pointer; // for the brush outline; null when outside
  private Tensor input;

  /**
   * A blank pad for inputs of {@code inputShape}.
   *
   * @param inputShape the network's input shape, {@code (channels, height, width)} with 1 or 3
   *     channels
   * @throws IllegalArgumentException unless {@code inputShape} is an image of 1 or 3 channels
   */
  public DrawingPad(Shape inputShape) {
    this.inputShape = Objects.requireNonNull(inputShape, "inputShape");
    if (!inputShape.isImage() || (inputShape.channels() != 1 && inputShape.channels() != 3)) {
      throw new IllegalArgumentException(
          "a drawing pad needs a (1 or 3, height, width) input, got " + inputShape);
    }
    int side = Math.max(inputShape.height(), inputShape.width());
    this.scale = Math.max(1, TARGET_SIDE / side);
    this.canvas =
        new BufferedImage(
            inputShape.width() * scale, inputShape.height() * scale, BufferedImage.TYPE_BYTE_GRAY);
    this.input = ImageInput.fromImage(canvas, inputShape);
    setOpaque(true);
    setCursor(Cursor.getPredefinedCursor(Cursor.CROSSHAIR_CURSOR));
    setToolTipText(null);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            if (isEnabled()) {
              last = toCanvas(e.getX(), e.getY());
              strokeTo(last);
            }
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            pointer = new Point2D.Double(e.getX(), e.getY());
            if (isEnabled() && last != null) {
              strokeTo(toCanvas(e.getX(), e.getY()));
            } else {
              repaint();
            }
          }

          @Override
          public void mouseReleased(MouseEvent e) {
            last = null;
          }

          @Override
          public void mouseMoved(MouseEvent e) {
            pointer = new Point2D.Double(e.getX(), e.getY());
            repaint();
          }

          @Override
          public void mouseExited(MouseEvent e) {
            pointer = null;
            repaint();
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  /**
   * Whether inputs of {@code input} are the kind one draws by hand: one channel, at most {@link
   * #MAX_SUITED_SIDE} pixels a side (the Fashion-MNIST model's 28x28). The pad itself takes any 1-
   * or 3-channel image shape.
   *
   * @param input a network's input shape
   * @return true for one-channel images at most {@value #MAX_SUITED_SIDE} pixels a side
   */
  public static boolean suits(Shape input) {
    return input != null
        && input.isImage()
        && input.channels() == 1
        && input.height() <= MAX_SUITED_SIDE
        && input.width() <= MAX_SUITED_SIDE;
  }

  /** {@return the input shape the pad draws for} */
  public Shape inputShape() {
    return inputShape;
  }

  /** {@return how many canvas pixels one input pixel spans along each axis, 1 or more} */
  public int scale() {
    return scale;
  }

  /**
   * {@return the drawing as the network's input: {@code ImageInput.fromImage(drawing(),
   * inputShape())}, values in [0, 1], white ink 1}
   */
  public Tensor input() {
    return input;
  }

  /** {@return a copy of the drawing at canvas resolution (8-bit gray, white ink on black)} */
  public BufferedImage drawing() {
    BufferedImage copy =
        new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    copy.setData(canvas.getData());
    return copy;
  }

  /** {@return the tool strokes draw with ({@link Tool#PEN} at first)} */
  public Tool tool() {
    return tool;
  }

  /**
   * Chooses the tool later strokes draw with.
   *
   * @param tool the pen or the eraser
   */
  public void setTool(Tool tool) {
    this.tool = Objects.requireNonNull(tool, "tool");
    repaint();
  }

  /** {@return the pen's (and eraser's) width, in input pixels} */
  public float thickness() {
    return thickness;
  }

  /**
   * Sets the pen's width in input pixels.
   *
   * @param thickness the width, in input pixels, from 0.5 to the input's smaller side
   * @throws IllegalArgumentException unless {@code 0.5 <= thickness <= inputs's smaller side}
   */
  public void setThickness(float thickness) {
    float max = Math.min(inputShape.height(), inputShape.width());
    if (!(thickness >= 0.5f && thickness <= max)) {
      throw new IllegalArgumentException(
          "thickness must be between 0.5 and " + max + " input pixels, got " + thickness);
    }
    this.thickness = thickness;
    repaint();
  }

  /** Erases everything. */
  public void clear() {
    Graphics2D g = canvas.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.dispose();
    changed();
  }

  /**
   * Draws a stroke from {@code from} to {@code to}, both in input pixels ({@code (0, 0)} the top
   * left corner of the input, {@code (width, height)} the bottom right), with the current tool and
   * thickness: what dragging the pointer does, for keyboard-free scripting and tests.
   *
   * @param from where the stroke starts, in input pixels
   * @param to where it ends, in input pixels
   */
  public void stroke(Point2D from, Point2D to) {
    last = new Point2D.Double(from.getX() * scale, from.getY() * scale);
    strokeTo(new Point2D.Double(to.getX() * scale, to.getY() * scale));
    last = null;
  }

  private void strokeTo(Point2D to) {
    Graphics2D g = canvas.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(tool == Tool.PEN ? Color.WHITE : Color.BLACK);
    g.setStroke(new BasicStroke(thickness * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(last, to));
    g.dispose();
    last = to;
    changed();
  }

  private void changed() {
    Tensor old = input;
    input = ImageInput.fromImage(canvas, inputShape);
    repaint();
    firePropertyChange(INPUT_PROPERTY, old, input);
  }

  /** Where the drawing is shown: the largest centred square-pixel area inside the component. */
  private Rectangle2D drawingArea() {
    double zoom =
        Math.min(
            (double) getWidth() / canvas.getWidth(), (double) getHeight() / canvas.getHeight());
    double w = canvas.getWidth() * zoom;
    double h = canvas.getHeight() * zoom;
    return new Rectangle2D.Double((getWidth() - w) / 2, (getHeight() - h) / 2, w, h);
  }

  private Point2D toCanvas(double x, double y) {
    Rectangle2D area = drawingArea();
    double zoom = area.getWidth() / canvas.getWidth();
    return new Point2D.Double((x - area.getX()) / zoom, (y - area.getY()) / zoom);
  }

  @Override
  public AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      accessibleContext =
          new AccessibleJComponent() {
            @Override
            public AccessibleRole getAccessibleRole() {
              return AccessibleRole.CANVAS;
            }
          };
      accessibleContext.setAccessibleName("Drawing pad");
    }
    return accessibleContext;
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet()
        ? super.getPreferredSize()
        : new Dimension(canvas.getWidth(), canvas.getHeight());
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    g.setColor(getBackground() != null ? getBackground() : Color.DARK_GRAY);
    g.fillRect(0, 0, getWidth(), getHeight());
    Rectangle2D area = drawingArea();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(
        canvas,
        (int) Math.round(area.getX()),
        (int) Math.round(area.getY()),
        (int) Math.round(area.getWidth()),
        (int) Math.round(area.getHeight()),
        null);
    Color muted = UIManager.getColor(VizKeys.MUTED_FOREGROUND);
    g.setColor(muted != null ? muted : Color.GRAY);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.draw(area);
    if (pointer != null && area.contains(pointer)) {
      double r = thickness * scale * area.getWidth() / canvas.getWidth() / 2;
      g.setColor(tool == Tool.PEN ? new Color(255, 255, 255, 160) : new Color(255, 80, 80, 200));
      g.draw(new Ellipse2D.Double(pointer.getX() - r, pointer.getY() - r, 2 * r, 2 * r));
    }
    g.dispose();
  }
}
