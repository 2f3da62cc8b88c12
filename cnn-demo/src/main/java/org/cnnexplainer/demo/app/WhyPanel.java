package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.attribution.AttributionMethod;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateEvent;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.StateProperty;
import org.cnnexplainer.viz.attribution.AttributionCard;
import org.cnnexplainer.viz.attribution.AttributionOverlay;
import org.cnnexplainer.viz.attribution.GradCamSteps;
import org.cnnexplainer.viz.attribution.IntegratedGradientsView;
import org.cnnexplainer.viz.attribution.OcclusionSweep;
import org.cnnexplainer.viz.attribution.OverlayMap;
import org.cnnexplainer.viz.attribution.OverlayPainter;

/**
 * The content of the "Why?" window: choose a class (the prediction by default), a method and
 * optionally a second class to compare; the overlay of each class side by side, and the chosen
 * method step by step (integrated gradients, Grad-CAM, occlusion). Attributions are computed off
 * the event thread; a result whose request was overtaken (another choice, another image) is
 * dropped. Call on the event thread.
 */
final class WhyPanel extends JPanel {
  /** The tabs. */
  static final String OVERLAY_TAB = "Overlay";

  static final String STEPS_TAB = "Step by step";

  private static final String NONE = "—";

  private final ExplainerState state;
  private final Executor background;
  private final Executor delivery;

  /** The number of the newest request (event thread only): older answers are dropped. */
  private long newest;

  private final JComboBox<String> classBox = new JComboBox<>();
  private final JComboBox<AttributionMethod> methodBox =
      new JComboBox<>(AttributionMethod.values());
  private final JComboBox<String> compareBox = new JComboBox<>();
  private final JCheckBox magnitude = new JCheckBox("|value|");
  private final JButton howToRead = new JButton("How to read it");
  private final JLabel status = new JLabel(" ");
  private final JPanel top = new JPanel();
  private final JTabbedPane tabs = new JTabbedPane();
  private final JPanel overlays = new JPanel(new GridLayout(1, 0, 8, 0));
  private final JComboBox<OverlayMap.Channels> channelBox =
      new JComboBox<>(OverlayMap.Channels.values());
  private final AttributionOverlay first = new AttributionOverlay();
  private final AttributionOverlay second = new AttributionOverlay();
  private final CardLayout stepCards = new CardLayout();
  private final JPanel steps = new JPanel(stepCards);
  private final IntegratedGradientsView integratedGradients = new IntegratedGradientsView();
  private final GradCamSteps gradCam = new GradCamSteps();
  private final OcclusionSweep occlusion = new OcclusionSweep();
  private final JLabel oneStep =
      new JLabel(
          "<html>This method is one backward pass (SmoothGrad: an average of them): the overlay"
              + " shows all of it. Integrated gradients, Grad-CAM and occlusion have steps to"
              + " follow.</html>");
  private final StateListener listener = this::stateChanged;
  private Network shownNetwork;
  private ActivationTrace shownTrace;
  private Why shown;
  private boolean updating;
  private long requestedAt;
  private long deliveredNanos;
  private Runnable onClass = () -> {};
  private Runnable onShown = () -> {};

