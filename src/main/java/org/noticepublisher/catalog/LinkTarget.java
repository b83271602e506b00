package org.noticepublisher.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Which link targets a notice may carry, wherever the address comes from (the organisation profile,
 * a template, the PDF's link actions): {@code https:}, {@code mailto:} and {@code tel:}; {@code
 * http:} with a warning. Anything else ({@code javascript:}, {@code file:}, {@code data:}, a
 * relative path) would run code, read the reader's files or point at nothing, and is refused.
 */
public final class LinkTarget {
  /** How far a target can be trusted. */
  public enum Verdict {
    SAFE,
    /** Plain {@code http:}: works, but readers' traffic can be read and changed on the way. */
    UNENCRYPTED,
    REFUSED
  }

  /** The schemes allowed, for messages. */
  public static final String ALLOWED = "https:, mailto: or tel: (http: with a warning)";

  private LinkTarget() {}

  public static Verdict of(String target) {
    Objects.requireNonNull(target, "target");
    // Browsers drop tabs and newlines inside a URL ("java\tscript:"): anything invisible is
    // refused.
    if (target.isEmpty()
        || target
            .codePoints()
            .anyMatch(
                c ->
                    c <= ' '
                        || c == 0x7F
                        || Character.getType(c) == Character.FORMAT
                        || Character.isSpaceChar(c))) {
      return Verdict.REFUSED;
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      return Verdict.REFUSED;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "https" -> hasHost(uri) ? Verdict.SAFE : Verdict.REFUSED;
      case "http" -> hasHost(uri) ? Verdict.UNENCRYPTED : Verdict.REFUSED;
      case "mailto", "tel" ->
          uri.getSchemeSpecificPart().isBlank() ? Verdict.REFUSED : Verdict.SAFE;
      default -> Verdict.REFUSED;
    };
  }

  private static boolean hasHost(URI uri) {
    return uri.getHost() != null && !uri.getHost().isEmpty();
  }

  /**
   * The scheme as the reader would see it ("javascript:"), or the whole target when it has none.
   */
  public static String shown(String target) {
    int colon = target.indexOf(':');
    int slash = target.indexOf('/');
    String s = colon > 0 && (slash < 0 || colon < slash) ? target.substring(0, colon + 1) : target;
    return s.length() > 60 ? s.substring(0, 57) + "…" : s;
  }
}
