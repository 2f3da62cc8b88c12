package org.cnnexplainer.viz.ops;

import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * A view that explains one concept, so an application can open the matching tutorial text (the
 * original's "info" button).
 */
public interface Explainable {
  /**
   * The bound property a view fires (old value {@code null}, new value its {@link #concept()}) when
   * its (i) button is clicked; listen with {@code addPropertyChangeListener(EXPLAIN_PROPERTY,
   * ...)}.
   */
  String EXPLAIN_PROPERTY = "explain";

  /**
   * The bound property a card fires (old value {@code false}, new value {@code true}) when its
   * close button (×) is clicked; the {@link ExplainerPanel} closes the card.
   */
  String CLOSE_PROPERTY = "close";

  /**
   * The bound boolean property an animated view fires when its animation starts or stops playing
   * (by its own button, the keyboard, hovering a grid, or reaching its end), so a toolbar's
   * play/pause button can follow it.
   */
  String PLAYING_PROPERTY = "playing";

  /** Convolution (elastic and formula views); the article's "Convolutional Layers". */
  String CONVOLUTION = "convolution";

  /** The ReLU activation; the article's "ReLU". */
  String RELU = "relu";

  /** Any other element-wise activation (sigmoid, tanh, ...). */
  String ACTIVATION = "activation";

  /** Max and average pooling; the article's "Pooling Layers". */
  String POOLING = "pooling";

  /** Flattening a map into a vector and the dense unit after it; the article's "Flatten Layer". */
  String FLATTEN = "flatten";

  /** The softmax; the article's "Softmax". */
  String SOFTMAX = "softmax";

  /** Input size, padding, kernel size and stride; "Understanding Hyperparameters". */
  String HYPERPARAMETERS = "hyperparameters";

  /** {@return the id of the concept this view shows, e.g. {@value #CONVOLUTION}} */
  String concept();
}
