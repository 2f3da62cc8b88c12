package org.cnnexplainer.core.train;

import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Activation;
import org.cnnexplainer.core.ActivationLayer;
import org.cnnexplainer.core.Dense;
import org.cnnexplainer.core.Layer;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.internal.LayerMath;

/**
 * A network's layers with mutable copies of their weights, for training. {@code params[i]} are
 * layer {@code i}'s arrays (kernel, bias); the layers themselves only supply their configuration.
 */
final class TrainableNetwork {
  final LayerMath math = LayerMath.get();
  final Network template;
  final Layer[] layers;
  final Shape[] inShapes;
  final Shape[] outShapes;
  final float[][][] params;
  final Shape[][] paramShapes;

  /**
   * @throws IllegalArgumentException when a layer cannot be trained or the network does not end in
   *     a softmax over a vector (the loss is softmax cross-entropy)
   */
  TrainableNetwork(Network network) {
    this.template = network;
    int n = network.layers().size();
    layers = network.layers().toArray(new Layer[0]);
    inShapes = new Shape[n];
    outShapes = new Shape[n];
    params = new float[n][][];
    paramShapes = new Shape[n][];
    for (int i = 0; i < n; i++) {
      try {
        math.requireTrainable(layers[i], i == n - 1);
      } catch (UnsupportedOperationException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      inShapes[i] = network.inputShape(i);
      outShapes[i] = network.outputShape(i);
      params[i] = math.parameterArrays(layers[i]);
      paramShapes[i] = math.parameterShapes(layers[i]);
    }
    Layer last = layers[n - 1];
    boolean softmax =
        (last instanceof Dense d && d.activation() == Activation.SOFTMAX)
            || (last instanceof ActivationLayer a && a.activation() == Activation.SOFTMAX);
    if (!softmax || outShapes[n - 1].rank() != 1) {
      throw new IllegalArgumentException(
          "the trainer minimises softmax cross-entropy, so the network must end in a softmax over"
              + " a vector; its last layer is "
              + last
              + " with output "
              + outShapes[n - 1]);
    }
  }

  int classes() {
    return outShapes[outShapes.length - 1].size();
  }

  /** An immutable network holding copies of the current weights. */
  Network snapshot() {
    List<Layer> copy = new ArrayList<>();
    for (int i = 0; i < layers.length; i++) {
      copy.add(params[i].length == 0 ? layers[i] : math.withParameterArrays(layers[i], params[i]));
    }
    return new Network(template.name(), template.inputShape(), copy, template.classLabels());
  }

  /** Copies of all weights. */
  float[][][] copyParams() {
    float[][][] copy = new float[params.length][][];
    for (int i = 0; i < params.length; i++) {
      copy[i] = new float[params[i].length][];
      for (int p = 0; p < params[i].length; p++) {
        copy[i][p] = params[i][p].clone();
      }
    }
    return copy;
  }
}
