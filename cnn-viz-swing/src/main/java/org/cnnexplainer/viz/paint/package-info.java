/**
 * Drawing shared by the overview, the operation views and the training views: the one style lookup
 * ({@link org.cnnexplainer.viz.paint.VizStyle}, from the {@link org.cnnexplainer.viz.VizKeys} UI
 * keys). Not exported: the module's own packages use it.
 *
 * @serial exclude
 */
package org.cnnexplainer.viz.paint;
