package org.cnnexplainer.core.image;

import java.io.IOException;

/**
 * A file that cannot be used as a network input: missing, not an image format the JDK can decode,
 * corrupt, or larger than the pixel limit. The message names the file and the reason.
 */
public final class InvalidImageException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a complete, user-readable message.
   *
   * @param message what is wrong, where, and what to do
   */
  public InvalidImageException(String message) {
    super(message);
  }

  /**
   * An exception with a complete, user-readable message and the underlying cause.
   *
   * @param message what is wrong, where, and what to do
   * @param cause the underlying exception
   */
  public InvalidImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
