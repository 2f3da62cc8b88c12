/** CNN Explainer's engine: tensors, layers, tracing, explanation math and TF.js model files. */
module org.cnnexplainer.core {
  requires transitive java.desktop;
  requires com.google.gson;
  // Optional: used only when the JVM starts with --add-modules jdk.incubator.vector, and only by
  // org.cnnexplainer.core.kernel.vector (see kernel.Kernels).
  requires static jdk.incubator.vector;

  // Not exported: org.cnnexplainer.core.kernel (with plain and vector), the arithmetic behind the
  // layers, and org.cnnexplainer.core.internal.
  exports org.cnnexplainer.core;
  exports org.cnnexplainer.core.layer;
  exports org.cnnexplainer.core.explain;
  exports org.cnnexplainer.core.image;
  exports org.cnnexplainer.core.tfjs;
  exports org.cnnexplainer.core.train;
}
