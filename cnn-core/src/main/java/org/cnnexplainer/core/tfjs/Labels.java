package org.cnnexplainer.core.tfjs;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code labels.json}: a JSON array of strings, one class name per network output. */
final class Labels {
  static final String FILE = "labels.json";

  private Labels() {}

  /** The labels beside the model, or null when there is no {@code labels.json}. */
  static List<String> read(ModelFiles files, int outputs) throws IOException {
    byte[] bytes;
    try {
      bytes = files.readAll(FILE, TfjsModel.MAX_LABELS_BYTES, FILE);
    } catch (IOException e) {
      if (ModelFiles.isMissing(e)) {
        return null;
      }
      throw e;
    }
    String where = files.describe(FILE);
    Json json = new Json(where, "labels", TfjsModel.parse(bytes, where));
    if (!json.isArray()) {
      throw json.error("expected a JSON array of class names, found " + json.text());
    }
    if (json.size() != outputs) {
      throw json.error(
          "expected " + outputs + " class names, one per network output, found " + json.size());
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      labels.add(json.at(i).string());
    }
    return labels;
  }

  static JsonArray toJson(List<String> labels) {
    JsonArray array = new JsonArray();
    labels.forEach(array::add);
    return array;
  }
}
