package org.cnnexplainer.viz.training;

/**
 * One point of a per-batch training curve.
 *
 * @param epoch position in training, in epochs: {@code 1.5} is the middle of the second epoch
 * @param loss the smoothed training loss there
 * @param accuracy the smoothed training accuracy there, in [0, 1]
 */
public record CurvePoint(double epoch, double loss, double accuracy) {}
