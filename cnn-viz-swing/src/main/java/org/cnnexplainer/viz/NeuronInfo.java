package org.cnnexplainer.viz;

import java.util.Locale;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;

/** Builds the one-line hover text of a neuron from the trace's own values (nothing recomputed). */
final class NeuronInfo {
  private NeuronInfo() {}

  static String describe(Network network, ActivationTrace trace, Selection target) {
    if (network == null) {
      return "";
    }
    NeuronRef ref = target.neuron();
    StringBuilder text = new StringBuilder();
    if (ref.isInput()) {
      text.append("input · ").append(channelName(network.inputShape().channels(), ref.neuron()));
      if (trace != null && target.cell().isPresent()) {
        text.append(" · pixel value ").append(cellValue(trace.input(), ref.neuron(), target));
      }
      return text.toString();
    }
    Layer layer = network.layer(ref.layer());
    boolean last = ref.layer() == network.layers().size() - 1;
    if (last && !network.outputShape().isImage()) {
      text.append(network.classLabels().get(ref.neuron()));
      if (trace != null) {
        text.append(" · output value ").append(format(trace.probabilities().at(ref.neuron())));
        trace.logits().ifPresent(l -> text.append(" · logit ").append(format(l.at(ref.neuron()))));
      }
      return text.toString();
    }
    text.append(layer.name());
    Shape shape = network.outputShape(ref.layer());
    text.append(shape.isImage() ? " · channel " : " · unit ").append(ref.neuron());
    if (layer instanceof Conv2D conv) {
      text.append(" · ")
          .append(conv.kernelHeight())
          .append('×')
          .append(conv.kernelWidth())
          .append('×')
          .append(conv.inputChannels())
          .append(" kernel");
      if (conv.inputChannels() == 1) {
        text.append(" · kernel weights ").append(kernel(conv, ref.neuron()));
      }
      if (conv.useBias()) {
        text.append(" · bias ").append(format(conv.bias().at(ref.neuron())));
      }
    } else if (layer instanceof Dense dense && dense.useBias()) {
      text.append(" · bias ").append(format(dense.bias().at(ref.neuron())));
    }
    if (trace != null) {
      Tensor out = trace.output(ref.layer());
      if (!shape.isImage()) {
        text.append(" · output value ").append(format(out.at(ref.neuron())));
      } else if (target.cell().isPresent()) {
        text.append(" · output value ").append(cellValue(out, ref.neuron(), target));
      }
    }
    return text.toString();
  }

  /**
   * The original's notation: rows separated by ";", 2 decimals, e.g. {@code [0.12, -0.40; ...]}.
   */
  private static String kernel(Conv2D conv, int filter) {
    StringBuilder s = new StringBuilder("[");
    for (int y = 0; y < conv.kernelHeight(); y++) {
      for (int x = 0; x < conv.kernelWidth(); x++) {
        s.append(x == 0 ? (y == 0 ? "" : "; ") : ", ");
        s.append(String.format(Locale.ROOT, "%.2f", conv.weight(filter, 0, y, x)));
      }
    }
    return s.append(']').toString();
  }

  private static String cellValue(Tensor map, int channel, Selection target) {
    Position p = target.cell().orElseThrow();
    return "at ("
        + p.row()
        + ", "
        + p.column()
        + "): "
        + format(map.get(channel, p.row(), p.column()));
  }

  /** "Red channel", "Green", "Blue" as the original's captions; otherwise "channel k". */
  static String channelName(int channels, int channel) {
    if (channels == 3) {
      return switch (channel) {
        case 0 -> "red channel";
        case 1 -> "green channel";
        default -> "blue channel";
      };
    }
    return channels == 1 ? "grey channel" : "channel " + channel;
  }

  private static String format(float value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
