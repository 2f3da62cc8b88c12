package org.cnnexplainer.demo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads path arguments. An empty argument would be the current folder (a model folder, a training
 * output or an image folder the user never named), so it is refused like a malformed path.
 */
final class PathConverter implements ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException("an empty path names no file; give a file or folder");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
    }
  }
}
