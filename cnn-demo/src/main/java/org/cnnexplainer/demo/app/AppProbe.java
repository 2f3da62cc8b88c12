package org.cnnexplainer.demo.app;

import java.util.Objects;
import java.util.function.Function;

/**
 * An observer of the main window for the end-to-end tests, which read what the window shows without
 * a screen reader: the window tells its probe when what it shows may have changed and when it has
 * painted. The application installs none (every call is a no-op); the test-only launcher in
 * cnn-demo's test sources installs one before the window is built. Calls come on the event thread.
 */
abstract class AppProbe {
  /** The probe that does nothing: the application's own. */
  static final AppProbe NONE = new AppProbe() {};

  private static volatile Function<ExplainerFrame, AppProbe> factory = frame -> NONE;

  /** Makes every window built from now on get its probe from {@code probes}. */
  static void install(Function<ExplainerFrame, AppProbe> probes) {
    factory = Objects.requireNonNull(probes);
  }

  /** The probe of {@code frame}, a window just built. */
  static AppProbe of(ExplainerFrame frame) {
    return factory.apply(frame);
  }

  /** Something the window shows (model, image, view, layout, a dialog) may have changed. */
  void changed() {}

  /** A paint pass has painted in the window. */
  void painted() {}
}
