package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.Scrollable;
import javax.swing.UIManager;
import org.cnnexplainer.viz.ops.HyperparameterPlayground;

/**
 * The tutorial side panel: one page per {@link Concept}, chosen from a list or opened by the views'
 * explain hooks and the layer labels.
 */
final class TutorialPanel extends JPanel {
  private final JComboBox<Concept> chooser = new JComboBox<>(Concept.values());
  private final JEditorPane page = new JEditorPane();
  private final JScrollPane scroll;
  private final JPanel content = new WidthTrackingPanel();
  private JComponent playground;
  private boolean rendered;

  TutorialPanel(Runnable onClose) {
    super(new BorderLayout(0, 4));
    setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    getAccessibleContext().setAccessibleName("Tutorial");
    chooser.getAccessibleContext().setAccessibleName("Tutorial topic");
    chooser.addActionListener(e -> render((Concept) chooser.getSelectedItem()));
    JButton close = new JButton("✕");
    close.setToolTipText("Close the tutorial (Esc)");
    close.getAccessibleContext().setAccessibleName("Close tutorial");
    close.addActionListener(e -> onClose.run());
    JPanel top = new JPanel(new BorderLayout(4, 0));
    top.add(chooser, BorderLayout.CENTER);
    top.add(close, BorderLayout.EAST);
    page.setEditable(false);
    page.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, true);
    page.getAccessibleContext().setAccessibleName("Tutorial text");
    content.add(page, BorderLayout.CENTER);
    scroll = new JScrollPane(content);
    scroll.setBorder(BorderFactory.createEmptyBorder());
    add(top, BorderLayout.NORTH);
    add(scroll, BorderLayout.CENTER);
    // The first page is rendered when the panel is first shown: the HTML machinery takes a while
    // to start, and the window should not wait for a panel it does not show yet.
  }

  /** Renders the chosen page when the panel is shown the first time. */
  @Override
  public void setVisible(boolean visible) {
    if (visible && !rendered) {
      render(concept());
    }
    super.setVisible(visible);
  }

  /** Shows the page of {@code concept}. */
  void show(Concept concept) {
    if (chooser.getSelectedItem() != concept) {
      chooser.setSelectedItem(concept); // fires render
    } else {
      render(concept);
    }
  }

  /** The concept on show. */
  Concept concept() {
    return (Concept) chooser.getSelectedItem();
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (chooser != null && rendered) {
      render(concept()); // the page's colours follow the theme
    }
  }

  private void render(Concept concept) {
    if (!rendered) {
      page.setContentType("text/html");
      rendered = true;
    }
    page.setFont(UIManager.getFont("Label.font"));
    page.setText(html(concept));
    page.setCaretPosition(0);
    // The hyperparameter page comes with the interactive playground from the views library.
    if (concept == Concept.HYPERPARAMETERS && playground == null) {
      playground = new HyperparameterPlayground();
      playground.getAccessibleContext().setAccessibleName("Hyperparameter playground");
    }
    if (playground != null) {
      content.remove(playground);
      if (concept == Concept.HYPERPARAMETERS) {
        content.add(playground, BorderLayout.SOUTH);
      }
    }
    content.revalidate();
    content.repaint();
  }

  static String html(Concept concept) {
    String resource = "tutorial/" + concept.id() + ".html";
    try (InputStream in = TutorialPanel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing tutorial page " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Follows the viewport's width so the text wraps instead of scrolling sideways. */
  private static final class WidthTrackingPanel extends JPanel implements Scrollable {
    WidthTrackingPanel() {
      super(new BorderLayout());
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
      return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
      return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
      return Math.max(16, visible.height - 32);
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
}
