package org.cnnexplainer.demo.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.train.Optimizer;
import org.cnnexplainer.core.train.TrainerSettings;
import org.junit.jupiter.api.Test;

/** Settings are explained when they cannot work, and only usable ones reach the trainer. */
class LabSettingsTest {
  @Test
  void defaultsAreUsableAndBecomeTheTrainersSettings() {
    LabSettings d = LabSettings.defaults(32, 3);
    assertEquals(List.of(), d.problems());
    assertEquals(Shape.image(3, 32, 32), d.inputShape());
    TrainerSettings t = d.trainerSettings(2);
    assertEquals(5, t.epochs());
    assertEquals(64, t.batchSize());
    assertEquals(Optimizer.Kind.ADAM, t.optimizer().kind());
    assertEquals(0.001, t.optimizer().learningRate(), 0);
    assertEquals(1, t.seed());
    assertEquals(2, t.threads());
  }

  @Test
  void everyUnusableValueIsExplainedAndRefused() {
    LabSettings bad = new LabSettings(8, 2, 0, 0, 5000, "rmsprop", -1, 9, false, 0.9, 1);
    List<String> problems = bad.problems();
    assertEquals(9, problems.size(), String.join("\n", problems));
    assertTrue(problems.get(0).startsWith("Input size must be between 16 and 128"));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("Channels must be 1 (grey) or 3")));
    assertTrue(problems.stream().anyMatch(p -> p.contains("Got 'rmsprop'")));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("Validation share must be")));
    assertThrows(IllegalStateException.class, () -> bad.trainerSettings(1));
  }

  @Test
  void theFormListsProblemsInWordsAndOffersNoSettingsWhileAnyRemain() throws Exception {
    AtomicReference<String> problems = new AtomicReference<>();
    AtomicReference<Boolean> refused = new AtomicReference<>();
    AtomicReference<LabSettings> accepted = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          SettingsPanel panel = new SettingsPanel(() -> {});
          panel.set("epochs", "many");
          panel.set("lr", "2");
          problems.set(panel.problemsText());
          refused.set(panel.settings().isEmpty());
          panel.set("epochs", "3");
          panel.set("lr", "0.01");
          accepted.set(panel.settings().orElse(null));
        });
    assertTrue(
        problems.get().contains("Epochs must be a whole number; got 'many'."), problems.get());
    assertTrue(refused.get());
    assertEquals(3, accepted.get().epochs());
    assertEquals(0.01, accepted.get().learningRate(), 0);
  }
}
