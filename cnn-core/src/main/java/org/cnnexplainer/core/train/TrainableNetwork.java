package org.cnnexplainer.core.train;

import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;

/**
 * A network's layers with mutable copies of their weights, for training. {@code params[i]} are
 * layer {@code i}'s arrays in its own layout (kernel, bias); the layers themselves only supply
 * their configuration and their passes.
 */
final class TrainableNetwork {
  final ModuleAccess.Layers hooks = ModuleAccess.layers();
  final Network template;
  final List<Layer> layers;

  /** {@code shapes[0]} is the input's, {@code shapes[i + 1]} layer i's output's. */
  final Shape[] shapes;

  final float[][][] params;
  final Shape[][] paramShapes;

  /**
   * @throws IllegalArgumentException when a layer cannot be trained or the network does not end in
   *     a softmax over a vector (the loss is softmax cross-entropy)
   */
  TrainableNetwork(Network network) {
    this.template = network;
    this.layers = network.layers();
    int n = layers.size();
    shapes = new Shape[n + 1];
    shapes[0] = network.inputShape();
    params = new float[n][][];
    paramShapes = new Shape[n][];
    for (int i = 0; i < n; i++) {
      Layer layer = layers.get(i);
      if (layer instanceof BatchNormalization) {
        throw new IllegalArgumentException(
            layer
                + " cannot be trained: training-mode batch statistics are not implemented (its"
                + " inference form can be differentiated, but not trained)");
      }
      shapes[i + 1] = network.outputShape(i);
      float[][] own = hooks.parameterArrays(layer);
      params[i] = new float[own.length][];
      for (int p = 0; p < own.length; p++) {
        params[i][p] = own[p].clone();
      }
      paramShapes[i] =
          layer.parameters().values().stream().map(Tensor::shape).toArray(Shape[]::new);
    }
    Layer last = layers.get(n - 1);
    boolean softmax =
        (last instanceof Dense d && d.activation() == Activation.SOFTMAX)
            || (last instanceof ActivationLayer a && a.activation() == Activation.SOFTMAX);
    if (!softmax || shapes[n].rank() != 1) {
      throw new IllegalArgumentException(
          "the trainer minimises softmax cross-entropy, so the network must end in a softmax over"
              + " a vector; its last layer is "
              + last
              + " with output "
              + shapes[n]);
    }
  }

  int classes() {
    return shapes[shapes.length - 1].size();
  }

  /** An immutable network holding copies of the current weights. */
  Network snapshot() {
    List<Layer> copy = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      copy.add(params[i].length == 0 ? layer : hooks.withParameterArrays(layer, params[i]));
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
