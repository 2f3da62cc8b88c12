/**
 * Tensors, layers and a tracing forward pass for sequential convolutional networks.
 *
 * <h2>Axis order</h2>
 *
 * Tensors carry no batch dimension. Images are rank 3 in channel-first order {@code (channels,
 * height, width)}: each channel is one contiguous row-major plane, which is what every view draws
 * (one activation map per neuron) and what lets the convolution run along contiguous rows. Vectors
 * are rank 1.
 *
 * <p>TF.js stores the same data channel-last: activations HWC, conv kernels HWIO ({@code [kh, kw,
 * in, out]}), Dense kernels {@code [in, out]}. Conversion happens once at the boundary: {@link
 * org.cnnexplainer.core.Tensor#fromHwc} and {@link org.cnnexplainer.core.Tensor#toHwcArray} for
 * activations, the TF.js reader and writer for kernels. {@link org.cnnexplainer.core.layer.Flatten}
 * emits its vector in TF.js's channel-last order ({@code (y * W + x) * C + c}) so that Dense kernel
 * rows from a model file apply unchanged.
 *
 * <h2>Entry points</h2>
 *
 * Load a {@link org.cnnexplainer.core.Network} with {@code org.cnnexplainer.core.tfjs}, turn an
 * image into a {@link org.cnnexplainer.core.Tensor} with {@code org.cnnexplainer.core.image}, then
 * call {@link org.cnnexplainer.core.Network#trace} for an {@link
 * org.cnnexplainer.core.ActivationTrace}.
 */
package org.cnnexplainer.core;
