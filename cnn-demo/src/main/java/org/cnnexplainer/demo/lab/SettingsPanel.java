package org.cnnexplainer.demo.lab;

import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The run's settings as a form: one field per setting with a short explanation under it, and the
 * problems of the values typed listed in words at the bottom. {@link #settings()} is empty while
 * any value is unusable, so invalid settings never reach the trainer.
 */
final class SettingsPanel extends JPanel {
  private final Map<String, JTextField> fields = new LinkedHashMap<>();
  private final JComboBox<String> channels =
      new JComboBox<>(new String[] {"1 (grey)", "3 (colour)"});
  private final JComboBox<String> optimizer = new JComboBox<>(new String[] {"Adam", "SGD"});
  private final JCheckBox flip = new JCheckBox("Mirror images at random");
  private final JTextArea problems = new JTextArea();
  private final Runnable changed;
  private int row;
  private boolean fixedShape;
  private boolean built;

  SettingsPanel(Runnable changed) {
    super(new GridBagLayout());
    this.changed = changed;
    setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
    LabSettings d = LabSettings.defaults(32, 3);
    heading("Network");
    field(
        "Input size", "inputSize", d.imageSize(), "Images are scaled to this many pixels square.");
    combo("Channels", channels, "Grey images train faster; colour can matter for your classes.");
    channels.setSelectedIndex(1);
    field("Filters per layer", "filters", d.filters(), "More filters learn more, but slower.");
    heading("Training");
    field("Epochs", "epochs", d.epochs(), "Passes over all training images.");
    field("Batch size", "batch", d.batchSize(), "Images per weight update.");
    combo("Optimizer", optimizer, "How the weights move downhill on the loss.");
    field("Learning rate", "lr", "0.001", "Step size: too big jumps around, too small crawls.");
    heading("Data");
    field(
        "Shift (pixels)", "shift", d.shift(), "Augmentation: move images at random by this much.");
    addRow(flip, "Augmentation: horizontal mirror images, half of the time.");
    field("Validation share (%)", "validation", "10", "Images held out to check generalisation.");
    field("Seed", "seed", d.seed(), "The same seed and data give the same run.");
    problems.setEditable(false);
    problems.setLineWrap(true);
    problems.setWrapStyleWord(true);
    problems.setOpaque(false);
    problems.setFocusable(false);
    problems.getAccessibleContext().setAccessibleName("Problems with the settings");
    GridBagConstraints c = constraints(0, row++);
    c.gridwidth = 2;
    c.insets = new Insets(10, 0, 0, 0);
    add(problems, c);
    GridBagConstraints filler = constraints(0, row++);
    filler.weighty = 1;
    add(new JLabel(), filler);
    channels.addActionListener(e -> update());
    optimizer.addActionListener(
        e -> {
          // A rate that suits the chosen rule, unless the learner typed one.
          JTextField lr = fields.get("lr");
          if (optimizer.getSelectedIndex() == 1 && "0.001".equals(lr.getText().trim())) {
            lr.setText("0.01");
          } else if (optimizer.getSelectedIndex() == 0 && "0.01".equals(lr.getText().trim())) {
            lr.setText("0.001");
          }
          update();
        });
    flip.addActionListener(e -> update());
    update();
    built = true;
  }

  private void heading(String text) {
    JLabel label = new JLabel(text);
    label.setFont(label.getFont().deriveFont(Font.BOLD));
    GridBagConstraints c = constraints(0, row++);
    c.gridwidth = 2;
    c.insets = new Insets(row > 1 ? 10 : 0, 0, 2, 0);
    add(label, c);
  }

  private void field(String title, String key, Object value, String help) {
    JTextField field = new JTextField(String.valueOf(value), 8);
    field.getAccessibleContext().setAccessibleName(title);
    field.setToolTipText(help);
    field
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                update();
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                update();
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                update();
              }
            });
    // Clicking into a field selects its value, so typing replaces it.
    field.addFocusListener(
        new FocusAdapter() {
          @Override
          public void focusGained(FocusEvent e) {
            field.selectAll();
          }
        });
    fields.put(key, field);
    labelled(title, field, help);
  }

  private void combo(String title, JComboBox<String> combo, String help) {
    combo.getAccessibleContext().setAccessibleName(title);
    combo.setToolTipText(help);
    labelled(title, combo, help);
  }

  private void labelled(String title, JComponent input, String help) {
    JLabel label = new JLabel(title);
    label.setLabelFor(input);
    add(label, constraints(0, row));
    GridBagConstraints c = constraints(1, row++);
    c.fill = GridBagConstraints.NONE;
    add(input, c);
    explain(help);
  }

  private void addRow(JComponent input, String help) {
    GridBagConstraints c = constraints(0, row++);
    c.gridwidth = 2;
    add(input, c);
    input.setToolTipText(help);
    explain(help);
  }

  private void explain(String help) {
    JLabel text = new JLabel(help);
    text.setFont(text.getFont().deriveFont(text.getFont().getSize2D() - 1));
    Color muted = UIManager.getColor("Label.disabledForeground");
    if (muted != null) {
      text.setForeground(muted);
    }
    GridBagConstraints c = constraints(0, row++);
    c.gridwidth = 2;
    c.insets = new Insets(0, 0, 4, 0);
    add(text, c);
  }

  private static GridBagConstraints constraints(int x, int y) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = x;
    c.gridy = y;
    c.anchor = GridBagConstraints.WEST;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.weightx = x == 0 ? 0 : 1;
    c.insets = new Insets(1, 0, 1, 8);
    return c;
  }

  /**
   * For Fashion-MNIST: input 28×28 grey, fixed; for a folder the learner chooses (with the given
   * defaults when the fields were fixed before).
   */
  void fixShape(boolean fixed, int size, int channelCount) {
    if (fixed || fixedShape) {
      fields.get("inputSize").setText(Integer.toString(size));
      channels.setSelectedIndex(channelCount == 1 ? 0 : 1);
    }
    fixedShape = fixed;
    fields.get("inputSize").setEnabled(!fixed);
    channels.setEnabled(!fixed);
    update();
  }

  /** The settings, or empty while a value is unusable (the panel then lists why). */
  Optional<LabSettings> settings() {
    List<String> errors = new ArrayList<>();
    LabSettings s = parse(errors);
    return errors.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  /** Every problem of the values typed, in words (empty when they are usable). */
  List<String> problemList() {
    List<String> errors = new ArrayList<>();
    parse(errors);
    return errors;
  }

  /** The values typed, with each problem added to {@code errors}. */
  private LabSettings parse(List<String> errors) {
    int size = integer("inputSize", "Input size", errors);
    int filters = integer("filters", "Filters per layer", errors);
    int epochs = integer("epochs", "Epochs", errors);
    int batch = integer("batch", "Batch size", errors);
    double lr = decimal("lr", "Learning rate", errors);
    int shift = integer("shift", "Shift", errors);
    double validation = decimal("validation", "Validation share", errors);
    long seed = 0;
    try {
      seed = Long.parseLong(fields.get("seed").getText().trim());
    } catch (NumberFormatException e) {
      errors.add("Seed must be a whole number; got '" + fields.get("seed").getText() + "'.");
    }
    LabSettings s =
        new LabSettings(
            size,
            channels.getSelectedIndex() == 0 ? 1 : 3,
            filters,
            epochs,
            batch,
            optimizer.getSelectedIndex() == 0 ? "adam" : "sgd",
            lr,
            shift,
            flip.isSelected(),
            validation / 100,
            seed);
    if (errors.isEmpty()) {
      errors.addAll(s.problems());
    }
    return s;
  }

  private int integer(String key, String name, List<String> errors) {
    String text = fields.get(key).getText().trim();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      errors.add(name + " must be a whole number; got '" + text + "'.");
      return 0;
    }
  }

  private double decimal(String key, String name, List<String> errors) {
    String text = fields.get(key).getText().trim();
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(name + " must be a number such as 0.001; got '" + text + "'.");
    return Double.NaN;
  }

  private void update() {
    List<String> list = problemList();
    problems.setText(String.join("\n", list));
    problems.setForeground(new Color(0xd0, 0x30, 0x30));
    problems.setVisible(!list.isEmpty());
    revalidate();
    if (built) {
      changed.run();
    }
  }

  /** Sets a field by key (for the command line's presets and tests). */
  void set(String key, String value) {
    fields.get(key).setText(value);
  }

  /** The problems as shown. */
  String problemsText() {
    return problems.isVisible() ? problems.getText() : "";
  }
}
