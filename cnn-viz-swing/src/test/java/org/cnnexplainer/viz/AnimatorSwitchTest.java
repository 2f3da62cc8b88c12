package org.cnnexplainer.viz;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;

/** The per-component animation switch: the nearest component that says decides. */
class AnimatorSwitchTest {
  @Test
  void theNearestSettingAroundAComponentDecides() {
    runOnEdt(
        () -> {
          JPanel window = new JPanel();
          JPanel panel = new JPanel();
          JPanel view = new JPanel();
          window.add(panel);
          panel.add(view);
          assertTrue(Animator.isAnimated(view), "on unless switched off");
          Animator.setAnimated(window, false);
          assertFalse(Animator.isAnimated(view), "off for everything inside");
          Animator.setAnimated(panel, true);
          assertTrue(Animator.isAnimated(view), "the nearer setting wins");
          Animator.setAnimated(view, false);
          assertFalse(Animator.isAnimated(view));
          assertTrue(Animator.isAnimated(panel));
          assertEquals(Boolean.FALSE, view.getClientProperty(Animator.ANIMATED_CLIENT_PROPERTY));
        });
  }

  @Test
  void anAnimatorOfASwitchedOffComponentShowsTheFinalFrameAtOnce() {
    runOnEdt(
        () -> {
          JPanel view = new JPanel();
          Animator.setAnimated(view, false);
          List<Double> frames = new ArrayList<>();
          Animator animator = new Animator(500, view, frames::add);
          animator.start();
          assertEquals(List.of(1.0), frames);
          assertFalse(animator.isRunning());
          assertFalse(Animator.isEnabled(view));
        });
  }
}