  /**
   * A panel for {@code state}; computations run on {@code background}, results arrive through
   * {@code delivery} (the event thread in the app); {@code explain} opens a tutorial page.
   */
  WhyPanel(
      ExplainerState state, Executor background, Executor delivery, Consumer<Concept> explain) {
    super(new BorderLayout(0, 6));
    this.state = state;
    this.background = background;
    this.delivery = delivery;
    setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    getAccessibleContext().setAccessibleName("Why this class?");
    methodBox.setRenderer(namedBy(AttributionMethod.class, AttributionMethod::displayName));
    classBox.getAccessibleContext().setAccessibleName("Class to explain");
    methodBox.getAccessibleContext().setAccessibleName("Attribution method");
    compareBox.getAccessibleContext().setAccessibleName("Compare with class");
    classBox.setToolTipText("The class whose score is explained (the prediction at first)");
    compareBox.setToolTipText("A second class, shown side by side");
    magnitude.setToolTipText("Show |value| instead of the signed value");
    howToRead.setToolTipText("What the method does, where it misleads and how to read it");
    classBox.addActionListener(
        e -> {
          chosen();
          if (!updating) {
            onClass.run();
          }
        });
    methodBox.addActionListener(e -> chosen());
    compareBox.addActionListener(e -> chosen());
    magnitude.addActionListener(e -> showOverlays());
    channelBox.addActionListener(e -> showOverlays());
    channelBox.setRenderer(namedBy(OverlayMap.Channels.class, WhyPanel::channelsName));
    channelBox.getAccessibleContext().setAccessibleName("Channels shown");
    channelBox.setToolTipText(
        "A colour image's attribution has a value per pixel and channel: show their sum, or one"
            + " channel's");
    howToRead.addActionListener(e -> explain.accept(concept()));
    top.setLayout(new FlowLayout(FlowLayout.LEFT, 6, 0));
    top.add(label("Class", classBox));
    top.add(classBox);
    top.add(label("Method", methodBox));
    top.add(methodBox);
    top.add(label("Compare with", compareBox));
    top.add(compareBox);
    top.add(magnitude);
    top.add(howToRead);
    overlays.add(first);
    first.getAccessibleContext().setAccessibleName("Attribution overlay");
    second.getAccessibleContext().setAccessibleName("Attribution overlay, second class");
    oneStep.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
    oneStep.setVerticalAlignment(JLabel.TOP);
    steps.add(oneStep, "none");
    steps.add(integratedGradients, AttributionMethod.INTEGRATED_GRADIENTS.id());
    steps.add(gradCam, AttributionMethod.GRAD_CAM.id());
    steps.add(occlusion, AttributionMethod.OCCLUSION.id());
    integratedGradients.getAccessibleContext().setAccessibleName("Integrated gradients steps");
    gradCam.getAccessibleContext().setAccessibleName("Grad-CAM steps");
    occlusion.getAccessibleContext().setAccessibleName("Occlusion sweep");
    JPanel channelRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
    channelRow.add(label("Channels", channelBox));
    channelRow.add(channelBox);
    JPanel overlayTab = new JPanel(new BorderLayout(0, 6));
    overlayTab.add(channelRow, BorderLayout.NORTH);
    overlayTab.add(overlays, BorderLayout.CENTER);
    tabs.addTab(OVERLAY_TAB, overlayTab);
    tabs.addTab(STEPS_TAB, steps);
    tabs.setMnemonicAt(0, KeyEvent.VK_O); // Alt+O: overlay
    tabs.setMnemonicAt(1, KeyEvent.VK_S); // Alt+S: step by step
    add(top, BorderLayout.NORTH);
    add(tabs, BorderLayout.CENTER);
    add(status, BorderLayout.SOUTH);
  }

  /** A list renderer that shows the items of {@code type} by {@code name}. */
  private static <T> DefaultListCellRenderer namedBy(Class<T> type, Function<T, String> name) {
    return new DefaultListCellRenderer() {
      @Override
      public Component getListCellRendererComponent(
          JList<?> list, Object value, int index, boolean selected, boolean focus) {
        Object shown = type.isInstance(value) ? name.apply(type.cast(value)) : value;
        return super.getListCellRendererComponent(list, shown, index, selected, focus);
      }
    };
  }

  private static JLabel label(String text, Component target) {
    JLabel label = new JLabel(text);
    label.setLabelFor(target);
    return label;
  }

  @Override
  public void addNotify() {
    super.addNotify();
    state.addListener(listener);
    refresh();
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    newest++; // answers still on their way are dropped
    super.removeNotify();
  }

  private void stateChanged(StateEvent event) {
    if (event.has(StateProperty.TRACE) || event.has(StateProperty.NETWORK)) {
      refresh();
    }
  }

  /** Follows the state: a new network refills the class lists; a new trace is explained. */
  void refresh() {
    Network network = state.network().orElse(null);
    ActivationTrace trace = state.trace().orElse(null);
    if (network != shownNetwork) {
      shownNetwork = network;
      updating = true;
      classBox.removeAllItems();
      compareBox.removeAllItems();
      compareBox.addItem(NONE);
      if (network != null) {
        for (String label : network.classLabels()) {
          classBox.addItem(label);
          compareBox.addItem(label);
        }
      }
      updating = false;
    }
    if (trace != shownTrace) {
      shownTrace = trace;
      if (trace != null && trace.network() == network) {
        updating = true;
        classBox.setSelectedIndex(trace.predicted().index()); // a new image: its prediction
        updating = false;
      }
      chosen();
    }
  }

  /** The user chose something (or the trace changed): compute the answer in the background. */
  private void chosen() {
    if (updating) {
      return;
    }
    ActivationTrace trace = state.trace().orElse(null);
    if (trace == null || classBox.getSelectedIndex() < 0 || trace.network() != shownNetwork) {
      newest++;
      status.setText(trace == null ? "No image yet." : " ");
      return;
    }
    Why.Request request =
        new Why.Request(
            trace, method(), classBox.getSelectedIndex(), compareBox.getSelectedIndex() - 1);
    requestedAt = System.nanoTime();
    status.setText("Computing " + request.method().displayName() + "…");
    long mine = ++newest;
    background.execute(
        () -> {
          try {
            Why why = request.compute();
            delivery.execute(
                () -> {
                  if (mine == newest) {
                    show(why);
                  }
                });
          } catch (RuntimeException e) {
            delivery.execute(
                () -> {
                  if (mine == newest) {
                    failed(e);
                  }
                });
          }
        });
  }

  private void failed(Exception e) {
    status.setText(method().displayName() + " is not available here: " + e.getMessage());
  }

