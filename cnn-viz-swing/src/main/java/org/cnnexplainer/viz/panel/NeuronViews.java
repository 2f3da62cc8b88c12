package org.cnnexplainer.viz.panel;

import java.util.Objects;
import java.util.Optional;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.ops.ActivationFormulaView;
import org.cnnexplainer.viz.ops.ConvolutionElasticView;
import org.cnnexplainer.viz.ops.FlattenView;
import org.cnnexplainer.viz.ops.OperationView;
import org.cnnexplainer.viz.ops.PoolingFormulaView;
import org.cnnexplainer.viz.ops.StateView;
import org.cnnexplainer.viz.ops.SteppingView;

/**
 * The operation view that explains a neuron, as a click on it in the {@link ExplainerPanel} opens:
 * for embedding one view in an own window without rebuilding the panel's choice.
 *
 * <ul>
 *   <li>a Conv2D neuron: the {@link ConvolutionElasticView} of its filter;
 *   <li>a pooling neuron: the {@link PoolingFormulaView} of its channel;
 *   <li>a neuron of an element-wise activation layer with an image output (such as ReLU): the
 *       {@link ActivationFormulaView} of its channel;
 *   <li>a unit of the last layer when it is Dense (a class): the {@link FlattenView} of that class;
 *   <li>anything else (input channels, Flatten, hidden Dense layers): none.
 * </ul>
 *
 * The view shows the state's current trace, also of a network with the same layers (such as the
 * same model with edited weights or other class labels), and goes blank once the state switches to
 * a network with other layers (see {@link StateView#isAttached()} and {@link
 * SteppingView#isAttached()}).
 */
public final class NeuronViews {
  private NeuronViews() {}

  /**
   * The view explaining {@code neuron} of {@code state}'s network, or empty when it has none. Call
   * on the event thread.
   *
   * @param state the shared state, with a network
   * @param neuron a neuron of that network
   * @return a new view, not yet in a container
   * @throws IllegalStateException if the state has no network
   * @throws IllegalArgumentException if the neuron is outside the network
   */
  public static Optional<OperationView> create(ExplainerState state, NeuronRef neuron) {
    Objects.requireNonNull(neuron, "neuron");
    Network network =
        state.network().orElseThrow(() -> new IllegalStateException("the state has no network"));
    if (neuron.layer() >= network.layers().size()) {
      throw new IllegalArgumentException(
          "layer "
              + neuron.layer()
              + " does not exist: network '"
              + network.name()
              + "' has layers 0 to "
              + (network.layers().size() - 1));
    }
    int layer = neuron.layer();
    int unit = neuron.neuron();
    OperationView view =
        switch (ViewStack.modeFor(network, neuron)) {
          case ELASTIC -> new ConvolutionElasticView(state, layer, unit);
          case FLATTEN -> new FlattenView(state, unit);
          case ACT_POOL ->
              network.layer(layer) instanceof Pooling2D
                  ? new PoolingFormulaView(state, layer, unit)
                  : new ActivationFormulaView(state, layer, unit);
          default -> null;
        };
    return Optional.ofNullable(view);
  }
}
