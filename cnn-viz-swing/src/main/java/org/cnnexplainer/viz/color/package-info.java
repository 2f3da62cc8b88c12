/**
 * Exact colour maps (d3's B-spline interpolation of ColorBrewer stops), value-to-colour scales and
 * the per-layer heat-map ranges of the original (Unit, Module, Global).
 *
 * @serial exclude
 */
package org.cnnexplainer.viz.color;
