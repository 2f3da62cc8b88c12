package org.cnnexplainer.demo.cli;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.ops.ActivationFormulaView;
import org.cnnexplainer.viz.ops.ConvGeometry;
import org.cnnexplainer.viz.ops.ConvolutionElasticView;
import org.cnnexplainer.viz.ops.ConvolutionFormulaView;
import org.cnnexplainer.viz.ops.FlattenView;
import org.cnnexplainer.viz.ops.HyperparameterPlayground;
import org.cnnexplainer.viz.ops.PoolingFormulaView;
import org.cnnexplainer.viz.ops.SoftmaxView;
import org.cnnexplainer.viz.ops.SteppingView;

/**
 * Builds and paints one operation view for {@code render} (on the event thread), in the state the
 * app shows: the same component, at its preferred size.
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
   * @param fraction the animation frame of the elastic and softmax views, in [0, 1]
   * @param geometry the playground's settings
   */
  record Request(
      String layer,
      int neuron,
      int channel,
      int row,
      int column,
      double fraction,
      ConvGeometry geometry) {}

  private OperationViewRender() {}

  /** The view {@code view} of {@code state} for {@code request}, painted at its preferred size. */
  static BufferedImage paint(RenderCommand.View view, ExplainerState state, Request request) {
    JComponent component = build(view, state, request);
    Dimension size = component.getPreferredSize();
    if ((long) size.width * size.height > Limits.MAX_PICTURE_PIXELS) {
      throw new IllegalArgumentException(
          "the "
              + view.optionName()
              + " view of this layer needs "
              + size.width
              + "x"
              + size.height
              + " pixels, more than the "
              + Limits.MAX_PICTURE_PIXELS
              + " a picture may have");
    }
    component.addNotify(); // starts animations: with animation off they jump to the final frame
    if (component instanceof ConvolutionElasticView elastic) {
      elastic.setFraction(request.fraction());
    } else if (component instanceof SoftmaxView softmax) {
      softmax.setFraction(request.fraction());
    } else if (component instanceof SteppingView stepping) {
      stepping.setPlaying(false);
      stepping.setPosition(request.row(), request.column());
    }
    component.setSize(size);
    component.validate();
    BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    component.printAll(g);
    g.dispose();
    component.removeNotify();
    return image;
  }

  private static JComponent build(RenderCommand.View view, ExplainerState state, Request r) {
    Network network = state.network();
    int neuron = Math.max(r.neuron(), 0);
    return switch (view) {
      case conv ->
          new ConvolutionElasticView(state, layer(network, r.layer(), Conv2D.class), neuron);
      case conv_formula ->
          new ConvolutionFormulaView(
              state, layer(network, r.layer(), Conv2D.class), neuron, r.channel());
      case activation ->
          new ActivationFormulaView(
              state, layer(network, r.layer(), ActivationLayer.class), neuron);
      case pool ->
          new PoolingFormulaView(state, layer(network, r.layer(), Pooling2D.class), neuron);
      case flatten -> new FlattenView(state, classIndex(state, r));
      case softmax -> new SoftmaxView(state, classIndex(state, r));
      case hyperparameters -> {
        HyperparameterPlayground playground = new HyperparameterPlayground();
        playground.setGeometry(r.geometry());
        playground.setPlaying(false);
        if (r.geometry().isValid()) {
          int m = r.geometry().outputSize();
          playground.setPosition(Math.min(r.row(), m - 1), Math.min(r.column(), m - 1));
        }
        playground.setSize(780, 460);
        playground.setPreferredSize(new Dimension(780, 460));
        yield playground;
      }
      case overview -> throw new IllegalArgumentException("the overview is not an operation view");
    };
  }

  private static int classIndex(ExplainerState state, Request r) {
    return r.neuron() >= 0 ? r.neuron() : state.trace().predicted().index();
  }

  /** The index of layer {@code name} (which must be a {@code kind}), or the first {@code kind}. */
  static int layer(Network network, String name, Class<? extends Layer> kind) {
    if (name != null) {
      int index = network.indexOf(name);
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
