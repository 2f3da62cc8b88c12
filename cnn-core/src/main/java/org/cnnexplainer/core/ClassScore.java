package org.cnnexplainer.core;

/** One class of a prediction: its output index, its label and its probability. */
public record ClassScore(int index, String label, float probability) {}
