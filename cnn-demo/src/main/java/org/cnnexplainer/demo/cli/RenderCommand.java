package org.cnnexplainer.demo.cli;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.demo.io.OutputFile;
import org.cnnexplainer.demo.io.TerminalText;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;
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
    overview,
    conv,
    conv_formula,
    activation,
    pool,
    flatten,
    softmax,
    hyperparameters,
    curves,
    confusion;

    /** The option spelling, e.g. {@code conv-formula}. */
    String optionName() {
      return name().replace('_', '-');
    }
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
      converter = ViewConverter.class,
      description =
          "What to paint: overview, conv, conv-formula, activation, pool, flatten, softmax,"
              + " hyperparameters, curves (a trained model's training curves, from its"
              + " training.json) or confusion (its confusion matrix on --data) (default:"
              + " ${DEFAULT-VALUE}). conv to softmax need --image.")
  View view;

  @Option(
      names = "--data",
      paramLabel = "DATA",
      description =
          "For --view confusion: fashion-mnist (its 10,000 test images) or a folder with one"
              + " sub-folder of images per class.")
  String data;

  @Option(
      names = "--fashion-mnist-dir",
      paramLabel = "DIR",
      description = "Fashion-MNIST folder (default: $CNN_FASHION_MNIST_DIR or Debian's).")
  Path fashionDir;

  @Option(
      names = "--layer",
      paramLabel = "NAME",
      description = "Layer of the operation view (default: the first layer with that view).")
  String layer;

  @Option(
      names = "--neuron",
      defaultValue = "-1",
      paramLabel = "N",
      description =
          "Neuron (channel) of the operation view; the class for flatten and softmax"
              + " (default: 0, or the predicted class).")
  int neuron;

  @Option(
      names = "--channel",
      defaultValue = "0",
      paramLabel = "C",
      description = "Input channel of conv-formula (default: ${DEFAULT-VALUE}).")
  int channel;

  @Option(
      names = "--position",
      defaultValue = "0,0",
      paramLabel = "ROW,COL",
      description = "Output cell of a formula view or the playground (default: ${DEFAULT-VALUE}).")
  String position;

  @Option(
      names = "--fraction",
      defaultValue = "1",
      paramLabel = "F",
      description =
          "Frame of the view's animation, 0 to 1: the sliding window of conv, the terms of"
              + " softmax (default: ${DEFAULT-VALUE}).")
  double fraction;

  @Option(
      names = "--playground",
      defaultValue = "5,0,2,1",
      paramLabel = "N,P,K,S",
      description =
          "Hyperparameters: input size, padding, kernel size, stride (default: ${DEFAULT-VALUE}).")
  String playground;

  /** Reads {@code conv-formula} as well as {@code conv_formula}. */
  static final class ViewConverter implements CommandLine.ITypeConverter<View> {
    @Override
    public View convert(String value) {
      try {
        return View.valueOf(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'"
                + value
                + "' is not a view; use one of "
                + java.util.Arrays.stream(View.values()).map(View::optionName).toList());
      }
    }
  }

  @Option(
      names = "--size",
      defaultValue = "1600x900",
      paramLabel = "WxH",
      description =
          "Picture size in pixels, exactly (default: ${DEFAULT-VALUE}); a network that needs more"
              + " room is scaled down to fit.")
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
      description = "The PNG to write (- for standard output).")
  Path out;

  @Override
  public Integer call() throws IOException {
    int[] wh = parseSize();
    RangeMode mode = parseRange();
    System.setProperty("java.awt.headless", "true");
    OperationViewRender.Request request = request();
    boolean training = view == View.curves || view == View.confusion;
    if (!training && view != View.overview && view != View.hyperparameters && image == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--view " + view.optionName() + " needs --image");
    }
    OutputFile target = OptionChecks.output(spec, "--out", out);
    OptionChecks.notAnInput(spec, target, model, image);
    BufferedImage picture;
    if (training) {
      picture =
          TrainingViewRender.paint(
              spec, view == View.curves, model, data, fashionDir, target, theme == Theme.dark, wh);
    } else {
      Network network = image == null ? model.load() : model.loadForImages();
      ActivationTrace trace =
          image == null ? null : CheckedTraces.ofImage(network, model.path(), image);
      try {
        picture = paint(network, trace, mode, wh[0], wh[1]);
      } catch (IllegalArgumentException e) {
        // A layer, neuron, channel or position that does not exist in this model.
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    target.write(
        stream -> {
          if (!ImageIO.write(picture, "png", stream)) {
            throw new IOException(out + ": no PNG writer available");
          }
        });
    // With --out - the PNG owns standard output; the summary goes to standard error.
    PrintWriter summary =
        target.isStandardOutput() ? spec.commandLine().getErr() : spec.commandLine().getOut();
    summary.printf(
        Locale.ROOT,
        "wrote %s (%dx%d, %s)%n",
        target.isStandardOutput() ? "standard output" : TerminalText.escape(out),
        picture.getWidth(),
        picture.getHeight(),
        view.optionName());
    summary.flush();
    return 0;
  }

  private BufferedImage paint(
      Network network, ActivationTrace trace, RangeMode mode, int width, int height) {
    return TrainingViewRender.onEdt(
        theme == Theme.dark, () -> paintOnEdt(network, trace, mode, width, height));
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
    return OperationViewRender.paint(view, state, request(), width, height);
  }

  /** The original's white page for light; a dark grey page with light text for dark. */
  static void applyTheme(boolean dark) {
    UIManager.put(VizKeys.BACKGROUND, dark ? new Color(0x1e1f22) : Color.WHITE);
    UIManager.put(VizKeys.FOREGROUND, dark ? new Color(0xdfe1e5) : new Color(0x1e1e1e));
  }

  /** The operation-view options, checked. */
  private OperationViewRender.Request request() {
    int[] cell = ints("--position", position, 2, 0);
    int[] geo = ints("--playground", playground, 4, 0);
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--fraction must be between 0 and 1; got " + fraction);
    }
    org.cnnexplainer.viz.ops.ConvGeometry geometry;
    try {
      geometry = new org.cnnexplainer.viz.ops.ConvGeometry(geo[0], geo[1], geo[2], geo[3]);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--playground: " + e.getMessage());
    }
    return new OperationViewRender.Request(
        layer, neuron, channel, cell[0], cell[1], fraction, geometry, crisp);
  }

  private int[] ints(String option, String text, int count, int min) {
    String[] parts = text.split(",");
    try {
      if (parts.length == count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
          values[i] = Integer.parseInt(parts[i].trim());
          if (values[i] < min) {
            throw new NumberFormatException();
          }
        }
        return values;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        option
            + " must be "
            + count
            + " comma-separated integers >= "
            + min
            + "; got '"
            + text
            + "'");
  }

  private int[] parseSize() {
    String[] parts = size.toLowerCase(Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        int w = Integer.parseInt(parts[0].trim());
        int h = Integer.parseInt(parts[1].trim());
        if (w >= 100 && h >= 100 && w <= 16384 && h <= 16384) {
          OptionChecks.require(
              spec,
              (long) w * h <= Limits.MAX_PICTURE_PIXELS,
              String.format(
                  Locale.ROOT,
                  "--size %dx%d has %,d pixels, more than the limit of %,d (e.g. 8192x4096)",
                  w,
                  h,
                  (long) w * h,
                  Limits.MAX_PICTURE_PIXELS));
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
