/** CNN Explainer's engine: tensors, layers, tracing, explanation math and TF.js model files. */
module org.cnnexplainer.core {
  requires transitive java.desktop;
  requires com.google.gson;
  // Optional: used only when the JVM starts with --add-modules jdk.incubator.vector (see
  // Acceleration).
  requires static jdk.incubator.vector;

  exports org.cnnexplainer.core;
  exports org.cnnexplainer.core.explain;
  exports org.cnnexplainer.core.image;
  exports org.cnnexplainer.core.tfjs;
  exports org.cnnexplainer.core.train;
}
