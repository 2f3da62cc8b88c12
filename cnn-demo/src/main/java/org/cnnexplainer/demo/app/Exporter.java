package org.cnnexplainer.demo.app;

import com.google.gson.stream.JsonWriter;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.demo.cli.TraceCommand;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes the current view as PNG (at twice the screen size, so it stays sharp when printed) or SVG
 * (vector, through JFreeSVG), and the current trace as JSON in the {@code trace} command's format.
 * Call on the event thread; the component paints itself as it does on screen.
 */
final class Exporter {
  static final int PNG_SCALE = 2;

  private Exporter() {}

  static void png(JComponent view, Path file) throws IOException {
    int w = Math.max(1, view.getWidth());
    int h = Math.max(1, view.getHeight());
    BufferedImage image =
        new BufferedImage(w * PNG_SCALE, h * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.scale(PNG_SCALE, PNG_SCALE);
      view.printAll(g);
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  static void svg(JComponent view, Path file) throws IOException {
    SVGGraphics2D g =
        new SVGGraphics2D(Math.max(1, view.getWidth()), Math.max(1, view.getHeight()));
    // The overview caches edges and labels as a bitmap for screen speed, but draws them directly
    // under a non-scaling transform (as when printing); a negligible shear keeps them vector here.
    // TODO(viz): replace with an explicit "vector output" hint once cnn-viz-swing offers one.
    g.shear(1e-9, 0);
    view.printAll(g);
    Files.writeString(file, g.getSVGDocument(), StandardCharsets.UTF_8);
  }

  static void traceJson(ActivationTrace trace, String imageName, Path file) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      TraceCommand.write(trace, imageName, new JsonWriter(writer));
    }
  }
}
