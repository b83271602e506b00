package org.noticepublisher.server;

import java.util.Locale;

/** What a signed-in person may do; each role may do everything the ones before it may. */
public enum Role {
  /** Reads the dashboard, notices and reports, downloads and prints. */
  VIEWER,
  /** Also saves draft translations of the locales listed for them. */
  TRANSLATOR,
  /** Also saves any locale, marks locales reviewed and publishes. */
  EDITOR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "role must be viewer, translator or editor, was '" + text + "'");
    }
  }
}
