package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.FixtureJson;
import org.cnnexplainer.core.FixtureJson.ImageCase;
import org.cnnexplainer.core.FixtureJson.Original;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original CNN Explainer model and its 20 example images: our JPEG decoding equals the bytes
 * the browser sees, and every layer equals what TF.js computed from them.
 */
class CnnExplainerFixtureTest {
  private static Path dir;
  private static Original expected; // 40 MB of JSON, parsed once for the class
  private static Network network;

  @BeforeAll
  static void load() throws IOException {
    dir = SharedFixtures.require("fixtures/cnn-explainer");
    expected = FixtureJson.original(dir.resolve("expected.json"));
    // Labels are not shipped beside the fixture; the test supplies the recorded class names.
    network = TfjsModel.load(dir.resolve("model.json")).withClassLabels(expected.classes());
  }

  @Test
  void modelHasTheOriginalLayout() {
    assertEquals(Shape.image(3, 64, 64), network.inputShape());
    assertEquals(12, network.layers().size());
    assertEquals("conv_1_1", network.layer(0).name());
    assertEquals("output", network.layer(11).name());
    assertEquals(List.of("lifeboat", "ladybug"), network.classLabels().subList(0, 2));
    assertEquals(20, expected.images().size());
  }

  @Test
  void decodingEveryJpegGivesTheBrowsersBytes() throws IOException {
    for (ImageCase image : expected.images()) {
      Tensor input = ImageInput.fromFile(dir.resolve(image.file()), network.inputShape());
      float[] hwc = input.toHwcArray();
      for (int i = 0; i < hwc.length; i++) {
        float want = (float) (image.rgb()[i] / 255.0);
        if (hwc[i] != want) {
          throw new AssertionError(
              image.file()
                  + " value "
                  + i
                  + ": expected "
                  + want
                  + " (rgb "
                  + image.rgb()[i]
                  + "), got "
                  + hwc[i]
                  + " ("
                  + hwc[i] * 255
                  + ")");
        }
      }
    }
  }

  @Test
  void everyLayerAndPredictionMatchesTfjs() throws IOException {
    for (ImageCase image : expected.images()) {
      Tensor input = ImageInput.fromFile(dir.resolve(image.file()), network.inputShape());
      ActivationTrace trace = network.trace(input);
      for (int i = 0; i < image.layers().size(); i++) {
        FixtureJson.LayerOutput layer = image.layers().get(i);
        assertEquals(layer.name(), network.layer(i).name());
        FixtureJson.assertClose(
            image.file() + " layer '" + layer.name() + "'",
            layer.data(),
            trace.output(i).toHwcArray());
      }
      assertEquals(image.predicted(), trace.predicted().index(), image.file() + " predicted class");
      assertEquals(
          expected.classes().get(image.predicted()),
          trace.predicted().label(),
          image.file() + " label");
    }
  }
}
