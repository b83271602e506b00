package org.noticepublisher.publish;

import java.io.IOException;

/**
 * The output folder cannot be published to (it is a file, or a folder on its way cannot be
 * written); found before anything is rendered. The message is one sentence naming the folder and
 * why.
 */
public final class OutputUnusableException extends IOException {
  public OutputUnusableException(String message) {
    super(message);
  }
}
