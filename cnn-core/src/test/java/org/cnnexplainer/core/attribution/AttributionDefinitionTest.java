package org.cnnexplainer.core.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.TestNetworks;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.junit.jupiter.api.Test;

/**
 * Each method against its definition, written out here with {@code Network.gradients} and {@code
 * Network.trace} on small seeded networks: a Tiny VGG (fused softmax) and the "varied" network
 * (separate softmax layer, same padding, average pooling, batch normalisation).
 */
class AttributionDefinitionTest {
  private static final Network VGG = TestNetworks.tinyVgg(3, 22, 4, 5, 7);
  private static final Network VARIED = TestNetworks.varied(3);

  private static float[] gradient(Network network, float[] input, int c) {
    return network
        .gradients(Tensor.of(network.inputShape(), input), GradientTarget.logit(c))
        .input()
        .toArray();
  }

  private static float logit(Network network, float[] input, int c) {
    return network.trace(Tensor.of(network.inputShape(), input)).logits().orElseThrow().at(c);
  }

  @Test
  void saliencyIsTheLogitGradientAndGradientTimesInputItsProduct() {
    for (Network network : List.of(VGG, VARIED)) {
      Tensor x = TestNetworks.randomInput(network, 1);
      ActivationTrace trace = network.trace(x);
      Saliency saliency = Saliency.of(trace, 2);
      float[] g = gradient(network, x.toArray(), 2);
      assertArrayEquals(g, saliency.values().toArray(), network.name());
      assertEquals(logit(network, x.toArray(), 2), saliency.logit(), network.name());
      GradientTimesInput product = GradientTimesInput.of(trace, 2);
      for (int i = 0; i < g.length; i++) {
        assertEquals(x.at(i) * g[i], product.values().at(i), network.name() + " " + i);
      }
      assertEquals(saliency.values(), product.gradient());
      assertEquals(x, product.input());
    }
  }

  @Test
  void integratedGradientsAverageTheGradientsAlongTheRightRiemannPath() {
    for (Network network : List.of(VGG, VARIED)) {
      Tensor x = TestNetworks.randomInput(network, 2);
      int m = 5;
      IntegratedGradients ig = IntegratedGradients.of(network, x, 1, m);
      double[] total = new double[x.size()];
      for (int k = 1; k <= m; k++) {
        float[] point = new float[x.size()];
        for (int i = 0; i < point.length; i++) {
          point[i] = (float) k / m * x.at(i);
        }
        assertArrayEquals(point, ig.pathImage(k).toArray(), "path image " + k);
        float[] g = gradient(network, point, 1);
        assertArrayEquals(g, ig.stepGradient(k).toArray(), 1e-6f, network.name() + " step " + k);
        assertEquals(logit(network, point, 1), ig.stepLogit(k), 1e-6f, "step logit " + k);
        for (int i = 0; i < g.length; i++) {
          total[i] += g[i];
        }
        float[] running = ig.runningAverage(k).toArray();
        for (int i = 0; i < g.length; i++) {
          assertEquals(total[i] / k, running[i], 1e-6, "running average " + k);
        }
      }
      double sum = 0;
      for (int i = 0; i < total.length; i++) {
        assertEquals(x.at(i) * total[i] / m, ig.values().at(i), 1e-6, network.name() + " " + i);
        sum += x.at(i) * total[i] / m;
      }
      assertEquals(sum, ig.sum(), 1e-6);
      assertArrayEquals(new float[x.size()], ig.pathImage(0).toArray());
      assertEquals(logit(network, new float[x.size()], 1), ig.baselineLogit(), 1e-6f);
      assertEquals(logit(network, x.toArray(), 1), ig.logit(), 1e-6f);
      assertEquals(
          ig.sum() - ((double) ig.logit() - ig.baselineLogit()), ig.completenessGap(), 1e-12);
    }
  }

  @Test
  void theCompletenessGapShrinksAsStepsGrow() {
    Tensor x = TestNetworks.randomInput(VGG, 3);
    double coarse = Math.abs(IntegratedGradients.of(VGG, x, 0, 2).completenessGap());
    double fine = Math.abs(IntegratedGradients.of(VGG, x, 0, 256).completenessGap());
    assertTrue(fine < coarse, "gap with 256 steps " + fine + " vs 2 steps " + coarse);
    // One step: the gradient at x itself, i.e. gradient × input.
    IntegratedGradients one = IntegratedGradients.of(VGG, x, 0, 1);
    assertEquals(GradientTimesInput.of(VGG.trace(x), 0).values(), one.values());
  }

