package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.border.AbstractBorder;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.StateProperty;

/**
 * The strip above the overview: the model's example images and the user's own in one row that
 * scrolls sideways when it is longer than the window (about three lines per wheel notch), and at
 * the right, always visible, the button to add one and the processed input (what the network
 * actually sees). The left and right arrow keys choose the previous or next image.
 */
final class ImageStrip extends JPanel {
  static final int THUMB = 40;

  /** Pixels per scroll unit; a wheel notch scrolls three units. */
  static final int SCROLL_UNIT = 16;

  private final ExplainerState state;
  private final StateListener inputListener = this::stateChanged;
  private Consumer<Example> onChoose = example -> {};
  private Runnable onAdd = () -> {};
  private final JPanel thumbs = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
  private final JScrollPane scroller =
      new JScrollPane(
          thumbs,
          ScrollPaneConstants.VERTICAL_SCROLLBAR_NEVER,
          ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
  private final JButton add = new JButton("+");
  private final JLabel processed = new JLabel();
  private final List<Example> examples = new ArrayList<>();
  private final List<JToggleButton> buttons = new ArrayList<>();
  private ButtonGroup group = new ButtonGroup();

  /** A strip that shows {@code state}'s input as the network input. */
  ImageStrip(ExplainerState state) {
    super(new BorderLayout(8, 0));
    this.state = state;
    setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    getAccessibleContext().setAccessibleName("Input images");
    add.setToolTipText("Add your own image (or drop / paste one on the window)");
    add.getAccessibleContext().setAccessibleName("Add image");
    add.addActionListener(e -> onAdd.run());
    processed.setToolTipText("What the network sees: your image resized to the model's input");
    processed.setHorizontalTextPosition(SwingConstants.LEFT);
    processed.getAccessibleContext().setAccessibleName("Network input");
    scroller.setBorder(null);
    scroller.setOpaque(false);
    scroller.getViewport().setOpaque(false);
    scroller.getHorizontalScrollBar().setUnitIncrement(SCROLL_UNIT);
    JPanel right = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
    right.add(add);
    right.add(processed);
    add(scroller, BorderLayout.CENTER);
    add(right, BorderLayout.EAST);
    bindArrow(KeyEvent.VK_LEFT, -1);
    bindArrow(KeyEvent.VK_RIGHT, 1);
  }

  /** What a chosen image (a click or an arrow key) is reported to. */
  void setOnChoose(Consumer<Example> onChoose) {
    this.onChoose = onChoose;
  }

  /** What the add button runs. */
  void setOnAdd(Runnable onAdd) {
    this.onAdd = onAdd;
  }

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(inputListener);
    showInput(state.input().orElse(null));
  }

  @Override
  public void removeNotify() {
    state.removeListener(inputListener);
    super.removeNotify();
  }

  private void stateChanged(StateEvent event) {
    if (event.has(StateProperty.INPUT)) {
      showInput(state.input().orElse(null));
    }
  }

  /** The strip is as tall as a thumbnail row plus the scroll bar, which may come and go. */
  @Override
  public Dimension getPreferredSize() {
    Dimension d = super.getPreferredSize();
    int row =
        thumbs.getPreferredSize().height
            + scroller.getHorizontalScrollBar().getPreferredSize().height;
    Insets in = getInsets();
    return new Dimension(d.width, Math.max(d.height, row + in.top + in.bottom));
  }

  /** Lets the window shrink below the strip's full length: the thumbnails scroll instead. */
  @Override
  public Dimension getMinimumSize() {
    return new Dimension(200, getPreferredSize().height);
  }

  /** Left and right choose the neighbouring image, not only move the focus frame. */
  private void bindArrow(int key, int step) {
    String name = "cnn-image-" + step;
    getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(key, 0), name);
    getActionMap()
        .put(
            name,
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                int current = selectedIndex();
                int next = current < 0 ? 0 : current + step;
                if (next >= 0 && next < buttons.size()) {
                  select(next);
                  buttons.get(next).requestFocusInWindow();
                }
              }
            });
  }

  /** The button of the {@code index}-th image. */
  JToggleButton button(int index) {
    return buttons.get(index);
  }

  /** The selected image's index, or -1. */
  int selectedIndex() {
    for (int i = 0; i < buttons.size(); i++) {
      if (buttons.get(i).isSelected()) {
        return i;
      }
    }
    return -1;
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
    buttons.get(index).scrollRectToVisible(new java.awt.Rectangle(buttons.get(index).getSize()));
  }

  /** Selects the {@code index}-th image, scrolls it into view and reports it. */
  void select(int index) {
    JToggleButton button = buttons.get(index);
    button.setSelected(true);
    button.scrollRectToVisible(new java.awt.Rectangle(button.getSize()));
    onChoose.accept(examples.get(index));
  }

  /**
   * The index of an image showing the same file or the same pixels as {@code example} (an image
   * named on the command line may be one of the model's examples), or -1.
   */
  int indexOfSame(Example example) {
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      if (e.name().equals(example.name())
          && java.util.Arrays.equals(e.input().toArray(), example.input().toArray())) {
        return i;
      }
    }
    return -1;
  }

  /** The images on offer. */
  List<Example> examples() {
    return List.copyOf(examples);
  }

  /** Shows the network input image, or nothing. */
  private void showInput(Tensor input) {
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
