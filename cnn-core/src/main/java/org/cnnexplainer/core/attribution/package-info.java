/**
 * Attribution: which parts of an image made the network give a class its score. Every method
 * explains the class's logit {@code S_c(x)} (the score before the softmax) for one image:
 *
 * <ul>
 *   <li>{@link org.cnnexplainer.core.attribution.Saliency}: {@code dS_c/dx};
 *   <li>{@link org.cnnexplainer.core.attribution.GradientTimesInput}: {@code x ⊙ dS_c/dx};
 *   <li>{@link org.cnnexplainer.core.attribution.IntegratedGradients}: gradients averaged along the
 *       path from a black image to {@code x}, times {@code x};
 *   <li>{@link org.cnnexplainer.core.attribution.SmoothGrad}: gradients averaged over noisy copies;
 *   <li>{@link org.cnnexplainer.core.attribution.GradCam}: a layer's maps weighted by their mean
 *       gradient;
 *   <li>{@link org.cnnexplainer.core.attribution.Occlusion}: the logit drop when a square is
 *       covered.
 * </ul>
 *
 * Results are immutable and keep the intermediate numbers their views show. Tensors are in this
 * library's {@code (C, H, W)} order; {@link org.cnnexplainer.core.Tensor#toHwcArray()} gives the
 * TF.js order. The network must end in a softmax (fused into its last Dense layer or a separate
 * layer), whose input are the logits.
 */
package org.cnnexplainer.core.attribution;
