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
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Coordinates.</b> A place on a map is a {@link org.cnnexplainer.core.Position} (row from
 *       the top, column from the left, from 0); a place in an image-shaped tensor is an {@link
 *       org.cnnexplainer.core.explain.Cell} (channel plus position). Only the low-level {@link
 *       org.cnnexplainer.core.Tensor#get(int, int, int)} takes three bare indices, in the tensor's
 *       axis order.
 *   <li><b>Absent values.</b> A result that may not exist is an {@link java.util.Optional}, {@link
 *       java.util.OptionalInt} or empty list ({@link org.cnnexplainer.core.Network#indexOf}, {@link
 *       org.cnnexplainer.core.ActivationTrace#logits}); no public method returns {@code null} or
 *       {@code -1} for "none". A figure that could not be measured (a validation loss without a
 *       validation set, the accuracy of a class without images) is {@code NaN}, as in float
 *       arithmetic. Parameters are never null unless their documentation says what null means (e.g.
 *       a layer without bias).
 *   <li><b>Inputs and outputs.</b> {@code input()} and {@code output(..)} are tensors; a single
 *       number is {@code inputValue()} or {@code outputValue()} (the explanation steps).
 *   <li><b>Bad arguments.</b> An index outside its range throws {@link
 *       java.lang.IndexOutOfBoundsException} (layers of a trace) or {@link
 *       java.lang.IllegalArgumentException} (explanation factories) with a message naming the
 *       argument, its value and the valid range.
 * </ul>
 *
 * <h2>Entry points</h2>
 *
 * Load a {@link org.cnnexplainer.core.Network} with {@code org.cnnexplainer.core.tfjs}, turn an
 * image into a {@link org.cnnexplainer.core.Tensor} with {@code org.cnnexplainer.core.image}, then
 * call {@link org.cnnexplainer.core.Network#trace} for an {@link
 * org.cnnexplainer.core.ActivationTrace}.
 */
package org.cnnexplainer.core;
