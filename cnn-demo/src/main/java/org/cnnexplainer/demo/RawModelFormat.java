package org.cnnexplainer.demo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Conv2D;
import org.cnnexplainer.core.Dense;
import org.cnnexplainer.core.Layer;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;

/**
 * Stop-gap model format until the TF.js writer lands: every Conv2D/Dense kernel and bias as
 * big-endian float32 in layer order ({@code weights.raw}). Read back onto a network of the same
 * architecture.
 */
final class RawModelFormat implements CheckpointWriter.Format {
  static final String FILE = "weights.raw";

  @Override
  public void write(Network network, Path directory) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(
            new java.io.BufferedOutputStream(Files.newOutputStream(directory.resolve(FILE))))) {
      for (Layer layer : network.layers()) {
        if (layer instanceof Conv2D c) {
          writeAll(out, c.kernel());
          writeAll(out, c.bias());
        } else if (layer instanceof Dense d) {
          writeAll(out, d.kernel());
          writeAll(out, d.bias());
        }
      }
    }
  }

  private static void writeAll(DataOutputStream out, Tensor t) throws IOException {
    for (float v : t.toArray()) {
      out.writeFloat(v);
    }
  }

  /** {@code skeleton} with the weights from {@code directory}. */
  static Network read(Network skeleton, Path directory) throws IOException {
    List<Layer> layers = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(directory.resolve(FILE))))) {
      for (Layer layer : skeleton.layers()) {
        if (layer instanceof Conv2D c) {
          layers.add(
              new Conv2D(
                  c.name(),
                  readAll(in, c.kernel()),
                  readAll(in, c.bias()),
                  c.strideY(),
                  c.strideX(),
                  c.padding(),
                  c.activation()));
        } else if (layer instanceof Dense d) {
          layers.add(
              new Dense(d.name(), readAll(in, d.kernel()), readAll(in, d.bias()), d.activation()));
        } else {
          layers.add(layer);
        }
      }
    }
    return new Network(skeleton.name(), skeleton.inputShape(), layers, skeleton.classLabels());
  }

  private static Tensor readAll(DataInputStream in, Tensor like) throws IOException {
    float[] v = new float[like.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readFloat();
    }
    return Tensor.of(like.shape(), v);
  }
}