  @Test
  void smoothGradIsTheMeanGradientOverSeededGaussianNoise() {
    for (Network network : List.of(VGG, VARIED)) {
      Tensor x = TestNetworks.randomInput(network, 4);
      int n = 4;
      float sigma = 0.2f;
      SmoothGrad smooth = SmoothGrad.of(network, x, 3, n, sigma, 99L);
      Random noise = new Random(99L);
      double[] total = new double[x.size()];
      for (int s = 0; s < n; s++) {
        float[] noisy = new float[x.size()];
        for (int i = 0; i < noisy.length; i++) {
          noisy[i] = x.at(i) + sigma * (float) noise.nextGaussian();
        }
        float[] g = gradient(network, noisy, 3);
        for (int i = 0; i < g.length; i++) {
          total[i] += g[i];
        }
      }
      for (int i = 0; i < total.length; i++) {
        assertEquals(total[i] / n, smooth.values().at(i), 1e-6, network.name() + " " + i);
      }
      assertEquals(logit(network, x.toArray(), 3), smooth.logit(), 1e-6f);
      assertEquals(
          List.of(n, sigma, 99L), List.of(smooth.samples(), smooth.sigma(), smooth.seed()));
    }
  }

  @Test
  void smoothGradWithoutNoiseIsTheSaliencyAndItsSeedMatters() {
    Tensor x = TestNetworks.randomInput(VGG, 5);
    assertEquals(
        Saliency.of(VGG.trace(x), 1).values(), SmoothGrad.of(VGG, x, 1, 3, 0f, 1L).values());
    Tensor a = SmoothGrad.of(VGG, x, 1, 3, 0.3f, 1L).values();
    assertEquals(a, SmoothGrad.of(VGG, x, 1, 3, 0.3f, 1L).values(), "same seed, same result");
    assertNotEquals(a, SmoothGrad.of(VGG, x, 1, 3, 0.3f, 2L).values(), "another seed");
  }

  @Test
  void gradCamWeighsEachMapByItsMeanGradient() {
    Tensor x = TestNetworks.randomInput(VGG, 6);
    ActivationTrace trace = VGG.trace(x);
    for (String layer : List.of("relu_2_2", "conv_1_1", "max_pool_1")) {
      GradCam cam = GradCam.of(trace, 4, layer);
      Tensor a = trace.output(layer);
      Tensor g = VGG.gradients(x, GradientTarget.logit(4)).output(layer);
      assertEquals(a, cam.activations());
      assertEquals(g, cam.gradients());
      Shape s = a.shape();
      int plane = s.height() * s.width();
      float[] alpha = cam.channelWeights();
      for (int k = 0; k < s.channels(); k++) {
        double mean = 0;
        for (float v : g.channel(k)) {
          mean += v;
        }
        assertEquals(mean / plane, alpha[k], 1e-7, layer + " alpha " + k);
        assertEquals(alpha[k], cam.channelWeight(k));
      }
      for (int y = 0; y < s.height(); y++) {
        for (int xx = 0; xx < s.width(); xx++) {
          double sum = 0;
          for (int k = 0; k < s.channels(); k++) {
            assertEquals(alpha[k] * a.get(k, y, xx), cam.weightedMaps().get(k, y, xx), 1e-7);
            sum += alpha[k] * a.get(k, y, xx);
          }
          assertEquals(sum, cam.weightedSum().get(0, y, xx), 1e-6, layer);
          assertEquals(Math.max(0, sum), cam.map().get(0, y, xx), 1e-6, layer);
        }
      }
      assertEquals(cam.map(), cam.values());
      assertEquals(Shape.image(1, 22, 22), cam.upsampled().shape());
      assertEquals(cam.upsampled(), cam.overlay());
      assertEquals(layer, cam.layer());
    }
  }

