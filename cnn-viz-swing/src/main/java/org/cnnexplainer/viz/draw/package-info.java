/**
 * Inputs made by hand: {@link org.cnnexplainer.viz.draw.DrawingPad}, a pad whose drawing becomes
 * the network's input as it is drawn.
 *
 * @serial exclude
 */
package org.cnnexplainer.viz.draw;
