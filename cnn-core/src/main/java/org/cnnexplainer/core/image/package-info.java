/**
 * Turning image files into network inputs and back ({@link org.cnnexplainer.core.image.ImageInput})
 * and classifying them with one call ({@link org.cnnexplainer.core.image.ImageClassifier}). The
 * only package of the core API that uses AWT ({@link java.awt.image.BufferedImage}).
 */
package org.cnnexplainer.core.image;
