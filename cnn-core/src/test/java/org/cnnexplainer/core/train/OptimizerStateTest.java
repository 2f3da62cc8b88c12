package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.junit.jupiter.api.Test;

/** Hand-computed update steps of SGD, momentum, Adam and weight decay, and the schedules. */
class OptimizerStateTest {
  private static TrainableNetwork net() {
    Network network =
        new Network(
            "one",
            Shape.vector(1),
            List.<Layer>of(
                new Dense(
                    "d",
                    Tensor.of(Shape.of(1, 2), 1f, -2f),
                    Tensor.of(Shape.vector(2), 0.5f, 0.5f),
                    Activation.SOFTMAX)),
            null);
    return new TrainableNetwork(network);
  }

  private static float[][][] grads(float k0, float k1, float b0, float b1) {
    return new float[][][] {{{k0, k1}, {b0, b1}}};
  }

  @Test
  void sgdWithMomentumAccumulatesVelocity() {
    TrainableNetwork net = net();
    OptimizerState sgd = new OptimizerState(Optimizer.sgd(0.1, 0.9), net);
    sgd.step(net.params, grads(1, 0, 0, 2), 0.1);
    // v = -0.1 * g; w += v
    assertEquals(0.9f, net.params[0][0][0], 1e-6f);
    assertEquals(0.3f, net.params[0][1][1], 1e-6f);
    sgd.step(net.params, grads(1, 0, 0, 0), 0.1);
    // v = 0.9 * -0.1 - 0.1 = -0.19
    assertEquals(0.71f, net.params[0][0][0], 1e-6f);
    assertEquals(0.3f - 0.18f, net.params[0][1][1], 1e-6f);
  }

  @Test
  void adamsFirstStepMovesEachWeightByTheLearningRate() {
    TrainableNetwork net = net();
    OptimizerState adam = new OptimizerState(Optimizer.adam(0.01), net);
    adam.step(net.params, grads(3, -0.5f, 0, 1e-3f), 0.01);
    // Bias-corrected m / sqrt(v) = g / |g| on the first step.
    assertEquals(1f - 0.01f, net.params[0][0][0], 1e-6f);
    assertEquals(-2f + 0.01f, net.params[0][0][1], 1e-6f);
    assertEquals(0.5f, net.params[0][1][0], 0f);
    assertEquals(0.5f - 0.01f, net.params[0][1][1], 1e-5f);
  }

  @Test
  void weightDecayShrinksKernelsButNotBiases() {
    TrainableNetwork net = net();
    OptimizerState sgd = new OptimizerState(Optimizer.sgd(0.1).withWeightDecay(0.5), net);
    sgd.step(net.params, grads(0, 0, 0, 0), 0.1);
    assertEquals(0.95f, net.params[0][0][0], 1e-6f);
    assertEquals(-1.9f, net.params[0][0][1], 1e-6f);
    assertEquals(0.5f, net.params[0][1][0], 0f);
  }

  @Test
  void schedulesFollowTheirFormulas() {
    LearningRateSchedule cosine = LearningRateSchedule.cosine(0.1);
    assertEquals(1.0, cosine.factor(0), 1e-12);
    assertEquals(0.55, cosine.factor(0.5), 1e-12);
    assertEquals(0.1, cosine.factor(1), 1e-12);
    LearningRateSchedule step = LearningRateSchedule.step(3, 0.1);
    assertEquals(1.0, step.factor(0.2), 1e-12);
    assertEquals(0.1, step.factor(0.4), 1e-12);
    assertEquals(0.01, step.factor(0.9), 1e-12);
    assertEquals(1.0, LearningRateSchedule.constant().factor(0.7), 0);
    assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(0));
    assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0.1, 1.0));
    assertThrows(IllegalArgumentException.class, () -> TrainerSettings.builder().epochs(0).build());
  }
}
