/**
 * Components for training a network and judging the result: live {@link
 * org.cnnexplainer.viz.training.TrainingCurves} (loss and accuracy per batch and per epoch), a
 * {@link org.cnnexplainer.viz.training.KernelFilmstrip} of the first layer's kernels over time, the
 * {@link org.cnnexplainer.viz.training.ConfusionMatrixView} heat-map whose cells can be clicked,
 * {@link org.cnnexplainer.viz.training.ClassAccuracyBars}, and a {@link
 * org.cnnexplainer.viz.training.DatasetSummaryView}. They take plain values (from {@code
 * org.cnnexplainer.core.train}) on the event thread and follow the {@code CnnViz.*} UI keys; the
 * curves and bars are drawn with JFreeChart.
 *
 * @serial exclude
 */
package org.cnnexplainer.viz.training;
