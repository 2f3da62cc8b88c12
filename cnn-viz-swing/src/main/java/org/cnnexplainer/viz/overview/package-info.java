/**
 * The network overview component ({@link org.cnnexplainer.viz.overview.NetworkOverview}), its hit
 * map and its UI keys.
 *
 * @serial exclude
 */
package org.cnnexplainer.viz.overview;
