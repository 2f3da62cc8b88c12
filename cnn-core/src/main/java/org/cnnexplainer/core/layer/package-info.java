/**
 * The layers a network is built from, one file per kind, each with its formula and shapes in its
 * documentation: {@link org.cnnexplainer.core.layer.Conv2D}, {@link
 * org.cnnexplainer.core.layer.ActivationLayer}, {@link org.cnnexplainer.core.layer.Pooling2D},
 * {@link org.cnnexplainer.core.layer.Flatten}, {@link org.cnnexplainer.core.layer.Dense}, {@link
 * org.cnnexplainer.core.layer.Dropout}, {@link org.cnnexplainer.core.layer.BatchNormalization} and
 * {@link org.cnnexplainer.core.layer.InputLayer}, and the {@link
 * org.cnnexplainer.core.layer.Activation} functions they apply (the {@link
 * org.cnnexplainer.core.Padding} rule is in the base package, which the kernels share).
 *
 * <p>Axis order as in {@code org.cnnexplainer.core}: images {@code (channels, height, width)},
 * convolution kernels {@code (filters, channels, kh, kw)}, dense kernels {@code (inputs, units)}.
 * Each layer's one forward pass serves inference, training and gradients; its backward pass sits
 * right under it. Both leave the loops to cnn-core's kernels, which a reader never needs: the
 * formulas here say what they compute.
 */
package org.cnnexplainer.core.layer;
