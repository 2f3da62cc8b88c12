package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.viz.Animator;
import org.junit.jupiter.api.Test;

/** The image-change timings of spec §2.8 and the switch that turns animation off. */
class ImageChangeTest {
  private static double at(double ms) {
    return ms / ImageChange.DURATION_MS;
  }

  @Test
  void oldMapsFadeOutIn300MsThenNewOnesFadeInOver700Ms() {
    assertEquals(1, ImageChange.oldAlpha(0), 1e-12);
    assertEquals(0, ImageChange.oldAlpha(at(300)), 1e-12);
    assertEquals(1 - (Math.pow(0.5 - 1, 3) + 1), ImageChange.oldAlpha(at(150)), 1e-12);
    assertEquals(0, ImageChange.newAlpha(at(300)), 1e-12);
    assertEquals(0.125, ImageChange.newAlpha(at(650)), 1e-12); // cubic-in at half time
    assertEquals(1, ImageChange.newAlpha(at(1000)), 1e-12);
  }

  @Test
  void barsGrowAfter500MsOver800Ms() {
    assertEquals(0, ImageChange.barScale(at(500)), 1e-12);
    assertEquals(0.125, ImageChange.barScale(at(900)), 1e-12);
    assertEquals(1, ImageChange.barScale(1), 1e-12);
  }

  @Test
  void hoverHighlightComesIn400MsAndGoesIn200Ms() {
    assertEquals(0, HoverFade.in(0), 1e-12);
    assertEquals(0.5, HoverFade.in(0.5), 1e-12); // cubic in-out is symmetric
    assertEquals(1, HoverFade.in(1), 1e-12);
    assertEquals(1, HoverFade.out(0), 1e-12);
    assertEquals(0, HoverFade.out(200.0 / HoverFade.DURATION_MS), 1e-12);
    assertEquals(0, HoverFade.out(1), 1e-12);
  }

  @Test
  void animatorJumpsToTheLastFrameWhenAnimationIsOff() {
    String old = System.getProperty(Animator.PROPERTY);
    System.setProperty(Animator.PROPERTY, "off");
    try {
      List<Double> frames = new ArrayList<>();
      Animator animator = new Animator(1000, frames::add);
      animator.start();
      assertEquals(List.of(1.0), frames);
      assertFalse(animator.isRunning());
      assertFalse(Animator.isEnabled());
    } finally {
      if (old == null) {
        System.clearProperty(Animator.PROPERTY);
      } else {
        System.setProperty(Animator.PROPERTY, old);
      }
    }
  }
}
