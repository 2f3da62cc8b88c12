/**
 * The shared {@link org.cnnexplainer.viz.ExplainerState} (network, input, trace, selection, hover,
 * range mode, palette, detail toggle) with its change events, and the {@link
 * org.cnnexplainer.viz.Animator} used by animated views.
 */
package org.cnnexplainer.viz;
