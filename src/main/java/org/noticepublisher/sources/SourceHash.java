package org.noticepublisher.sources;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of everything one notice is made from. Output is reproducible, so two renders with
 * the same hash give the same bytes: the hash keys the render cache, lets a run skip unchanged
 * notices and tells the dashboard what changed since it was published.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record SourceHash(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public SourceHash {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("hex must be 64 lower-case hex digits, was '" + hex + "'");
    }
  }

  /** The first 12 digits, enough to tell versions apart in a page or a log line. */
  public String shortForm() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return hex;
  }
}
