package org.cnnexplainer.demo.lab;

import java.util.Objects;
import java.util.function.Function;

/**
 * An observer of the Learning Lab for the end-to-end tests: the Lab tells its probe when what it
 * shows may have changed and when its training thread starts and ends (so a test can measure how
 * long the event thread waited meanwhile). The application installs none (every call is a no-op);
 * the test-only launcher installs one before a Lab is built. Calls come on the event thread, except
 * {@link #trainingStarted} and {@link #trainingFinished}, which come from the training thread.
 */
abstract class LabProbe {
  static final LabProbe NONE = new LabProbe() {};

  private static volatile Function<LabWindow, LabProbe> factory = lab -> NONE;

  /** Makes every Lab built from now on get its probe from {@code probes}. */
  static void install(Function<LabWindow, LabProbe> probes) {
    factory = Objects.requireNonNull(probes);
  }

  static LabProbe of(LabWindow lab) {
    return factory.apply(lab);
  }

  /** Something the Lab shows may have changed. */
  void changed() {}

  /** The buttons changed (enabled, text): a probe that caches where they are finds them again. */
  void controlsChanged() {}

  /** The training thread has started. */
  void trainingStarted() {}

  /** The training thread has ended: what follows is not training. */
  void trainingFinished() {}
}
