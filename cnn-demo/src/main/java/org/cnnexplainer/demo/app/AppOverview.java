package org.cnnexplainer.demo.app;

import java.awt.Graphics;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.overview.NetworkOverview;

/**
 * The overview as the application shows it: reports each finished paint (for timings and tests).
 */
final class AppOverview extends NetworkOverview {
  private Runnable onPainted = () -> {};

  AppOverview(ExplainerState state) {
    super(state);
  }

  void onPainted(Runnable callback) {
    onPainted = callback;
  }

  /** NetworkOverview has no accessible context of its own (a plain JComponent returns null). */
  @Override
  public AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      accessibleContext =
          new AccessibleJComponent() {
            @Override
            public AccessibleRole getAccessibleRole() {
              return AccessibleRole.PANEL;
            }
          };
    }
    return accessibleContext;
  }

  @Override
  protected void paintComponent(Graphics g) {
    super.paintComponent(g);
    onPainted.run();
  }
}
