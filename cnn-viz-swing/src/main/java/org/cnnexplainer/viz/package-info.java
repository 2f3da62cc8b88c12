/**
 * The shared {@link org.cnnexplainer.viz.ExplainerState} (network, input, trace, selection, hover,
 * range mode, palette, detail toggle) with its change events, the {@link
 * org.cnnexplainer.viz.Animator} that is the one clock of every animation, and {@link
 * org.cnnexplainer.viz.VizKeys}, every UI key the components read.
 *
 * @serial exclude
 */
package org.cnnexplainer.viz;
