package org.cnnexplainer.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Explanations of the original CNN Explainer model on its example images: every number a view shows
 * rebuilds what the network computed, and the softmax view's logits and probabilities equal those
 * TF.js and the original UI computed ({@code expected.json}).
 */
class OriginalModelExplanationTest {
  /** Images whose whole trace is reconciled (a correct, a misclassified and a grayscale one). */
  private static final Set<String> FULLY_CHECKED =
      Set.of("img/espresso_1.jpeg", "img/bus_2.jpeg", "img/panda_3.jpeg");

  private record Recorded(String file, float[] input, float[] probabilities, double[] logits) {}

  private static Network network;
  private static List<Recorded> images;

  @BeforeAll
  static void load() throws IOException {
    Path dir = SharedFixtures.require("fixtures/cnn-explainer");
    network = TfjsModel.load(dir.resolve("model.json"));
    images = read(dir.resolve("expected.json"));
  }

  @Test
  void everyExplanationReconcilesWithTheTrace() {
    int checked = 0;
    for (Recorded image : images) {
      if (FULLY_CHECKED.contains(image.file())) {
        Reconcile.wholeTrace(network.trace(Tensor.fromHwc(64, 64, 3, image.input())), 5);
        checked++;
      }
    }
    assertEquals(FULLY_CHECKED.size(), checked, "images found in expected.json");
  }

  @Test
  void softmaxBreakdownEqualsTheOriginalsLogitsAndProbabilities() {
    assertEquals(20, images.size());
    for (Recorded image : images) {
      ActivationTrace trace = network.trace(Tensor.fromHwc(64, 64, 3, image.input()));
      SoftmaxBreakdown s = SoftmaxBreakdown.of(trace);
      int output = network.indexOf("output").getAsInt();
      for (int c = 0; c < s.size(); c++) {
        String at = image.file() + " class " + c;
        // the original recomputes logits in double; ours come from the float forward pass
        Reconcile.assertClose(image.logits()[c], s.logits().at(c), at + " logit");
        Reconcile.assertClose(image.probabilities()[c], s.probability(c), at + " probability");
        // the flatten view's breakdown of the selected class gives the same logit
        DenseBreakdown d = DenseBreakdown.of(trace, output, c);
        Reconcile.assertClose(image.logits()[c], d.preActivation(), at + " dense breakdown");
      }
    }
  }

  private static List<Recorded> read(Path expected) throws IOException {
    List<Recorded> out = new ArrayList<>();
    try (JsonReader r = new JsonReader(Files.newBufferedReader(expected, StandardCharsets.UTF_8))) {
      r.beginObject();
      while (r.hasNext()) {
        if (!r.nextName().equals("images")) {
          r.skipValue();
          continue;
        }
        r.beginArray();
        while (r.hasNext()) {
          out.add(image(r));
        }
        r.endArray();
      }
      r.endObject();
    }
    return out;
  }

  private static Recorded image(JsonReader r) throws IOException {
    String file = null;
    float[] input = null;
    float[] probabilities = null;
    double[] logits = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "file" -> file = r.nextString();
        case "probabilities" -> probabilities = floats(r);
        case "logitsFloat64" -> {
          List<Double> values = new ArrayList<>();
          r.beginArray();
          while (r.hasNext()) {
            values.add(r.nextDouble());
          }
          r.endArray();
          logits = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        case "input" -> {
          r.beginObject();
          while (r.hasNext()) {
            if (r.nextName().equals("data")) {
              input = floats(r);
            } else {
              r.skipValue();
            }
          }
          r.endObject();
        }
        default -> r.skipValue();
      }
    }
    r.endObject();
    return new Recorded(file, input, probabilities, logits);
  }

  private static float[] floats(JsonReader r) throws IOException {
    List<Float> values = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      values.add(Float.parseFloat(r.nextString()));
    }
    r.endArray();
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
