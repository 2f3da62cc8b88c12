package org.cnnexplainer.demo.app;

import java.util.Locale;
import java.util.Optional;
import org.cnnexplainer.core.layer.Layer;

/**
 * The ideas the tutorial panel explains, each with a page {@code tutorial/ID.html}. The ids are the
 * ones the operation views' explain hooks use ("convolution", "relu", ...).
 */
enum Concept {
  OVERVIEW("overview", "What is a CNN?"),
  INPUT("input", "The input layer"),
  CONVOLUTION("convolution", "Convolution"),
  HYPERPARAMETERS("hyperparameters", "Kernel size, stride, padding"),
  RELU("relu", "ReLU and other activations"),
  POOLING("pooling", "Pooling"),
  FLATTEN("flatten", "Flatten"),
  SOFTMAX("softmax", "Softmax and the prediction"),
  COLORS("colors", "Reading the colours"),
  ATTRIBUTION("attribution", "Why this class? Attribution"),
  SALIENCY("saliency", "Saliency, gradient × input, SmoothGrad"),
  INTEGRATED_GRADIENTS("integrated-gradients", "Integrated gradients"),
  GRAD_CAM("grad-cam", "Grad-CAM"),
  OCCLUSION("occlusion", "Occlusion");

  private final String id;
  private final String title;

  Concept(String id, String title) {
    this.id = id;
    this.title = title;
  }

  String id() {
    return id;
  }

  String title() {
    return title;
  }

  /** The concept with id {@code id} (as the views' explain hooks name it). */
  static Optional<Concept> byId(String id) {
    if ("activation".equalsIgnoreCase(id)) {
      return Optional.of(RELU); // the page covers ReLU and the other activations
    }
    if ("gradient-x-input".equalsIgnoreCase(id) || "smoothgrad".equalsIgnoreCase(id)) {
      return Optional.of(SALIENCY); // one page for the three gradient methods
    }
    for (Concept c : values()) {
      if (c.id.equalsIgnoreCase(id) || c.name().equalsIgnoreCase(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The concept that explains a layer of kind {@link Layer#kind()}. */
  static Concept forLayer(Layer layer) {
    String kind = layer.kind().toLowerCase(Locale.ROOT);
    if (kind.contains("conv")) {
      return CONVOLUTION;
    } else if (kind.contains("pool")) {
      return POOLING;
    } else if (kind.contains("flatten")) {
      return FLATTEN;
    } else if (kind.contains("dense")) {
      return SOFTMAX;
    } else if (kind.contains("activation")) {
      return RELU;
    } else if (kind.contains("input")) {
      return INPUT;
    }
    return OVERVIEW;
  }

  @Override
  public String toString() {
    return title;
  }
}
