/**
 * Turning image files into network inputs and back: {@link org.cnnexplainer.core.image.ImageInput}.
 */
package org.cnnexplainer.core.image;
