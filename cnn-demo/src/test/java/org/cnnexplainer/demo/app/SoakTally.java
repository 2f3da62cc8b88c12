package org.cnnexplainer.demo.app;

/** Prints the soak's closing line {@code SOAK: N passed, M failed}. */
public final class SoakTally extends EndToEndTally {
  public SoakTally() {
    super("SOAK");
  }
}
