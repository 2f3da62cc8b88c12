package org.cnnexplainer.demo.app;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.TraceJson;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.viz.overview.OverviewImages;

/**
 * Writes the current view as PNG (at twice the screen size, so it stays sharp when printed) or SVG
 * (vector, through {@link SvgGraphics}), and the current trace as JSON ({@link TraceJson}, the
 * {@code trace} command's format). Call on the event thread; the component paints itself as it does
 * on screen. Files are written by {@link OutputFile}: whole or not at all, never onto a device,
 * folder or other non-regular file.
 */
final class Exporter {
  static final int PNG_SCALE = 2;

  private Exporter() {}

  static void png(JComponent view, Path file) throws IOException {
    OutputFile target = OutputFile.of(file);
    int w = Math.max(1, view.getWidth());
    int h = Math.max(1, view.getHeight());
    if ((long) w * h * PNG_SCALE * PNG_SCALE > OverviewImages.MAX_PIXELS) {
      throw new IOException(
          "the view is "
              + w * PNG_SCALE
              + "x"
              + h * PNG_SCALE
              + " pixels at twice the screen size, more than the "
              + OverviewImages.MAX_PIXELS
              + " a picture may have; export it as SVG");
    }
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
    target.write(
        out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available for " + file);
          }
        });
  }

  static void svg(JComponent view, Path file) throws IOException {
    OutputFile target = OutputFile.of(file);
    SvgGraphics g = new SvgGraphics(Math.max(1, view.getWidth()), Math.max(1, view.getHeight()));
    // The overview caches edges and labels as a bitmap for screen speed, but draws them directly
    // under a non-scaling transform (as when printing); a negligible shear keeps them vector here.
    // TODO(viz): replace with an explicit "vector output" hint once cnn-viz-swing offers one.
    g.shear(1e-9, 0);
    view.printAll(g);
    String document = g.svgDocument();
    target.write(out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
  }

  static void traceJson(ActivationTrace trace, String imageName, Path file) throws IOException {
    OutputFile.of(file)
        .write(
            out -> {
              Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
              TraceJson.write(trace, imageName, writer);
              writer.close();
            });
  }
}
