package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.InvalidModelException;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.io.ImageModels;
import org.cnnexplainer.demo.io.TrainingRecord;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by the commands: a {@code model.json} or its folder. */
final class ModelOption {
  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "MODEL",
      description = "A TF.js layers model: its model.json, or the folder holding it.")
  Path model;

  /** Loads the model named on the command line. */
  Network load() throws IOException {
    return TfjsModel.load(model);
  }

  /**
   * Loads the model for running images through it: its input must be an image with 1 or 3 channels,
   * and a trace must fit in memory.
   *
   * @throws InvalidModelException naming the model file otherwise
   */
  Network loadForImages() throws IOException {
    return loadForImages(model);
  }

  /** {@link #loadForImages()} for a model path from elsewhere. */
  static Network loadForImages(Path model) throws IOException {
    Network network = TfjsModel.load(model);
    ImageModels.requireImageInput(network, model);
    Limits.requireTraceFits(network, model);
    return network;
  }

  /**
   * The files the model is read from, as far as they exist: {@code model.json}, {@code
   * labels.json}, the {@code .bin} files beside them and its training record. An output must not
   * replace one.
   */
  List<Path> files() {
    Path json = Files.isDirectory(model) ? model.resolve("model.json") : model;
    Path folder = json.toAbsolutePath().getParent();
    List<Path> files =
        new ArrayList<>(
            List.of(json, folder.resolve("labels.json"), folder.resolve(TrainingRecord.FILE)));
    try (DirectoryStream<Path> weights = Files.newDirectoryStream(folder, "*.bin")) {
      weights.forEach(files::add);
    } catch (IOException | RuntimeException e) {
      // No folder to list: loading the model reports that.
    }
    return files;
  }

  /** The path as given. */
  Path path() {
    return model;
  }
}
