/**
 * The arithmetic behind each explanation view, computed once from an {@link
 * org.cnnexplainer.core.ActivationTrace} as small immutable value objects: one convolution neuron
 * with its per-channel intermediate maps ({@link org.cnnexplainer.core.explain.ConvolutionNeuron}),
 * one convolution window ({@link org.cnnexplainer.core.explain.ConvolutionStep}), one pooling
 * window ({@link org.cnnexplainer.core.explain.PoolingStep}), one activation ({@link
 * org.cnnexplainer.core.explain.ActivationStep}), the flatten index mapping ({@link
 * org.cnnexplainer.core.explain.FlattenMapping}), one dense unit ({@link
 * org.cnnexplainer.core.explain.DenseBreakdown}) and the final softmax ({@link
 * org.cnnexplainer.core.explain.SoftmaxBreakdown}).
 *
 * <p>Views display these numbers and never recompute them. Every object carries the value the
 * network actually produced (the traced output) next to the value rebuilt from the shown terms; the
 * two agree within float rounding, which the tests check on whole networks. Sums are accumulated in
 * {@code double} from the {@code float} terms (a product of two floats is exact in double), so a
 * rebuilt value is at least as accurate as the network's own float arithmetic.
 *
 * <p>Shapes follow the core package: images are {@code (channels, height, width)}; a single map is
 * {@code (1, height, width)}. Factory methods throw {@link IllegalArgumentException} naming the
 * argument and the bad value when a layer index points at the wrong kind of layer or a neuron or
 * position is out of range.
 */
package org.cnnexplainer.core.explain;
