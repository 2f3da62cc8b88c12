/**
 * Swing components of CNN Explainer: the shared explainer state, exact colour scales, the network
 * overview and the operation views. Depends on cnn-core and the JDK only; works under any look and
 * feel through {@code CnnViz.*} UI keys.
 */
module org.cnnexplainer.viz {
  requires transitive org.cnnexplainer.core;
  requires transitive java.desktop;

  exports org.cnnexplainer.viz;
  exports org.cnnexplainer.viz.color;
  exports org.cnnexplainer.viz.overview;
  exports org.cnnexplainer.viz.ops;
  exports org.cnnexplainer.viz.attribution;
}
