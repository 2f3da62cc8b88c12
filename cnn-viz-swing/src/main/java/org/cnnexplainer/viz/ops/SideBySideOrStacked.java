package org.cnnexplainer.viz.ops;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.LayoutManager;
import java.util.function.IntSupplier;

/** The outer and nested views side by side when they fit the panel's width, else stacked. */
final class SideBySideOrStacked implements LayoutManager {
  private static final int GAP = 8;

  private final IntSupplier availableWidth;

  /** Lays out side by side while the total fits {@code availableWidth} (0: unknown, fits). */
  SideBySideOrStacked(IntSupplier availableWidth) {
    this.availableWidth = availableWidth;
  }

  @Override
  public void addLayoutComponent(String name, Component comp) {}

  @Override
  public void removeLayoutComponent(Component comp) {}

  private boolean sideBySide(Container parent) {
    int width = GAP;
    for (Component c : parent.getComponents()) {
      width += c.getPreferredSize().width + GAP;
    }
    int available = availableWidth.getAsInt();
    return available <= 0 || width <= available;
  }

  @Override
  public Dimension preferredLayoutSize(Container parent) {
    boolean row = sideBySide(parent);
    int w = 0;
    int h = 0;
    for (Component c : parent.getComponents()) {
      Dimension d = c.getPreferredSize();
      w = row ? w + d.width + GAP : Math.max(w, d.width);
      h = row ? Math.max(h, d.height) : h + d.height + GAP;
    }
    return new Dimension(w + GAP, h + GAP);
  }

  @Override
  public Dimension minimumLayoutSize(Container parent) {
    return preferredLayoutSize(parent);
  }

  @Override
  public void layoutContainer(Container parent) {
    boolean row = sideBySide(parent);
    int x = GAP;
    int y = GAP / 2;
    for (Component c : parent.getComponents()) {
      Dimension d = c.getPreferredSize();
      c.setBounds(x, y, d.width, d.height);
      if (row) {
        x += d.width + GAP;
      } else {
        y += d.height + GAP;
      }
    }
  }
}
