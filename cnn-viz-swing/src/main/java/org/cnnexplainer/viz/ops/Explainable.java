package org.cnnexplainer.viz.ops;

/**
 * A view that explains one concept, so an application can open the matching tutorial text (the
 * original's "info" button).
 */
public interface Explainable {
  /** Concept ids returned by {@link #concept()}. */
  String CONVOLUTION = "convolution";

  String RELU = "relu";
  String ACTIVATION = "activation";
  String POOLING = "pooling";
  String FLATTEN = "flatten";
  String SOFTMAX = "softmax";
  String HYPERPARAMETERS = "hyperparameters";

  /** The id of the concept this view shows, e.g. {@value #CONVOLUTION}. */
  String concept();
}
