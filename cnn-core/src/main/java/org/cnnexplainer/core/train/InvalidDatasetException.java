package org.cnnexplainer.core.train;

import java.io.IOException;

/** A dataset file or folder that cannot be read; the message names the file and the problem. */
public final class InvalidDatasetException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with a message naming the file.
   *
   * @param message what is wrong, with the file and what to do
   */
  public InvalidDatasetException(String message) {
    super(message);
  }

  /**
   * An error with a message naming the file, caused by {@code cause}.
   *
   * @param message what is wrong, with the file and what to do
   * @param cause the underlying error
   */
  public InvalidDatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
