package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.FixtureJson;
import org.cnnexplainer.core.FixtureJson.Case;
import org.cnnexplainer.core.FixtureJson.Input;
import org.cnnexplainer.core.FixtureJson.LayerOutput;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.testsupport.SharedFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every layer of the four TF.js-made fixtures matches what real TF.js computed. */
class TfjsFixtureTest {

  @ParameterizedTest
  @ValueSource(strings = {"tiny-vgg-random", "varied", "functional-chain", "grayscale-28"})
  void everyLayerMatchesTfjs(String fixture) throws IOException {
    Path dir = SharedFixtures.require("fixtures/tfjs/" + fixture);
    Network network = TfjsModel.load(dir.resolve("model.json"));
    List<Input> inputs = FixtureJson.inputs(dir.resolve("inputs.json"));
    List<Case> cases = FixtureJson.cases(dir.resolve("expected.json"));
    assertEquals(3, cases.size(), "cases in " + fixture);
    for (Case c : cases) {
      Input in = inputs.get(c.input());
      int[] s = in.shape();
      ActivationTrace trace = network.trace(Tensor.fromHwc(s[0], s[1], s[2], in.data()));
      assertEquals(c.layers().size(), network.layers().size(), fixture + " layer count");
      for (int i = 0; i < c.layers().size(); i++) {
        LayerOutput expected = c.layers().get(i);
        String what =
            fixture + " input " + c.input() + " layer " + i + " '" + expected.name() + "'";
        assertEquals(expected.name(), network.layer(i).name(), what + " name");
        assertEquals(expected.className(), network.layer(i).kind(), what + " class");
        assertArrayEquals(expected.shape(), network.outputShape(i).toTfjsOrder(), what + " shape");
        FixtureJson.assertClose(what, expected.data(), trace.output(i).toHwcArray());
      }
      assertEquals(
          c.argmax(), trace.output(network.layers().size() - 1).argmax(), fixture + " argmax");
    }
  }
}
