package org.cnnexplainer.demo.cli;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.overview.OverviewImages;
import org.cnnexplainer.viz.overview.OverviewKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: paints a view of a model (and optionally an image) into a PNG, headless. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Paints a view into a PNG without a window (for slides, documents and checks).",
      "Without --image only the network's structure is drawn."
    })
public final class RenderCommand implements Callable<Integer> {
  /** Views the command can paint. */
  public enum View {
    overview
  }

  /** Colour themes of the picture. */
  public enum Theme {
    light,
    dark
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin ModelOption model;

  @Option(
      names = {"-i", "--image"},
      paramLabel = "IMAGE",
      description = "Input image; its activations are drawn.")
  Path image;

  @Option(
      names = "--view",
      defaultValue = "overview",
      paramLabel = "VIEW",
      description = "What to paint: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  View view;

  @Option(
      names = "--size",
      defaultValue = "1600x900",
      paramLabel = "WxH",
      description =
          "Picture size in pixels (default: ${DEFAULT-VALUE}); grows if the network needs more.")
  String size;

  @Option(
      names = "--theme",
      defaultValue = "light",
      paramLabel = "THEME",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Theme theme;

  @Option(
      names = "--range",
      defaultValue = "unit",
      paramLabel = "RANGE",
      description =
          "Colour range of the heat-maps: unit (per conv layer), module (up to each pooling"
              + " layer) or global (default: ${DEFAULT-VALUE}).")
  String range;

  @Option(
      names = "--colorblind",
      description = "Orange-purple instead of red-blue heat-maps (safe for colour-blind readers).")
  boolean colorBlind;

  @Option(names = "--crisp", description = "Show heat-map cells as sharp squares (not smoothed).")
  boolean crisp;

  @Option(names = "--no-detail", description = "Short layer labels, no legends.")
  boolean noDetail;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "The PNG to write.")
  Path out;

  @Override
  public Integer call() throws IOException {
    int[] wh = parseSize();
    RangeMode mode = parseRange();
    System.setProperty("java.awt.headless", "true");
    Network network = model.load();
    ActivationTrace trace =
        image == null ? null : network.trace(ImageInput.fromFile(image, network.inputShape()));
    BufferedImage picture = paint(network, trace, mode, wh[0], wh[1]);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(picture, "png", out.toFile())) {
      throw new IOException(out + ": no PNG writer available");
    }
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "wrote %s (%dx%d, %s)%n",
            out,
            picture.getWidth(),
            picture.getHeight(),
            view);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private BufferedImage paint(
      Network network, ActivationTrace trace, RangeMode mode, int width, int height) {
    AtomicReference<BufferedImage> result = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            Object oldBackground = UIManager.get(OverviewKeys.BACKGROUND);
            Object oldForeground = UIManager.get(OverviewKeys.FOREGROUND);
            applyTheme();
            try {
              result.set(paintOnEdt(network, trace, mode, width, height));
            } finally {
              UIManager.put(OverviewKeys.BACKGROUND, oldBackground);
              UIManager.put(OverviewKeys.FOREGROUND, oldForeground);
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering", e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException re
          ? re
          : new IllegalStateException(e.getCause());
    }
    return result.get();
  }

  private BufferedImage paintOnEdt(
      Network network, ActivationTrace trace, RangeMode mode, int width, int height) {
    ExplainerState state = new ExplainerState(Runnable::run);
    state.batch(
        () -> {
          state.setNetwork(network);
          if (trace != null) {
            state.setTrace(trace);
          }
          state.setRangeMode(mode);
          state.setDetail(!noDetail);
          state.setPalette(colorBlind ? Palette.COLOR_BLIND_SAFE : Palette.CLASSIC);
        });
    NetworkOverview overview = new NetworkOverview(state);
    overview.putClientProperty(OverviewKeys.CRISP_PIXELS, crisp);
    return OverviewImages.render(overview, width, height);
  }

  /** The original's white page for light; a dark grey page with light text for dark. */
  private void applyTheme() {
    boolean dark = theme == Theme.dark;
    UIManager.put(OverviewKeys.BACKGROUND, dark ? new Color(0x1e1f22) : Color.WHITE);
    UIManager.put(OverviewKeys.FOREGROUND, dark ? new Color(0xdfe1e5) : new Color(0x1e1e1e));
  }

  private int[] parseSize() {
    String[] parts = size.toLowerCase(Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        int w = Integer.parseInt(parts[0].trim());
        int h = Integer.parseInt(parts[1].trim());
        if (w >= 100 && h >= 100 && w <= 16384 && h <= 16384) {
          return new int[] {w, h};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "--size must be WIDTHxHEIGHT with each between 100 and 16384, e.g. 1600x900; got '"
            + size
            + "'");
  }

  private RangeMode parseRange() {
    try {
      return RangeMode.valueOf(range.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--range must be unit, module or global; got '" + range + "'");
    }
  }
}
