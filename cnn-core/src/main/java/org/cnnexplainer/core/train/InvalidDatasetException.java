package org.cnnexplainer.core.train;

import java.io.IOException;

/** A dataset file or folder that cannot be read; the message names the file and the problem. */
public final class InvalidDatasetException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the file. */
  public InvalidDatasetException(String message) {
    super(message);
  }

  /** An error with a message naming the file, caused by {@code cause}. */
  public InvalidDatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
