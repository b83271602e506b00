package org.noticepublisher.catalog;

/**
 * A template asked for a key that no bundle in the chain defines. Unchecked because it is thrown
 * from inside template processing; the assembler turns it into a finding naming template and key.
 */
public final class MissingMessageException extends RuntimeException {
  private final String key;
  private final String sourceFile;

  public MissingMessageException(String key, String variant, String locale, String sourceFile) {
    super("no message '" + key + "' (variant " + variant + ", locale " + locale + ")");
    this.key = key;
    this.sourceFile = sourceFile;
  }

  public String key() {
    return key;
  }

  /** The source bundle, where the key belongs. */
  public String sourceFile() {
    return sourceFile;
  }
}