  @Test
  void gradCamUpsamplesWithAlignedPixelCentres() {
    // A 2 x 2 map doubled: centres at 0.25 and 0.75 of each source pixel, clamped at the edges.
    float[] up = Resize.bilinear(new float[] {0, 4, 8, 12}, 2, 2, 4, 4);
    assertArrayEquals(new float[] {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12}, up, 1e-6f);
    float[] same = Resize.bilinear(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, 2, 3);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, same, 1e-6f);
  }

  @Test
  void gradCamLayersAndTheirRefusals() {
    assertEquals("relu_2_2", GradCam.defaultLayer(VGG));
    assertTrue(GradCam.layers(VGG).containsAll(List.of("conv_1_1", "relu_2_2", "max_pool_2")));
    assertFalse(GradCam.layers(VGG).contains("flatten"));
    ActivationTrace trace = VGG.trace(TestNetworks.randomInput(VGG, 7));
    IllegalArgumentException dense =
        assertThrows(IllegalArgumentException.class, () -> GradCam.of(trace, 0, "output"));
    assertTrue(dense.getMessage().contains("'output' is not one"), dense.getMessage());
    assertTrue(dense.getMessage().contains("relu_2_2"), dense.getMessage());
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> GradCam.of(trace, 0, "nope"));
    assertTrue(unknown.getMessage().contains("not a layer of"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GradCam.of(trace, 5, "relu_2_2"));
  }

  @Test
  void occlusionIsTheLogitDropPerCoveredSquare() {
    for (Network network : List.of(VGG, VARIED)) {
      Tensor x = TestNetworks.randomInput(network, 8);
      Shape s = x.shape();
      int patch = 3;
      int stride = 2;
      float fill = 0.5f;
      Occlusion occlusion = Occlusion.of(network, x, 0, patch, stride, fill);
      int rows = (s.height() - patch) / stride + 1;
      int columns = (s.width() - patch) / stride + 1;
      assertEquals(Shape.image(1, rows, columns), occlusion.values().shape());
      float logit = logit(network, x.toArray(), 0);
      assertEquals(logit, occlusion.logit(), 1e-6f);
      for (int r = 0; r < rows; r++) {
        for (int q = 0; q < columns; q++) {
          float[] covered = x.toArray();
          for (int c = 0; c < s.channels(); c++) {
            for (int y = r * stride; y < r * stride + patch; y++) {
              for (int xx = q * stride; xx < q * stride + patch; xx++) {
                covered[(c * s.height() + y) * s.width() + xx] = fill;
              }
            }
          }
          float occluded = logit(network, covered, 0);
          assertEquals(occluded, occlusion.occludedLogits().get(0, r, q), 1e-6f);
          assertEquals(logit - occluded, occlusion.drop(r, q), 1e-6f, r + "," + q);
        }
      }
      // The overlay: pixel (0, 0) is covered by the first square only.
      assertEquals(occlusion.drop(0, 0), occlusion.overlay().get(0, 0, 0), 1e-6f);
      // Pixel (2, 2) by four squares: (0,0), (0,1), (1,0), (1,1).
      double mean =
          (occlusion.drop(0, 0)
                  + occlusion.drop(0, 1)
                  + occlusion.drop(1, 0)
                  + occlusion.drop(1, 1))
              / 4;
      assertEquals(mean, occlusion.overlay().get(0, 2, 2), 1e-6);
    }
  }

  @Test
  void refusalsNameTheArgument() {
    Tensor x = TestNetworks.randomInput(VGG, 9);
    assertMessage("steps must be at least 1, got 0", () -> IntegratedGradients.of(VGG, x, 0, 0));
    assertMessage("class must be in 0..4", () -> IntegratedGradients.of(VGG, x, 5, 4));
    assertMessage("samples must be at least 1", () -> SmoothGrad.of(VGG, x, 0, 0, 0.1f, 1));
    assertMessage("sigma must be finite", () -> SmoothGrad.of(VGG, x, 0, 1, Float.NaN, 1));
    assertMessage("sigma must be finite", () -> SmoothGrad.of(VGG, x, 0, 1, -1f, 1));
    assertMessage("patch must fit the 22 × 22 image", () -> Occlusion.of(VGG, x, 0, 23, 1, 0));
    assertMessage("stride must be at least 1", () -> Occlusion.of(VGG, x, 0, 2, 0, 0));
    assertMessage("fill must be a finite", () -> Occlusion.of(VGG, x, 0, 2, 1, Float.NaN));
    assertMessage(
        "expects an input of shape",
        () -> Occlusion.of(VGG, TestNetworks.randomInput(VARIED, 1), 0, 2, 1, 0));
    Network noSoftmax =
        new Network(
            "linear",
            Shape.image(1, 2, 2),
            List.of(
                new Flatten("flatten"),
                new Dense(
                    "out",
                    Tensor.of(Shape.of(4, 2), 1, 2, 3, 4, 5, 6, 7, 8),
                    Tensor.of(Shape.vector(2), 0, 0),
                    Activation.LINEAR)),
            null);
    assertMessage(
        "does not end in a softmax",
        () -> IntegratedGradients.of(noSoftmax, Tensor.zeros(Shape.image(1, 2, 2)), 0, 2));
  }

  @Test
  void methodsAreNamedForTheCommandLine() {
    assertEquals(AttributionMethod.GRAD_CAM, AttributionMethod.fromId("Grad-CAM"));
    assertEquals("integrated-gradients", AttributionMethod.INTEGRATED_GRADIENTS.id());
    assertTrue(AttributionMethod.SMOOTHGRAD.inputShaped());
    assertFalse(AttributionMethod.OCCLUSION.inputShaped());
    assertMessage(
        "unknown method 'lime'; use one of saliency, gradient-x-input",
        () -> AttributionMethod.fromId("lime"));
  }

  private static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
