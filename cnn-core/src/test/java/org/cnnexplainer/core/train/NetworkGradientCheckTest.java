package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.TestNetworks;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference check of a whole small network's weight gradients under softmax cross-entropy,
 * as the trainer computes them (forward, fused loss, backward through every layer).
 */
class NetworkGradientCheckTest {
  @Test
  void everyWeightGradientMatchesFiniteDifferences() {
    Random r = new Random(11);
    Shape input = Shape.image(2, 9, 9);
    List<Layer> layers =
        List.of(
            new Conv2D("conv_a", t(r, 3, 2, 3, 3), t(r, 3), 1, 1, Padding.VALID, Activation.LINEAR),
            new ActivationLayer("tanh", Activation.TANH),
            new Conv2D("conv_b", t(r, 3, 3, 3, 3), t(r, 3), 2, 2, Padding.SAME, Activation.RELU),
            new Pooling2D("pool", Pooling2D.Type.AVERAGE, 2, 2, 1, 1, Padding.VALID),
            new Flatten("flatten"),
            new Dropout("dropout", 0.3f),
            new Dense("hidden", t(r, 27, 5), t(r, 5), Activation.SIGMOID),
            new Dense("output", t(r, 5, 4), t(r, 4), Activation.SOFTMAX));
    Network network = new Network("check", input, layers, null);
    TrainableNetwork net = new TrainableNetwork(network);
    Workspace ws = new Workspace(net);
    float[] image = new float[input.size()];
    for (int i = 0; i < image.length; i++) {
      image[i] = r.nextFloat();
    }
    int label = 2;
    long seed = 99;
    System.arraycopy(image, 0, ws.acts[0], 0, image.length);
    ws.reset();
    ws.run(label, seed, 1f);
    float[][][] analytic = new float[net.params.length][][];
    for (int i = 0; i < analytic.length; i++) {
      analytic[i] = new float[net.params[i].length][];
      for (int p = 0; p < analytic[i].length; p++) {
        analytic[i][p] = new float[net.params[i][p].length];
      }
    }
    ws.addGradientsTo(analytic);
    int checked = 0;
    double eps = 5e-3;
    for (int i = 0; i < net.params.length; i++) {
      for (int p = 0; p < net.params[i].length; p++) {
        float[] w = net.params[i][p];
        for (int k = 0; k < w.length; k++) {
          float saved = w[k];
          w[k] = (float) (saved + eps);
          double plus = loss(ws, image, label, seed);
          w[k] = (float) (saved - eps);
          double minus = loss(ws, image, label, seed);
          w[k] = saved;
          double numeric = (plus - minus) / (2 * eps);
          double error = Math.abs(numeric - analytic[i][p][k]) / Math.max(1e-2, Math.abs(numeric));
          assertTrue(
              error < 5e-2 || Math.abs(numeric - analytic[i][p][k]) < 2e-4,
              "layer "
                  + network.layer(i)
                  + " parameter "
                  + p
                  + "["
                  + k
                  + "]: analytic "
                  + analytic[i][p][k]
                  + ", numeric "
                  + numeric);
          checked++;
        }
      }
    }
    assertTrue(checked > 300, "checked " + checked + " weights");
  }

  @Test
  void theTrainerRunsTheSameBackwardPassAsNetworkGradients() {
    Network network = TestNetworks.tinyVgg(2, 16, 4, 3, 9);
    Tensor x = TestNetworks.randomInput(network, 1);
    int label = 2;
    TrainableNetwork net = new TrainableNetwork(network);
    Workspace ws = new Workspace(net);
    System.arraycopy(x.toArray(), 0, ws.acts[0], 0, x.size());
    ws.reset();
    ws.run(label, 7, 1f);
    float[][][] trained = new float[net.params.length][][];
    for (int i = 0; i < trained.length; i++) {
      trained[i] = new float[net.params[i].length][];
      for (int p = 0; p < trained[i].length; p++) {
        trained[i][p] = new float[net.params[i][p].length];
      }
    }
    ws.addGradientsTo(trained);

    GradientTrace gradients = network.gradients(x, GradientTarget.loss(label));
    assertEquals(ws.lossSum, gradients.value(), 1e-5);
    int compared = 0;
    for (int i = 0; i < trained.length; i++) {
      Layer layer = network.layer(i);
      Tensor[] expected = ModuleAccess.layers().parameterTensors(layer, trained[i]);
      int p = 0;
      for (Tensor actual : gradients.parameters(i).values()) {
        assertArrayEquals(expected[p++].toArray(), actual.toArray(), 1e-5f, layer.name());
        compared++;
      }
    }
    assertEquals(10, compared, "kernel and bias of four convolutions and the output layer");
  }

  private static double loss(Workspace ws, float[] image, int label, long seed) {
    System.arraycopy(image, 0, ws.acts[0], 0, image.length);
    ws.reset();
    // A tiny scale keeps the backward pass from mattering; only the loss is read.
    ws.run(label, seed, 0f);
    return ws.lossSum;
  }

  private static Tensor t(Random r, int... dims) {
    Shape shape = Shape.of(dims);
    float[] v = new float[shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextGaussian() * 0.5);
    }
    return Tensor.of(shape, v);
  }
}
