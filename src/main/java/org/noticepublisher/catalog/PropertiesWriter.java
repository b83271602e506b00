package org.noticepublisher.catalog;

/**
 * Writes a value the way {@link java.util.Properties} reads it back unchanged, keeping UTF-8 text
 * readable (no {@code \\uXXXX} for letters): only what the format itself would misread is escaped.
 */
public final class PropertiesWriter {
  private PropertiesWriter() {}

  public static String line(String key, String value) {
    return escape(key, true) + " = " + escape(value, false);
  }

  static String escape(String s, boolean key) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
        default -> {
          if (c < 0x20 || c == 0x7F) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
