package org.cnnexplainer.demo.app;

import java.nio.file.Path;
import org.cnnexplainer.demo.Main;
import org.cnnexplainer.demo.lab.LabDump;

/**
 * The application as the end-to-end tests run it: {@code java -cp
 * cnn-explainer.jar:cnn-demo/target/test-classes org.cnnexplainer.demo.app.InstrumentedLauncher
 * ARGS} is {@code java -jar cnn-explainer.jar ARGS} with the tests' probes installed first. With
 * {@code -D}{@value StateDump#PROPERTY}{@code =FILE} the window writes what it shows to FILE and
 * every Learning Lab to {@code lab-state.json} beside it; with {@code -D}{@value
 * TestHooks#PROPERTY}{@code =DIR} the window records uncaught exceptions in DIR and answers a soak
 * test's commands there. The packaged jar has none of this: these classes live in the test sources.
 */
public final class InstrumentedLauncher {
  private InstrumentedLauncher() {}

  /**
   * Installs the probes the system properties ask for, then runs the command line.
   *
   * @param args the command line, as for the jar
   */
  public static void main(String[] args) {
    String dump = System.getProperty(StateDump.PROPERTY, "");
    AppProbe.install(
        frame -> {
          TestHooks.installIfRequested(frame);
          return dump.isBlank() ? AppProbe.NONE : new StateDump(Path.of(dump), frame);
        });
    if (!dump.isBlank()) {
      LabDump.installForEveryLab(Path.of(dump).resolveSibling("lab-state.json"));
    }
    Main.main(args);
  }
}
