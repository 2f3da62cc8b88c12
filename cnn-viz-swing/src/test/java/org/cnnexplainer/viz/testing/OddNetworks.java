package org.cnnexplainer.viz.testing;

import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.testing.RandomTensors;

/**
 * A 1-channel network unlike Tiny VGG: input (1, 9, 11); a 3x3 SAME convolution with stride 2 (4
 * filters) giving (4, 5, 6); sigmoid; 2x2 average pooling with SAME padding giving (4, 3, 3);
 * flatten; a 3-class softmax.
 */
public final class OddNetworks {
  public static final int CONV = 0;
  public static final int SIGMOID = 1;
  public static final int POOL = 2;
  public static final int OUTPUT = 4;

  private OddNetworks() {}

  public static Network sameStrideAverage(long seed) {
    Random random = new Random(seed);
    Conv2D conv =
        new Conv2D(
            "conv_s",
            RandomTensors.gaussian(Shape.of(4, 1, 3, 3), 0.8, random),
            RandomTensors.gaussian(Shape.vector(4), 0.2, random),
            2,
            2,
            Padding.SAME,
            Activation.LINEAR);
    return new Network(
        "odd",
        Shape.image(1, 9, 11),
        List.of(
            conv,
            new ActivationLayer("sigmoid", Activation.SIGMOID),
            new Pooling2D("avg", Pooling2D.Type.AVERAGE, 2, 2, 2, 2, Padding.SAME),
            new Flatten("flatten"),
            new Dense(
                "output",
                RandomTensors.gaussian(Shape.of(36, 3), 0.5, random),
                RandomTensors.gaussian(Shape.vector(3), 0.1, random),
                Activation.SOFTMAX)),
        List.of("a", "b", "c"));
  }
}
