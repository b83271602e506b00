package org.noticepublisher;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest the project uses: source hashes, manifest entries, document ids. */
public final class Sha256 {
  private Sha256() {}

  /** A new SHA-256 digest; every JDK has one. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The digest of {@code parts} one after the other, as 32 bytes. */
  public static byte[] of(byte[]... parts) {
    MessageDigest md = newDigest();
    for (byte[] p : parts) {
      md.update(p);
    }
    return md.digest();
  }

  /** The digest of {@code bytes} as 64 lower-case hex digits. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }
}
