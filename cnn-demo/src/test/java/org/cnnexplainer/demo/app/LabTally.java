package org.cnnexplainer.demo.app;

/** Prints the Learning Lab end-to-end test's closing line {@code LAB: N passed, M failed}. */
public final class LabTally extends EndToEndTally {
  public LabTally() {
    super("LAB");
  }
}
