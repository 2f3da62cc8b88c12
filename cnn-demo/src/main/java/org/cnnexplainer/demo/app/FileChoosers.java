package org.cnnexplainer.demo.app;

import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.filechooser.FileNameExtensionFilter;

/** The file dialogs of the application; they start where the previous one ended. */
final class FileChoosers {
  private static File lastFolder;

  private FileChoosers() {}

  static Optional<Path> openImage(Component parent) {
    JFileChooser chooser = chooser("Add an image");
    chooser.setFileFilter(
        new FileNameExtensionFilter(
            "Images (PNG, JPEG, GIF, BMP, TIFF)",
            "png",
            "jpg",
            "jpeg",
            "gif",
            "bmp",
            "tif",
            "tiff"));
    return open(parent, chooser);
  }

  static Optional<Path> openModel(Component parent) {
    JFileChooser chooser = chooser("Open a TF.js model (model.json or its folder)");
    chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
    chooser.setFileFilter(new FileNameExtensionFilter("TF.js layers model (model.json)", "json"));
    return open(parent, chooser);
  }

  /** Asks where to save a file ending in {@code extension}; confirms overwriting. */
  static Optional<Path> save(Component parent, String title, String extension, String suggested) {
    JFileChooser chooser = chooser(title);
    chooser.setFileFilter(
        new FileNameExtensionFilter(extension.toUpperCase() + " file", extension));
    chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), suggested + "." + extension));
    if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
      return Optional.empty();
    }
    File file = chooser.getSelectedFile();
    if (!file.getName().toLowerCase().endsWith("." + extension)) {
      file = new File(file.getParentFile(), file.getName() + "." + extension);
    }
    lastFolder = file.getParentFile();
    if (file.exists()
        && JOptionPane.showConfirmDialog(
                parent, file.getName() + " exists. Replace it?", title, JOptionPane.YES_NO_OPTION)
            != JOptionPane.YES_OPTION) {
      return Optional.empty();
    }
    return Optional.of(file.toPath());
  }

  private static JFileChooser chooser(String title) {
    JFileChooser chooser = new JFileChooser(lastFolder);
    chooser.setDialogTitle(title);
    return chooser;
  }

  private static Optional<Path> open(Component parent, JFileChooser chooser) {
    if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
      return Optional.empty();
    }
    File file = chooser.getSelectedFile();
    lastFolder = file.isDirectory() ? file : file.getParentFile();
    return Optional.of(file.toPath());
  }
}
