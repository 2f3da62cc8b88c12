package org.cnnexplainer.core.attribution;

import java.util.Locale;

/** The attribution methods of this package, with the names the command line and the app use. */
public enum AttributionMethod {
  /** {@link Saliency}: the raw signed gradient of the class logit. */
  SALIENCY("saliency", "Saliency"),
  /** {@link GradientTimesInput}: the gradient times the input, pixel by pixel. */
  GRADIENT_X_INPUT("gradient-x-input", "Gradient × input"),
  /** {@link IntegratedGradients}: gradients averaged along the path from black to the image. */
  INTEGRATED_GRADIENTS("integrated-gradients", "Integrated gradients"),
  /** {@link SmoothGrad}: gradients averaged over noisy copies of the image. */
  SMOOTHGRAD("smoothgrad", "SmoothGrad"),
  /** {@link GradCam}: a layer's maps weighted by their average gradient. */
  GRAD_CAM("grad-cam", "Grad-CAM"),
  /** {@link Occlusion}: how much the logit drops when a patch of the image is covered. */
  OCCLUSION("occlusion", "Occlusion");

  private final String id;
  private final String displayName;

  AttributionMethod(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** {@return the command-line name, e.g. {@code grad-cam}} */
  public String id() {
    return id;
  }

  /** {@return the name a learner reads, e.g. {@code Grad-CAM}} */
  public String displayName() {
    return displayName;
  }

  /**
   * {@return whether {@link Attribution#values()} is shaped like the input (one value per input
   * value)}
   */
  public boolean inputShaped() {
    return this != GRAD_CAM && this != OCCLUSION;
  }

  /**
   * {@return the method called {@code id} (case-insensitive)}
   *
   * @param id a command-line name such as {@code saliency} or {@code grad-cam}
   * @throws IllegalArgumentException naming the methods there are
   */
  public static AttributionMethod fromId(String id) {
    for (AttributionMethod method : values()) {
      if (method.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
        return method;
      }
    }
    StringBuilder names = new StringBuilder();
    for (AttributionMethod method : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(method.id);
    }
    throw new IllegalArgumentException("unknown method '" + id + "'; use one of " + names);
  }

  @Override
  public String toString() {
    return id;
  }
}
