package org.cnnexplainer.core.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;

/**
 * Grad-CAM at a layer whose output {@code A} is a stack of {@code K} maps of {@code h × w}:
 *
 * <ol>
 *   <li>the gradient of the class logit with respect to the maps, {@code dS_c/dA};
 *   <li>each map's weight {@code α_k = mean over i, j of dS_c/dA_ijk};
 *   <li>the weighted maps {@code α_k A_k} and their sum {@code Σ_k α_k A_k};
 *   <li>the map {@code ReLU(Σ_k α_k A_k)}, at the layer's resolution, not normalised;
 *   <li>that map resized to the input's height and width (bilinear, pixel centres aligned, as image
 *       libraries resize) to lay over the image.
 * </ol>
 */
public final class GradCam implements Attribution {
  private final String layer;
  private final int classIndex;
  private final float logit;
  private final Tensor activations;
  private final Tensor gradients;
  private final float[] channelWeights;
  private final Tensor weightedMaps;
  private final Tensor weightedSum;
  private final Tensor map;
  private final Tensor upsampled;

  private GradCam(
      String layer,
      int classIndex,
      float logit,
      Tensor activations,
      Tensor gradients,
      float[] channelWeights,
      Tensor weightedMaps,
      Tensor weightedSum,
      Tensor map,
      Tensor upsampled) {
    this.layer = layer;
    this.classIndex = classIndex;
    this.logit = logit;
    this.activations = activations;
    this.gradients = gradients;
    this.channelWeights = channelWeights;
    this.weightedMaps = weightedMaps;
    this.weightedSum = weightedSum;
    this.map = map;
    this.upsampled = upsampled;
  }

  /**
   * {@return Grad-CAM of class {@code classIndex} at the layer called {@code layerName}, for the
   * image {@code trace} was computed from (runs the backward pass only)}
   *
   * @param trace the traced forward pass to explain (its network, input and every layer's output)
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   * @param layerName the layer whose maps are weighted, e.g. {@link #defaultLayer}'s choice
   * @throws IllegalArgumentException if there is no such layer, its output is not a stack of maps
   *     (see {@link #layers}), the class is out of range or the network has no logits
   */
  public static GradCam of(ActivationTrace trace, int classIndex, String layerName) {
    Network network = trace.network();
    OptionalInt found = network.indexOf(layerName);
    if (found.isEmpty() || !network.outputShape(found.getAsInt()).isImage()) {
      throw new IllegalArgumentException(
          "Grad-CAM needs a layer with maps (height × width × channels); '"
              + layerName
              + "' is "
              + (found.isEmpty() ? "not a layer of '" + network.name() + "'" : "not one")
              + "; use one of "
              + String.join(", ", layers(network)));
    }
    int index = found.getAsInt();
    // The backward pass runs only through the layers above the maps: their gradient is all
    // Grad-CAM needs, and the layers below cost most of a whole backward pass.
    LogitPasses passes = new LogitPasses(trace, index);
    Checks.requireClass(classIndex, passes.classes());
    float logit = trace.logits().orElseThrow().at(classIndex);
    Tensor a = trace.output(index);
    Shape shape = a.shape();
    Tensor g = Checks.wrap(shape, passes.backwardTo(classIndex, index));
    int channels = shape.channels();
    int plane = shape.height() * shape.width();
    float[] av = Checks.data(a);
    float[] gv = Checks.data(g);
    float[] alpha = new float[channels];
    float[] weighted = new float[av.length];
    double[] sum = new double[plane];
    for (int k = 0; k < channels; k++) {
      double total = 0;
      for (int p = 0; p < plane; p++) {
        total += gv[k * plane + p];
      }
      alpha[k] = (float) (total / plane);
      for (int p = 0; p < plane; p++) {
        float v = alpha[k] * av[k * plane + p];
        weighted[k * plane + p] = v;
        sum[p] += v;
      }
    }
    float[] before = new float[plane];
    float[] after = new float[plane];
    for (int p = 0; p < plane; p++) {
      before[p] = (float) sum[p];
      after[p] = Math.max(0f, before[p]);
    }
    Shape mapShape = Shape.image(1, shape.height(), shape.width());
    Shape in = network.inputShape();
    float[] up = Resize.bilinear(after, shape.height(), shape.width(), in.height(), in.width());
    return new GradCam(
        layerName,
        classIndex,
        logit,
        a,
        g,
        alpha,
        Checks.wrap(shape, weighted),
        Checks.wrap(mapShape, before),
        Checks.wrap(mapShape, after),
        Checks.wrap(Shape.image(1, in.height(), in.width()), up));
  }

  /**
   * {@return the names of the layers Grad-CAM can use: those whose output is a stack of maps}
   *
   * @param network the network, which must have a layer with maps
   */
  public static List<String> layers(Network network) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < network.layers().size(); i++) {
      if (network.outputShape(i).isImage()) {
        names.add(network.layer(i).name());
      }
    }
    return List.copyOf(names);
  }

  /**
   * {@return the usual choice: the last convolution's maps, after its activation layer when one
   * follows (for Tiny VGG {@code relu_2_2}); the last layer with maps when there is no convolution}
   *
   * @param network the network, which must have a layer with maps
   * @throws IllegalArgumentException if no layer has maps
   */
  public static String defaultLayer(Network network) {
    int chosen = -1;
    for (int i = 0; i < network.layers().size(); i++) {
      if (network.layer(i) instanceof Conv2D) {
        chosen =
            i + 1 < network.layers().size() && network.layer(i + 1) instanceof ActivationLayer
                ? i + 1
                : i;
      }
    }
    if (chosen < 0) {
      List<String> spatial = layers(network);
      if (spatial.isEmpty()) {
        throw new IllegalArgumentException(
            "network '" + network.name() + "' has no layer with maps for Grad-CAM");
      }
      return spatial.get(spatial.size() - 1);
    }
    return network.layer(chosen).name();
  }

  /** {@return the layer's name} */
  public String layer() {
    return layer;
  }

  /** {@return the layer's maps {@code A}, {@code (K, h, w)}} */
  public Tensor activations() {
    return activations;
  }

  /** {@return {@code dS_c/dA}, {@code (K, h, w)}} */
  public Tensor gradients() {
    return gradients;
  }

  /** {@return {@code α_k}, the mean of each map's gradient (a copy)} */
  public float[] channelWeights() {
    return channelWeights.clone();
  }

  /**
   * {@return {@code α_k} of map {@code k}}
   *
   * @param k the channel of the chosen layer, from 0
   */
  public float channelWeight(int k) {
    return channelWeights[k];
  }

  /** {@return {@code α_k A_k}, {@code (K, h, w)}} */
  public Tensor weightedMaps() {
    return weightedMaps;
  }

  /** {@return {@code Σ_k α_k A_k} before the ReLU, {@code (1, h, w)}} */
  public Tensor weightedSum() {
    return weightedSum;
  }

  /** {@return {@code ReLU(Σ_k α_k A_k)}, {@code (1, h, w)}: the same as {@link #values()}} */
  public Tensor map() {
    return map;
  }

  /** {@return the map resized to the input's height and width, {@code (1, H, W)}} */
  public Tensor upsampled() {
    return upsampled;
  }

  @Override
  public AttributionMethod method() {
    return AttributionMethod.GRAD_CAM;
  }

  @Override
  public int classIndex() {
    return classIndex;
  }

  @Override
  public float logit() {
    return logit;
  }

  @Override
  public Tensor values() {
    return map;
  }

  @Override
  public Tensor overlay() {
    return upsampled;
  }
}
