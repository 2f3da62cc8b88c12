package org.cnnexplainer.demo;

/** The model format the command line writes. */
final class ModelFormats {
  private ModelFormats() {}

  static CheckpointWriter.Format writer() {
    return new RawModelFormat();
  }
}
