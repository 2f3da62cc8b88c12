package org.cnnexplainer.demo.cli;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.ops.ConvGeometry;
import org.cnnexplainer.viz.ops.HyperparameterPlayground;
import org.cnnexplainer.viz.panel.ExplainerPanel;

/**
 * Paints what a learner sees with one view open for {@code render} (on the event thread): the
 * {@link ExplainerPanel} — the overview unfolded around the neuron, with its elastic view or
 * formula card — at exactly the size asked for, in the open view's final state (animations run to
 * their end) or at the animation frame asked for.
 */
final class OperationViewRender {
  /**
   * What to show.
   *
   * @param layer the layer name, or null for the first layer that has this view
   * @param neuron the neuron (channel or class), or -1 for 0 (the predicted class for flatten and
   *     softmax)
   * @param channel the input channel of the convolution formula view
   * @param row the output row of a formula view
   * @param column the output column of a formula view
   * @param fraction the frame of the view's own animation, in [0, 1]: the sliding window of the
   *     convolution view, the terms of the softmax card, the unfolding of the flatten view
   * @param geometry the playground's settings
   * @param crisp whether heat-map cells are drawn as sharp squares
   */
  record Request(
      String layer,
      int neuron,
      int channel,
      int row,
      int column,
      double fraction,
      ConvGeometry geometry,
      boolean crisp) {}

  private OperationViewRender() {}

  /**
   * {@code view} of {@code state} for {@code request}, painted at exactly {@code width x height}.
   */
  static BufferedImage paint(
      RenderCommand.View view, ExplainerState state, Request request, int width, int height) {
    JComponent component =
        view == RenderCommand.View.hyperparameters
            ? playground(request)
            : panel(view, state, request);
    component.addNotify();
    try {
      if (component instanceof ExplainerPanel panel) {
        open(view, state, panel, request);
      }
      // A network that needs more room than the picture is laid out at its minimum and scaled.
      Dimension min = component.getMinimumSize();
      if (component instanceof ExplainerPanel panel) {
        min = panel.overview().getMinimumSize();
      }
      int w = Math.max(width, min.width);
      int h = Math.max(height, min.height);
      component.setSize(w, h);
      component.validate();
      component.doLayout();
      if (component instanceof ExplainerPanel panel) {
        settle(view, panel, request);
        component.validate();
      }
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      try {
        g.setColor(background());
        g.fillRect(0, 0, width, height);
        if (w != width || h != height) {
          double scale = Math.min((double) width / w, (double) height / h);
          g.setRenderingHint(
              RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
          g.scale(scale, scale);
        }
        component.printAll(g);
      } finally {
        g.dispose();
      }
      return image;
    } finally {
      component.removeNotify();
    }
  }

  private static Color background() {
    Color c = javax.swing.UIManager.getColor(VizKeys.BACKGROUND);
    return c == null ? Color.WHITE : c;
  }

  private static ExplainerPanel panel(
      RenderCommand.View view, ExplainerState state, Request request) {
    ExplainerPanel panel = new ExplainerPanel(state);
    panel.overview().putClientProperty(VizKeys.CRISP_PIXELS, request.crisp());
    return panel;
  }

  private static HyperparameterPlayground playground(Request r) {
    HyperparameterPlayground playground = new HyperparameterPlayground();
    playground.setGeometry(r.geometry());
    playground.setPlaying(false);
    if (r.geometry().isValid()) {
      int m = r.geometry().outputSize();
      playground.setWindowPosition(
          new Position(Math.min(r.row(), m - 1), Math.min(r.column(), m - 1)));
    }
    return playground;
  }

  /** Selects the neuron (and channel or softmax) so the panel opens the view. */
  private static void open(
      RenderCommand.View view, ExplainerState state, ExplainerPanel panel, Request r) {
    Network network = state.network().orElseThrow();
    int neuron = Math.max(r.neuron(), 0);
    NeuronRef target =
        switch (view) {
          case overview -> null;
          case conv, conv_formula -> new NeuronRef(layer(network, r.layer(), Conv2D.class), neuron);
          case activation ->
              new NeuronRef(layer(network, r.layer(), ActivationLayer.class), neuron);
          case pool -> new NeuronRef(layer(network, r.layer(), Pooling2D.class), neuron);
          case flatten, softmax -> new NeuronRef(network.layers().size() - 1, classIndex(state, r));
          case hyperparameters, curves, confusion ->
              throw new IllegalStateException("not a panel view");
        };
    if (target == null) {
      return;
    }
    int size =
        network.outputShape(target.layer()).isImage()
            ? network.outputShape(target.layer()).channels()
            : network.outputShape(target.layer()).size();
    if (target.neuron() >= size) {
      throw new IllegalArgumentException(
          "neuron "
              + target.neuron()
              + " out of range: layer '"
              + network.layer(target.layer()).name()
              + "' has "
              + size);
    }
    state.setSelection(Selection.of(target));
    if (view == RenderCommand.View.conv_formula) {
      Conv2D conv = (Conv2D) network.layer(target.layer());
      if (r.channel() < 0 || r.channel() >= conv.inputChannels()) {
        throw new IllegalArgumentException(
            "channel "
                + r.channel()
                + " out of range: "
                + conv.name()
                + " has "
                + conv.inputChannels()
                + " input channels");
      }
      panel.viewStack().clickChannel(r.channel());
    } else if (view == RenderCommand.View.softmax) {
      panel.viewStack().clickSoftmax();
    }
  }

  /** Puts the open view at the asked frame or position once it is laid out. */
  private static void settle(RenderCommand.View view, ExplainerPanel panel, Request r) {
    panel.outerView().ifPresent(v -> v.setFraction(r.fraction()));
    panel
        .card()
        .ifPresent(
            card -> {
              card.setPlaying(false);
              card.setFraction(r.fraction());
              card.setWindowPosition(new Position(r.row(), r.column()));
            });
  }

  private static int classIndex(ExplainerState state, Request r) {
    return r.neuron() >= 0 ? r.neuron() : state.trace().orElseThrow().predicted().index();
  }

  /** The index of layer {@code name} (which must be a {@code kind}), or the first {@code kind}. */
  static int layer(Network network, String name, Class<? extends Layer> kind) {
    if (name != null) {
      int index = network.indexOf(name).orElse(-1);
      if (index < 0) {
        throw new IllegalArgumentException(
            "network '"
                + network.name()
                + "' has no layer named '"
                + name
                + "'; its layers are "
                + network.layers().stream().map(Layer::name).toList());
      }
      if (!kind.isInstance(network.layer(index))) {
        throw new IllegalArgumentException(
            "layer '"
                + name
                + "' is "
                + network.layer(index)
                + ", expected a "
                + kind.getSimpleName());
      }
      return index;
    }
    for (int i = 0; i < network.layers().size(); i++) {
      if (kind.isInstance(network.layer(i))) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "network '" + network.name() + "' has no " + kind.getSimpleName() + " layer");
  }
}
