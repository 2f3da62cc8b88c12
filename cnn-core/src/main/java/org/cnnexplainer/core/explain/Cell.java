package org.cnnexplainer.core.explain;

/**
 * One element of a {@code (channels, height, width)} tensor: channel, row and column, counted from
 * 0.
 */
public record Cell(int channel, int row, int column) {}
