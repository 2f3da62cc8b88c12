/** An application of its own that uses the CNN Explainer libraries as JPMS modules. */
module org.example.consumer {
  requires org.cnnexplainer.viz; // and, transitively, org.cnnexplainer.core and java.desktop
  requires org.cnnexplainer.models;
}
