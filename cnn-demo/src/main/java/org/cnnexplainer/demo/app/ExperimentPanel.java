package org.cnnexplainer.demo.app;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.table.DefaultTableModel;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.attribution.ChannelContributions;

/**
 * Edit &gt; Suggest an experiment: "silence the channel that contributes most to this class". Lists
 * the convolution channels with the largest gradient × activation for the class ({@link
 * ChannelContributions}), each with the exact logit drop and the class's probability once it is
 * silenced; one click on "Silence" applies the selected (at first the top) channel's edit and
 * closes the dialog.
 */
final class ExperimentPanel extends JPanel {
  /** How many channels the table lists (each costs one forward pass for its exact drop). */
  static final int ROWS = 8;

  /** One row: the channel, its contribution, the measured drop and the probability after. */
  record Row(ChannelContributions.Channel channel, float drop, float probabilityAfter) {}

  private final DefaultTableModel model;
  private final JTable table;
  private final JButton silence = new JButton("Silence");
  private final JLabel status = new JLabel("Ranking the channels…");
  private final Consumer<NetworkEdit> apply;
  private List<Row> rows = List.of();

  private final Runnable close;

  ExperimentPanel(
      ActivationTrace trace, int classIndex, Consumer<NetworkEdit> apply, Runnable close) {
    super(new BorderLayout());
    this.close = close;
    String label = trace.network().classLabels().get(classIndex);
    model =
        new DefaultTableModel(
            new Object[] {
              "#", "Channel", "gradient × activation", "logit drop if silenced", label + " after"
            },
            0) {
          @Override
          public boolean isCellEditable(int row, int column) {
            return false;
          }
        };
    table = new JTable(model);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.getColumnModel().getColumn(0).setMaxWidth(36); // the rank
    table.getAccessibleContext().setAccessibleName("Channels ranked by contribution to " + label);
    float logit = trace.logits().orElseThrow().at(classIndex);
    JLabel intro =
        new JLabel(
            String.format(
                Locale.ROOT,
                "<html><body style='width: 520px'>Which channel contributes most to <b>%s</b> (logit %.2f, %.1f %%)?"
                    + " Ranked by gradient × activation, the sum over the channel's map of"
                    + " ∂logit/∂activation × activation: the first-order estimate of the logit"
                    + " drop. The drop column silences each channel (kernel slice and bias × 0)"
                    + " and runs the network again.</html>",
                label,
                logit,
                100.0 * trace.probabilities().at(classIndex)));
    intro.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    silence.setEnabled(false);
    this.apply = apply;
    silence.addActionListener(e -> silenceSelected());
    JButton closeButton = new JButton("Close");
    closeButton.addActionListener(e -> this.close.run());
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
    buttons.add(status);
    buttons.add(silence);
    buttons.add(closeButton);
    JScrollPane scroll = new JScrollPane(table);
    scroll.setPreferredSize(new java.awt.Dimension(620, 190));
    add(intro, BorderLayout.NORTH);
    add(scroll, BorderLayout.CENTER);
    add(buttons, BorderLayout.SOUTH);
    compute(trace, classIndex);
  }

  /** Opens the dialog for class {@code classIndex} of {@code trace} (not modal). */
  static JDialog showDialog(
      Component owner, ActivationTrace trace, int classIndex, Consumer<NetworkEdit> apply) {
    Window window =
        owner instanceof Window w
            ? w
            : owner == null ? null : SwingUtilities.getWindowAncestor(owner);
    JDialog dialog = new JDialog(window, "Suggest an experiment", Dialog.ModalityType.MODELESS);
    ExperimentPanel panel = new ExperimentPanel(trace, classIndex, apply, dialog::dispose);
    dialog.add(panel);
    dialog.getRootPane().setDefaultButton(panel.silence);
    dialog
        .getRootPane()
        .registerKeyboardAction(
            e -> dialog.dispose(),
            KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
            JComponent.WHEN_IN_FOCUSED_WINDOW);
    dialog.pack();
    dialog.setLocationRelativeTo(owner);
    dialog.setVisible(true);
    return dialog;
  }

  /** Silences the selected channel (the top one unless another row is selected) and closes. */
  void silenceSelected() {
    int row = Math.max(0, table.getSelectedRow());
    if (row < rows.size()) {
      apply.accept(rows.get(row).channel().silence());
      close.run();
    }
  }

  /** The rows shown, once computed (for tests). */
  List<Row> rows() {
    return rows;
  }

  /** The ranking and the exact drops of the top channels, off the event thread. */
  static List<Row> rank(ActivationTrace trace, int classIndex) {
    List<ChannelContributions.Channel> ranking = ChannelContributions.rank(trace, classIndex);
    List<Row> rows = new ArrayList<>();
    for (ChannelContributions.Channel c : ranking.subList(0, Math.min(ROWS, ranking.size()))) {
      float drop = c.logitDrop(trace, classIndex);
      float after =
          c.silence().applyTo(trace.network()).trace(trace.input()).probabilities().at(classIndex);
      rows.add(new Row(c, drop, after));
    }
    return List.copyOf(rows);
  }

  private void compute(ActivationTrace trace, int classIndex) {
    new SwingWorker<List<Row>, Void>() {
      @Override
      protected List<Row> doInBackground() {
        return rank(trace, classIndex);
      }

      @Override
      protected void done() {
        try {
          show(get());
        } catch (InterruptedException | ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          status.setText("Could not rank the channels: " + cause.getMessage());
        }
      }
    }.execute();
  }

  private void show(List<Row> computed) {
    rows = computed;
    int i = 1;
    for (Row r : computed) {
      model.addRow(
          new Object[] {
            i++,
            r.channel().layer() + " #" + r.channel().channel(),
            String.format(Locale.ROOT, "%.3f", r.channel().contribution()),
            String.format(Locale.ROOT, "%.3f", r.drop()),
            String.format(Locale.ROOT, "%.1f %%", 100.0 * r.probabilityAfter())
          });
    }
    if (!computed.isEmpty()) {
      table.setRowSelectionInterval(0, 0);
      silence.setEnabled(true);
      silence.setText(
          "Silence "
              + computed.get(0).channel().layer()
              + " #"
              + computed.get(0).channel().channel());
      table
          .getSelectionModel()
          .addListSelectionListener(
              e -> {
                int row = table.getSelectedRow();
                if (row >= 0 && row < rows.size()) {
                  ChannelContributions.Channel c = rows.get(row).channel();
                  silence.setText("Silence " + c.layer() + " #" + c.channel());
                }
              });
    }
    status.setText("");
  }
}
