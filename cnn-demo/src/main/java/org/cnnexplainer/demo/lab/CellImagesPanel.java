package org.cnnexplainer.demo.lab;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * The images of one confusion-matrix cell, most confident first, each with the probability the
 * network gave its prediction; clicking one opens it in the explainer.
 */
final class CellImagesPanel extends JPanel {
  /** Most images listed for one cell. */
  static final int MAX_SHOWN = 60;

  private static final int THUMB = 56;
  private final JLabel title = new JLabel("Click a cell of the matrix to see its images.");
  private final Grid grid = new Grid();
  private final List<JButton> buttons = new ArrayList<>();
  private final IntConsumer onOpen;

  /** A scrollable grid that follows the viewport's width. */
  private static final class Grid extends JPanel implements Scrollable {
    Grid() {
      super(new GridLayout(0, 3, 4, 4));
    }

    @Override
    public void doLayout() {
      // As many columns as fit, so the captions stay readable in a narrow window.
      ((GridLayout) getLayout()).setColumns(Math.max(1, getWidth() / (THUMB + 44)));
      super.doLayout();
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
      return new Dimension(3 * (THUMB + 40), 3 * (THUMB + 30));
    }

    @Override
    public int getScrollableUnitIncrement(java.awt.Rectangle r, int orientation, int direction) {
      return THUMB / 2;
    }

    @Override
    public int getScrollableBlockIncrement(java.awt.Rectangle r, int orientation, int direction) {
      return r.height;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
      return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
      return false;
    }
  }

  /**
   * @param onOpen told the position (in the list shown) of the image the learner clicked
   */
  CellImagesPanel(IntConsumer onOpen) {
    super(new BorderLayout(0, 6));
    this.onOpen = onOpen;
    setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    title.setVerticalAlignment(SwingConstants.TOP);
    add(title, BorderLayout.NORTH);
    JScrollPane scroll = new JScrollPane(grid);
    scroll.setBorder(null);
    add(scroll, BorderLayout.CENTER);
    setPreferredSize(new Dimension(3 * (THUMB + 44) + 24, 300));
  }

  /** Lists {@code pictures} with their captions ("93.1 %") and tooltips under {@code heading}. */
  void show(
      String heading, List<BufferedImage> pictures, List<String> captions, List<String> tips) {
    title.setText("<html>" + escape(heading) + "</html>");
    grid.removeAll();
    buttons.clear();
    for (int i = 0; i < pictures.size(); i++) {
      int index = i;
      Image scaled = pictures.get(i).getScaledInstance(THUMB, THUMB, Image.SCALE_FAST);
      JButton button = new JButton(captions.get(i), new ImageIcon(scaled));
      button.setVerticalTextPosition(SwingConstants.BOTTOM);
      button.setHorizontalTextPosition(SwingConstants.CENTER);
      button.setToolTipText(tips.get(i));
      button.getAccessibleContext().setAccessibleName("cell image " + (i + 1));
      button.getAccessibleContext().setAccessibleDescription(tips.get(i));
      button.addActionListener(e -> onOpen.accept(index));
      buttons.add(button);
      grid.add(button);
    }
    grid.revalidate();
    grid.repaint();
  }

  /** Empties the list. */
  void clear(String message) {
    show(message, List.of(), List.of(), List.of());
  }

  /** How many images are listed. */
  int count() {
    return buttons.size();
  }

  /** The heading shown. */
  String heading() {
    return title.getText().replaceAll("<[^>]+>", "");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
