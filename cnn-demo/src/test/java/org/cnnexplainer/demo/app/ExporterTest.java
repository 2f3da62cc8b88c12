package org.cnnexplainer.demo.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.SavedTrace;
import org.cnnexplainer.core.TraceJson;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export of the overview as PNG and SVG and of the trace as JSON, headless. */
class ExporterTest {
  @Test
  void pngSvgAndJsonHoldTheView(@TempDir Path dir) throws Exception {
    Network network = SeededModel.network(11);
    ActivationTrace trace =
        network.trace(ImageInput.fromImage(SeededModel.image(4), network.inputShape()));
    Path png = dir.resolve("view.png");
    Path svg = dir.resolve("view.svg");
    Path json = dir.resolve("trace.json");
    String[] prediction = new String[1];
    SwingUtilities.invokeAndWait(
        () -> {
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(network);
          state.setTrace(trace);
          prediction[0] = StatusBar.predictionOf(state);
          NetworkOverview overview = new NetworkOverview(state);
          overview.addNotify();
          overview.setSize(1000, 600);
          overview.validate();
          try {
            Exporter.png(overview, png);
            Exporter.svg(overview, svg);
            Exporter.traceJson(trace, "blob.png", json);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1000 * Exporter.PNG_SCALE, image.getWidth());
    assertEquals(600 * Exporter.PNG_SCALE, image.getHeight());
    String svgText = Files.readString(svg);
    assertTrue(svgText.startsWith("<svg") || svgText.contains("<svg "), "an SVG document");
    // well-formed XML: the JDK's parser reads it, and the layer labels are text elements
    org.w3c.dom.Document parsed = SvgGraphicsTest.parse(svgText);
    assertEquals("svg", parsed.getDocumentElement().getLocalName());
    assertTrue(
        SvgGraphicsTest.elements(parsed, "text").stream()
            .anyMatch(t -> t.getTextContent().startsWith("conv")),
        "a layer label as <text>");
    assertTrue(svgText.contains(">conv"), "layer labels are SVG text, not a bitmap");
    assertTrue(svgText.contains("<path") || svgText.contains("<line"), "edges are vector shapes");
    JsonObject written = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertEquals("blob.png", written.get("image").getAsString());
    assertEquals(network.layers().size(), written.getAsJsonArray("layers").size());
    String label = trace.predicted().label();
    assertEquals(label, written.getAsJsonObject("predicted").get("label").getAsString());
    // the app's export reads back through the core's format class, value for value
    SavedTrace back;
    try (java.io.Reader in = Files.newBufferedReader(json)) {
      back = TraceJson.read(in, network);
    }
    assertEquals("blob.png", back.inputName());
    for (int i = 0; i < trace.size(); i++) {
      assertArrayEquals(trace.output(i).toArray(), back.trace().output(i).toArray(), "layer " + i);
    }
    assertTrue(prediction[0].startsWith("Prediction: " + label + " ("), prediction[0]);
  }
}
