package org.noticepublisher;

/**
 * How bad a {@link Finding} is: errors stop publication, warnings are shown and published anyway.
 */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
