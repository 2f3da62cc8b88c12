/**
 * TensorFlow.js "layers-model" files: {@link org.cnnexplainer.core.tfjs.TfjsModel} reads {@code
 * model.json} with its weight files and {@code labels.json} into a {@link
 * org.cnnexplainer.core.Network} and writes one back in the same form.
 */
package org.cnnexplainer.core.tfjs;
