/**
 * The explainer panel: {@link org.cnnexplainer.viz.panel.ExplainerPanel} composes the network
 * overview with the operation view a click opens, unfolding the overview to make room for elastic
 * views and placing formula cards beside the neuron they explain; {@link
 * org.cnnexplainer.viz.panel.ViewStack} is the state machine that decides which views are open;
 * {@link org.cnnexplainer.viz.panel.NeuronViews} gives the view of one neuron for use in an own
 * window.
 *
 * @serial exclude
 */
package org.cnnexplainer.viz.panel;
