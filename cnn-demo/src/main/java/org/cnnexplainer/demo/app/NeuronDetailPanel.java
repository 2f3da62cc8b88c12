package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Conv2D;
import org.cnnexplainer.core.Layer;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Pooling2D;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.Selection;
import org.cnnexplainer.viz.color.ColorScale;

/**
 * The view that opens under the overview when a neuron is clicked: its layer, its map enlarged in
 * the overview's colours, its value range and the layer's hyperparameters, with a button that opens
 * the tutorial page of the layer's concept. Esc or ✕ closes it (clears the selection).
 */
final class NeuronDetailPanel extends JPanel {
  private final ExplainerState state;
  private final JLabel title = new JLabel();
  private final JLabel facts = new JLabel();
  private final JButton explain = new JButton();
  private final MapView map = new MapView();
  private Concept concept = Concept.OVERVIEW;

  NeuronDetailPanel(ExplainerState state, Consumer<Concept> onExplain) {
    super(new BorderLayout(12, 4));
    this.state = state;
    setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    getAccessibleContext().setAccessibleName("Neuron view");
    title.putClientProperty("FlatLaf.styleClass", "h3");
    explain.addActionListener(e -> onExplain.accept(concept));
    JButton close = new JButton("✕");
    close.setToolTipText("Close this view (Esc)");
    close.getAccessibleContext().setAccessibleName("Close neuron view");
    close.addActionListener(e -> state.setSelection(null));
    JPanel header = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
    header.add(title);
    header.add(explain);
    header.add(close);
    add(header, BorderLayout.NORTH);
    add(map, BorderLayout.WEST);
    add(facts, BorderLayout.CENTER);
  }

  /** The concept id of the view on show ("convolution", "pooling", ...), for the state dump. */
  String viewKind() {
    return concept.id();
  }

  /** Shows the selected neuron; returns false when there is nothing to show. */
  boolean refresh() {
    Network network = state.network();
    Optional<Selection> selection = state.selection();
    if (network == null || selection.isEmpty()) {
      return false;
    }
    NeuronRef ref = selection.get().neuron();
    ActivationTrace trace = state.trace();
    Shape shape = ref.isInput() ? network.inputShape() : network.outputShape(ref.layer());
    String name = ref.isInput() ? "input" : network.layer(ref.layer()).name();
    concept = ref.isInput() ? Concept.INPUT : Concept.forLayer(network.layer(ref.layer()));
    boolean image = shape.isImage();
    title.setText(name + (image ? " · channel " : " · unit ") + ref.neuron());
    explain.setText("What is " + concept.title().toLowerCase(Locale.ROOT) + "?");
    explain.getAccessibleContext().setAccessibleName("Open the tutorial on " + concept.title());
    StringBuilder text = new StringBuilder("<html>");
    text.append("Output shape ").append(shape).append("<br>");
    if (!ref.isInput()) {
      hyperparameters(network.layer(ref.layer()), text);
    }
    BufferedImage tile = null;
    if (trace != null) {
      float[] values =
          ref.isInput()
              ? trace.input().channel(ref.neuron())
              : image
                  ? trace.output(ref.layer()).channel(ref.neuron())
                  : new float[] {trace.output(ref.layer()).at(ref.neuron())};
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      text.append(
          image
              ? String.format(Locale.ROOT, "Values from %.4f to %.4f", min, max)
              : String.format(Locale.ROOT, "Value %.4f", values[0]));
      if (image) {
        tile = tile(values, shape, ref);
      }
    }
    facts.setText(text.append("</html>").toString());
    getAccessibleContext().setAccessibleDescription(title.getText());
    map.image = tile;
    map.setVisible(tile != null);
    revalidate();
    repaint();
    return true;
  }

  private static void hyperparameters(Layer layer, StringBuilder text) {
    text.append("Layer kind ").append(layer.kind()).append("<br>");
    if (layer instanceof Conv2D conv) {
      text.append(
          String.format(
              Locale.ROOT,
              "%d×%d kernel over %d input channels, stride %d, padding %s, activation %s<br>",
              conv.kernelHeight(),
              conv.kernelWidth(),
              conv.inputChannels(),
              conv.strideY(),
              conv.padding().name().toLowerCase(Locale.ROOT),
              conv.activation().name().toLowerCase(Locale.ROOT)));
    } else if (layer instanceof Pooling2D pool) {
      text.append(
          String.format(
              Locale.ROOT,
              "%d×%d window, stride %d<br>",
              pool.poolHeight(),
              pool.poolWidth(),
              pool.strideY()));
    }
  }

  private BufferedImage tile(float[] values, Shape shape, NeuronRef ref) {
    ColorScale scale =
        ref.isInput()
            ? ColorScale.input(state.palette().input())
            : ColorScale.diverging(
                state.palette().activations(), state.ranges().range(ref.layer()));
    BufferedImage tile =
        new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < shape.height(); y++) {
      for (int x = 0; x < shape.width(); x++) {
        tile.setRGB(x, y, scale.rgb(values[y * shape.width() + x]));
      }
    }
    return tile;
  }

  /** The enlarged map, drawn with crisp cells so single values stay visible. */
  private static final class MapView extends JComponent {
    BufferedImage image;

    @Override
    public Dimension getPreferredSize() {
      return new Dimension(160, 160);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
      if (image == null) {
        return;
      }
      Graphics2D g = (Graphics2D) graphics.create();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      int side = Math.min(getWidth(), getHeight());
      g.drawImage(image, 0, 0, side, side, null);
      g.dispose();
    }
  }
}
