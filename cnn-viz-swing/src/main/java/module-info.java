/**
 * Swing components of CNN Explainer: the shared explainer state, exact colour scales, the network
 * overview, the operation views and the training views. Depends on cnn-core, the JDK and (for the
 * training charts) JFreeChart; works under any look and feel through {@code CnnViz.*} UI keys.
 */
module org.cnnexplainer.viz {
  requires transitive org.cnnexplainer.core;
  requires transitive java.desktop;
  requires org.jfree.jfreechart;

  exports org.cnnexplainer.viz;
  exports org.cnnexplainer.viz.color;
  exports org.cnnexplainer.viz.overview;
  exports org.cnnexplainer.viz.ops;
  exports org.cnnexplainer.viz.panel;
  exports org.cnnexplainer.viz.paint;
  exports org.cnnexplainer.viz.draw;
  exports org.cnnexplainer.viz.training;
  exports org.cnnexplainer.viz.attribution;
}
