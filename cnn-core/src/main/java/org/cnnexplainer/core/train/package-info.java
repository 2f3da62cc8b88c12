/**
 * Training networks in Java: data, a trainer, and the project's own models.
 *
 * <ul>
 *   <li>Data: {@link org.cnnexplainer.core.train.Dataset} (8-bit images, channel-first, seen as
 *       {@code byte / 255}), read by {@link org.cnnexplainer.core.train.IdxReader} (MNIST-format
 *       files, raw or gzip; {@link org.cnnexplainer.core.train.FashionMnist}) or {@link
 *       org.cnnexplainer.core.train.ImageFolderDataset} (one sub-folder per class).
 *   <li>Training: {@link org.cnnexplainer.core.train.Trainer} with immutable {@link
 *       org.cnnexplainer.core.train.TrainerSettings} turns a starting {@link
 *       org.cnnexplainer.core.Network} (e.g. {@link
 *       org.cnnexplainer.core.train.Architectures#tinyVgg}) into a new, immutable trained one.
 *       Progress is reported to a {@link org.cnnexplainer.core.train.TrainingListener}.
 *   <li>The trainer runs the same backward pass as {@code Network.gradients}: each layer's, next to
 *       its forward pass in {@code org.cnnexplainer.core.layer}. Trainable: Conv2D (any strides,
 *       valid/same), Dense, max/average pooling, Activation layers and fused activations, Flatten,
 *       Dropout and InputLayer. BatchNormalization is not trainable (its batch statistics are not
 *       implemented); the trainer rejects networks that contain it.
 * </ul>
 */
package org.cnnexplainer.core.train;
