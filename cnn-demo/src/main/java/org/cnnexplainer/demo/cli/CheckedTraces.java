package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.image.ImageInput;
import org.cnnexplainer.core.tfjs.InvalidModelException;
import org.cnnexplainer.demo.io.TerminalText;

/**
 * Traces for the commands, refused when a layer's output holds NaN or infinity: finite weights can
 * still overflow, and "NaN %" or a class picked from NaNs is a false result.
 */
final class CheckedTraces {
  private CheckedTraces() {}

  /** The trace of {@code image} (a file) through {@code network}, loaded from {@code model}. */
  static ActivationTrace ofImage(Network network, Path model, Path image) throws IOException {
    ActivationTrace trace = network.trace(ImageInput.fromFile(image, network.inputShape()));
    requireFinite(trace, model, image);
    return trace;
  }

  /** The trace of an input tensor (e.g. random pixels) called {@code inputName} in messages. */
  static ActivationTrace of(Network network, Path model, Tensor input, String inputName)
      throws InvalidModelException {
    ActivationTrace trace = network.trace(input);
    requireFinite(trace, model, inputName);
    return trace;
  }

  /**
   * Refuses a trace with NaN or infinite values, naming the model, the first such layer and the
   * input.
   */
  static void requireFinite(ActivationTrace trace, Object model, Object input)
      throws InvalidModelException {
    OptionalInt layer = trace.firstNonFiniteLayer();
    if (layer.isPresent()) {
      int index = layer.getAsInt();
      throw new InvalidModelException(
          TerminalText.escape(model)
              + ": model produced non-finite values at layer "
              + index
              + " ("
              + TerminalText.escape(trace.network().layer(index).name())
              + ") for "
              + TerminalText.escape(input)
              + "; its weights overflow the float range");
    }
  }
}
