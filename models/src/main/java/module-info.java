/**
 * The models trained by CNN Explainer for Java, bundled as resources with their model cards and
 * example images: {@link org.cnnexplainer.models.BundledModels} loads one by name. Depends on
 * cnn-core; cnn-core does not depend on it.
 */
module org.cnnexplainer.models {
  requires transitive org.cnnexplainer.core;
  requires com.google.gson;

  exports org.cnnexplainer.models;
}
