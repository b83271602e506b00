package org.noticepublisher.publish;

import java.io.IOException;

/** Another publishing session kept the output folder's lock too long. */
public final class OutputBusyException extends IOException {
  public OutputBusyException(String message) {
    super(message);
  }
}
