package org.cnnexplainer.demo.app;

import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.AbstractButton;
import javax.swing.ButtonGroup;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.border.AbstractBorder;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;

/**
 * The strip above the overview: the model's example images and the user's own, a button to add one,
 * and the processed input (what the network actually sees) at the right.
 */
final class ImageStrip extends JPanel {
  static final int THUMB = 40;
  private final Consumer<Example> onChoose;
  private final JPanel thumbs = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
  private final JButton add = new JButton("+");
  private final JLabel processed = new JLabel();
  private final List<Example> examples = new ArrayList<>();
  private final List<JToggleButton> buttons = new ArrayList<>();
  private ButtonGroup group = new ButtonGroup();

  ImageStrip(Consumer<Example> onChoose, Runnable onAdd) {
    super(new FlowLayout(FlowLayout.LEFT, 8, 4));
    this.onChoose = onChoose;
    getAccessibleContext().setAccessibleName("Input images");
    add.setToolTipText("Add your own image (or drop / paste one on the window)");
    add.getAccessibleContext().setAccessibleName("Add image");
    add.addActionListener(e -> onAdd.run());
    processed.setToolTipText("What the network sees: your image resized to the model's input");
    processed.setHorizontalTextPosition(SwingConstants.LEFT);
    processed.getAccessibleContext().setAccessibleName("Network input");
    add(thumbs);
    add(add);
    add(processed);
  }

  /** Replaces all images with the model's examples (none selected). */
  void setExamples(List<Example> models) {
    examples.clear();
    buttons.clear();
    thumbs.removeAll();
    group = new ButtonGroup();
    models.forEach(this::append);
    revalidate();
    repaint();
  }

  /** Adds a user's image and selects it. */
  void addAndSelect(Example example) {
    append(example);
    select(examples.size() - 1);
    revalidate();
  }

  /** Marks the {@code index}-th image as selected without reporting it. */
  void showSelected(int index) {
    buttons.get(index).setSelected(true);
  }

  /** Selects the {@code index}-th image and reports it. */
  void select(int index) {
    buttons.get(index).setSelected(true);
    onChoose.accept(examples.get(index));
  }

  /** The images on offer. */
  List<Example> examples() {
    return List.copyOf(examples);
  }

  /** Where on screen each image's button is (its centre), in strip order; for tests. */
  List<java.awt.Point> buttonCentres() {
    List<java.awt.Point> centres = new ArrayList<>();
    for (JToggleButton b : buttons) {
      if (b.isShowing()) {
        java.awt.Point p = b.getLocationOnScreen();
        centres.add(new java.awt.Point(p.x + b.getWidth() / 2, p.y + b.getHeight() / 2));
      }
    }
    return centres;
  }

  /** Shows the network input image, or nothing. */
  void showInput(Tensor input) {
    if (input == null) {
      processed.setIcon(null);
      processed.setText("");
      return;
    }
    BufferedImage image = ImageInput.toImage(input);
    processed.setIcon(new Thumbnail(image, 56, false));
    processed.setText(
        "<html><div style='text-align:right'>Network input<br>"
            + input.shape().width()
            + "×"
            + input.shape().height()
            + "</div></html>");
  }

  private void append(Example example) {
    int index = examples.size();
    examples.add(example);
    JToggleButton button = new JToggleButton(new Thumbnail(example.original(), THUMB, true));
    button.setToolTipText(example.label() + " (" + example.name() + ")");
    button.getAccessibleContext().setAccessibleName("Image: " + example.label());
    button.addActionListener(e -> onChoose.accept(examples.get(index)));
    // The chosen image must stand out clearly, as in the original's strip: an accent frame.
    button.setBorder(new ThumbFrame());
    group.add(button);
    buttons.add(button);
    thumbs.add(button);
  }

  /**
   * The frame of a thumbnail: a 3 px accent line when selected, else a 1 px border line. Its
   * colours are read when painting, so the frames follow a theme switch (a border built with the
   * colours of the time kept the old theme's grey after switching).
   */
  static final class ThumbFrame extends AbstractBorder {
    @Override
    public void paintBorder(Component c, Graphics g, int x, int y, int width, int height) {
      boolean selected = c instanceof AbstractButton b && b.isSelected();
      Color line =
          selected
              ? UIManager.getColor("Component.accentColor")
              : UIManager.getColor("Component.borderColor");
      if (line == null) {
        line = selected ? new Color(33, 118, 214) : Color.GRAY;
      }
      g.setColor(line);
      for (int i = 0; i < (selected ? 3 : 1); i++) {
        g.drawRect(x + i, y + i, width - 1 - 2 * i, height - 1 - 2 * i);
      }
    }

    @Override
    public Insets getBorderInsets(Component c, Insets insets) {
      insets.set(4, 4, 4, 4);
      return insets;
    }
  }

  /** An image drawn at a fixed logical size (so it stays sharp on HiDPI screens). */
  record Thumbnail(BufferedImage image, int size, boolean smooth) implements Icon {
    @Override
    public void paintIcon(Component c, Graphics graphics, int x, int y) {
      Graphics2D g = (Graphics2D) graphics.create();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION,
          smooth
              ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
              : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      double scale = (double) size / Math.max(image.getWidth(), image.getHeight());
      int w = (int) Math.round(image.getWidth() * scale);
      int h = (int) Math.round(image.getHeight() * scale);
      g.drawImage(image, x + (size - w) / 2, y + (size - h) / 2, w, h, null);
      g.dispose();
    }

    @Override
    public int getIconWidth() {
      return size;
    }

    @Override
    public int getIconHeight() {
      return size;
    }
  }
}
