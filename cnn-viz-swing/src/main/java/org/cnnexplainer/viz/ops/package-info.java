/**
 * The operation views: what a learner sees after clicking a neuron. The convolution elastic view
 * and formula view, the activation and pooling formula views, the flatten elastic view, the softmax
 * view and the hyperparameter playground, the {@link org.cnnexplainer.viz.ops.ViewStack} state
 * machine that decides which of them is open, and {@link org.cnnexplainer.viz.ops.ExplainerPanel},
 * which composes the overview with the open view.
 *
 * <p>Every number shown comes from cnn-core's {@code org.cnnexplainer.core.explain} objects or the
 * trace; views only round for display. Painters draw into any {@link java.awt.Graphics2D} from the
 * values they are given and record a {@link org.cnnexplainer.viz.ops.ViewHits} map; components are
 * thin. Animations are pure functions of a fraction in [0, 1] driven by {@link
 * org.cnnexplainer.viz.Animator}, which the {@code cnnexplainer.animation=off} system property
 * turns off. Colours and fonts come from the {@code CnnViz.*} UI keys of {@link
 * org.cnnexplainer.viz.overview.VizKeys}, so the views work under any look and feel.
 */
package org.cnnexplainer.viz.ops;
