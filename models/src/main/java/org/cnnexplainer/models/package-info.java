/**
 * The bundled models: {@link org.cnnexplainer.models.BundledModels#load(String)} gives a ready
 * {@link org.cnnexplainer.core.Network} for a name from {@link
 * org.cnnexplainer.models.BundledModels#names()}, and {@link
 * org.cnnexplainer.models.BundledModels#examples(String)} the example images that travel with it.
 *
 * <p>Each model lives in the jar under {@code org/cnnexplainer/models/NAME/} as the TF.js layers
 * files {@code model.json}, its weights and {@code labels.json}, beside its model card ({@code
 * README.md}) and its training record ({@code training.json}).
 */
package org.cnnexplainer.models;
