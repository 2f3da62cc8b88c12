package org.cnnexplainer.demo.cli;

import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.io.CheckpointWriter;

/** The model format the command line writes: TF.js layers (model.json, weights, labels.json). */
final class ModelFormats {
  private ModelFormats() {}

  static CheckpointWriter.Format writer() {
    return TfjsModel::save;
  }
}
