package org.cnnexplainer.demo.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.SwingUtilities;
import org.cnnexplainer.demo.io.TrainingRecord;
import org.junit.jupiter.api.Test;

class MistakesTabTest {
  @Test
  void aSavedRecordReplacesWhatTheRunBeforeShowed() throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          MistakesTab tab = new MistakesTab(null, new LabSession(), null);
          // What a run left: its bars and one cell's images.
          tab.bars.setAccuracy(List.of("a", "b", "c"), new double[] {0.9, 0.5, 0.7}, 0.7);
          BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
          tab.cellImages.show(
              "2 a images", List.of(image, image), List.of("1", "2"), List.of("", ""));

          tab.showRecorded(
              new TrainingRecord.Recorded(
                  "the test set",
                  List.of("x", "y"),
                  0.75,
                  new double[] {1, 0.5},
                  new int[][] {{2, 0}, {1, 1}},
                  4));
          assertEquals(2, tab.bars.classCount(), "the record's classes");
          assertEquals(0, tab.cellImageCount(), "no images of the run before");
          assertTrue(tab.cellHeading().contains("saved training record"), tab.cellHeading());

          tab.showRecorded(null);
          assertEquals(0, tab.bars.classCount(), "no bars without a recorded evaluation");
        });
  }
}
