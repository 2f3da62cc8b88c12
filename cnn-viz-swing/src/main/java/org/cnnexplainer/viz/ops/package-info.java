/**
 * The operation views: what a learner sees after clicking a neuron. One file per view and its
 * painter: the convolution elastic view and formula view, the activation and pooling formula views,
 * the flatten elastic view, the softmax view and the hyperparameter playground. Every view
 * implements {@link org.cnnexplainer.viz.ops.OperationView}, the one contract an application drives
 * them through (the neuron explained, play/pause/step, fraction, hits and painted texts); which
 * view a neuron opens, and how the open views are composed with the overview, is {@link
 * org.cnnexplainer.viz.panel}'s business.
 *
 * <p>Every number shown comes from cnn-core's {@code org.cnnexplainer.core.explain} objects or the
 * trace; views only round for display. Painters draw into any {@link java.awt.Graphics2D} from the
 * values they are given and record a {@link org.cnnexplainer.viz.paint.HitMap} map; components are
 * thin. Animations are pure functions of a fraction in [0, 1] (or steps) driven by {@link
 * org.cnnexplainer.viz.Animator}, which the {@code cnnexplainer.animation=off} system property
 * turns off. Colours and fonts come from the {@code CnnViz.*} UI keys listed in {@link
 * org.cnnexplainer.viz.VizKeys}, so the views work under any look and feel.
 *
 * @serial exclude
 */
package org.cnnexplainer.viz.ops;
