package org.cnnexplainer.core.tfjs;

import java.io.IOException;

/**
 * A TF.js model folder that cannot be read: malformed or incomplete {@code model.json}, an
 * unsupported layer or configuration, weight data that does not match the manifest, a weight path
 * outside the model folder, or a {@code labels.json} that does not fit the network. The message
 * names the file, the layer or weight concerned, and what was expected versus what was found.
 */
public final class InvalidModelException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a complete, user-readable message.
   *
   * @param message what is wrong, where, and what to do
   */
  public InvalidModelException(String message) {
    super(message);
  }

  /**
   * An exception with a complete, user-readable message and the underlying cause.
   *
   * @param message what is wrong, where, and what to do
   * @param cause the underlying exception
   */
  public InvalidModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
