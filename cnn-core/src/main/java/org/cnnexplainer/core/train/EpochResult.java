package org.cnnexplainer.core.train;

/**
 * The figures of one finished epoch ({@code epoch} counts from 1). The training figures are means
 * over the epoch's batches, with dropout and augmentation on; the validation figures are {@code
 * NaN} when there is no validation set. {@code improved} says the validation loss reached a new
 * best.
 */
public record EpochResult(
    int epoch,
    double trainingLoss,
    double trainingAccuracy,
    double validationLoss,
    double validationAccuracy,
    double seconds,
    double imagesPerSecond,
    double learningRate,
    boolean improved) {}