  /** A result arrived (the newest request's): show it, unless the image changed meanwhile. */
  private void show(Why why) {
    if (why.trace() != state.trace().orElse(null)) {
      return; // computed for an image no longer shown
    }
    shown = why;
    deliveredNanos = System.nanoTime() - requestedAt;
    showOverlays();
    String name = className(why.classIndex());
    switch (why.method()) {
      case INTEGRATED_GRADIENTS ->
          integratedGradients.setContent((IntegratedGradients) why.result(), name);
      case GRAD_CAM -> gradCam.setContent((GradCam) why.result(), why.trace().input(), name);
      case OCCLUSION -> occlusion.setContent((Occlusion) why.result(), why.trace().input(), name);
      default -> {}
    }
    stepCards.show(steps, stepView().isPresent() ? why.method().id() : "none");
    status.setText(
        String.format(
            Locale.ROOT,
            "%s of “%s”%s: score S = %s, computed in %.1f ms.",
            why.method().displayName(),
            name,
            why.compareIndex() < 0 ? "" : " and “" + className(why.compareIndex()) + "”",
            OverlayPainter.number(why.result().logit()),
            deliveredNanos / 1e6));
    onShown.run();
  }

  private void showOverlays() {
    if (shown == null) {
      return;
    }
    boolean abs = magnitude.isSelected();
    // Grad-CAM and occlusion give one value per pixel; per-channel methods on a grey image too.
    boolean perChannel = shown.result().overlay().shape().channels() >= 3;
    channelBox.setEnabled(perChannel);
    OverlayMap.Channels channels =
        perChannel ? (OverlayMap.Channels) channelBox.getSelectedItem() : OverlayMap.Channels.SUM;
    first.setContent(
        OverlayMap.of(shown.result(), shown.trace().input(), channels, abs),
        caption(shown.classIndex(), channels));
    overlays.remove(second);
    if (shown.compared() != null) {
      second.setContent(
          OverlayMap.of(shown.compared(), shown.trace().input(), channels, abs),
          caption(shown.compareIndex(), channels));
      overlays.add(second);
    }
    overlays.revalidate();
    overlays.repaint();
  }

  private static String channelsName(OverlayMap.Channels channels) {
    return switch (channels) {
      case SUM -> "sum of all";
      case RED -> "red";
      case GREEN -> "green";
      case BLUE -> "blue";
    };
  }

  /** Shows {@code channels} of per-channel results (what the Channels list chooses). */
  void showChannels(OverlayMap.Channels channels) {
    channelBox.setSelectedItem(channels);
  }

  /** {@return whether the shown result has channels to choose from} */
  boolean channelsChoosable() {
    return channelBox.isEnabled();
  }

  private String caption(int c, OverlayMap.Channels channels) {
    String caption = shown.method().displayName() + " for “" + className(c) + "”";
    return channels == OverlayMap.Channels.SUM
        ? caption
        : caption + ", " + channelsName(channels) + " channel";
  }

  private String className(int c) {
    List<String> labels = shownNetwork.classLabels();
    return c >= 0 && c < labels.size() ? labels.get(c) : "class " + c;
  }

  /** The method chosen. */
  AttributionMethod method() {
    return (AttributionMethod) methodBox.getSelectedItem();
  }

  /** The tutorial page of the chosen method. */
  Concept concept() {
    return Concept.byId(method().id()).orElse(Concept.ATTRIBUTION);
  }

  /** The step view of the shown method, if it has one. */
  Optional<AttributionCard> stepView() {
    if (shown == null) {
      return Optional.empty();
    }
    return switch (shown.method()) {
      case INTEGRATED_GRADIENTS -> Optional.of(integratedGradients);
      case GRAD_CAM -> Optional.of(gradCam);
      case OCCLUSION -> Optional.of(occlusion);
      default -> Optional.empty();
    };
  }

  /** The answer on show, if any. */
  Optional<Why> shown() {
    return Optional.ofNullable(shown);
  }

  /** Chooses the class, method and comparison (-1: none), as the user would. */
  void choose(int classIndex, AttributionMethod method, int compareIndex) {
    updating = true;
    classBox.setSelectedIndex(classIndex);
    methodBox.setSelectedItem(method);
    compareBox.setSelectedIndex(compareIndex + 1);
    updating = false;
    chosen();
  }

  /** Adds {@code control} to the row of choices. */
  void addControl(JComponent control) {
    top.add(control);
  }

  /** Calls {@code action} after an answer is shown. */
  void onShown(Runnable action) {
    onShown = action;
  }

  /** Calls {@code action} when the user picks another class. */
  void onClassChosen(Runnable action) {
    onClass = action;
  }

  /** Shows the overlay tab (0) or the steps tab (1). */
  void showTab(int index) {
    tabs.setSelectedIndex(index);
  }

  JTabbedPane tabs() {
    return tabs;
  }

  AttributionOverlay firstOverlay() {
    return first;
  }

  AttributionOverlay secondOverlay() {
    return second;
  }

  int chosenClass() {
    return classBox.getSelectedIndex();
  }
}
