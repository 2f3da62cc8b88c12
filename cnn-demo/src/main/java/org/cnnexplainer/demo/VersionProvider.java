package org.cnnexplainer.demo;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "cnn-explainer " + (version != null ? version : "development"),
      "Java " + System.getProperty("java.version")
    };
  }
}
