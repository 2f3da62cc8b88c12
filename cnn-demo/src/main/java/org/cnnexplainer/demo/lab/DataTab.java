package org.cnnexplainer.demo.lab;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.datatransfer.DataFlavor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.BorderFactory;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import org.cnnexplainer.demo.io.FashionMnistFolder;
import org.cnnexplainer.viz.training.DatasetSummary;
import org.cnnexplainer.viz.training.DatasetSummaryView;

/**
 * The "Data and settings" tab: where the data comes from (a folder chosen or dropped onto the
 * window, or Fashion-MNIST), what was found in it (classes, counts, sizes, thumbnails, the files
 * skipped and why) and the settings of the next run. Reading runs on the Lab's worker thread; a
 * read overtaken by a newer choice is dropped.
 */
final class DataTab extends JPanel {
  final DatasetSummaryView summary = new DatasetSummaryView();
  final SettingsPanel settings;
  private final JList<String> skippedList = new JList<>();
  private final JPanel skippedPanel = new JPanel(new BorderLayout());
  private final LabWindow lab;
  private final LabSession session;
  private final Executor worker;
  private final AtomicLong generation = new AtomicLong();

  DataTab(LabWindow lab, LabSession session, Executor worker) {
    super(new BorderLayout());
    this.lab = lab;
    this.session = session;
    this.worker = worker;
    this.settings = new SettingsPanel(lab::updateButtons);
    JPanel left = new JPanel(new BorderLayout(0, 6));
    JLabel hint =
        new JLabel(
            "<html>Drop a folder here, or choose one: one sub-folder of PNG or JPEG images per"
                + " class (<i>photos/cat/…, photos/dog/…</i>). Or use Fashion-MNIST.</html>");
    hint.setBorder(BorderFactory.createEmptyBorder(8, 8, 0, 8));
    left.add(hint, BorderLayout.NORTH);
    JScrollPane summaryScroll = new JScrollPane(summary);
    summaryScroll.setBorder(null);
    left.add(summaryScroll, BorderLayout.CENTER);
    skippedPanel.setBorder(BorderFactory.createTitledBorder("Skipped (not used)"));
    skippedList.getAccessibleContext().setAccessibleName("Skipped files");
    skippedList.setVisibleRowCount(4);
    skippedPanel.add(new JScrollPane(skippedList), BorderLayout.CENTER);
    skippedPanel.setVisible(false);
    left.add(skippedPanel, BorderLayout.SOUTH);
    JScrollPane settingsScroll = new JScrollPane(settings);
    settingsScroll.setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, Color.GRAY));
    add(left, BorderLayout.CENTER);
    add(settingsScroll, BorderLayout.EAST);
    summary.setTransferHandler(new FolderDrop());
  }

  /** Reads a dropped folder (or the folder of a dropped file); for the whole window too. */
  TransferHandler folderDrop() {
    return summary.getTransferHandler();
  }

  /** Asks for a folder and reads it. */
  void chooseFolder() {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Choose an image folder (one sub-folder per class)");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    if (session.data != null && session.data.source() != null) {
      chooser.setCurrentDirectory(session.data.source().toFile());
    }
    if (chooser.showOpenDialog(lab) == JFileChooser.APPROVE_OPTION) {
      load(chooser.getSelectedFile().getPath(), null);
    }
  }

  /** Drops of a folder (or of a file inside one) read that folder. */
  private final class FolderDrop extends TransferHandler {
    @Override
    public boolean canImport(TransferSupport support) {
      return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
    }

    @Override
    public boolean importData(TransferSupport support) {
      try {
        @SuppressWarnings("unchecked")
        List<File> files =
            (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
        if (files.isEmpty()) {
          return false;
        }
        File first = files.get(0);
        load(first.isDirectory() ? first.getPath() : first.getParent(), null);
        return true;
      } catch (Exception e) {
        return false;
      }
    }
  }

  /**
   * Reads {@code source} ("fashion-mnist" or a folder) off the event thread at the size the
   * settings ask for; then shows it and runs {@code then} (if not {@code null}).
   */
  void load(String source, Runnable then) {
    long mine = generation.incrementAndGet();
    boolean fashionMnist = LabWindow.FASHION_MNIST.equalsIgnoreCase(source);
    LabSettings current = settings.settings().orElse(LabSettings.defaults(32, 3));
    lab.status("Reading " + (fashionMnist ? "Fashion-MNIST" : source) + "…");
    lab.busy(true);
    worker.execute(
        () -> {
          LabData loaded = null;
          Exception failure = null;
          try {
            loaded =
                fashionMnist
                    ? LabData.fashionMnist(FashionMnistFolder.of(null))
                    : LabData.folder(Path.of(source), current.inputShape());
          } catch (Exception | OutOfMemoryError e) {
            failure = e instanceof Exception ex ? ex : new IOException("not enough memory", e);
          }
          LabData result = loaded;
          Exception error = failure;
          DatasetSummary shown = result == null ? null : result.summary();
          SwingUtilities.invokeLater(
              () -> {
                if (generation.get() == mine) {
                  show(result, shown, error, then);
                }
              });
        });
  }

  private void show(LabData result, DatasetSummary shown, Exception error, Runnable then) {
    lab.busy(false);
    if (error != null) {
      lab.status("Could not read the data: " + error.getMessage());
      lab.message("Could not read the data", error.getMessage());
      lab.shownChanged();
      return;
    }
    session.data = result;
    summary.setSummary(shown);
    skippedList.setListData(result.skipped().toArray(new String[0]));
    skippedPanel.setVisible(!result.skipped().isEmpty());
    settings.fixShape(
        result.source() == null,
        result.all().imageShape().height(),
        result.all().imageShape().channels());
    lab.status(summary.headline() + ". Press Train to start.");
    lab.updateButtons();
    ViewWarmUp.whileIdle(result, () -> session.run == null && session.data == result);
    lab.shownChanged();
    if (then != null) {
      then.run();
    }
  }
}
