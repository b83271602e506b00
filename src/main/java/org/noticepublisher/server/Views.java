package org.noticepublisher.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Page models are ordered maps: Thymeleaf reads them and the JSON endpoints serve them as they are.
 */
final class Views {
  private Views() {}

  static Map<String, Object> map(@Nullable Object... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("pairs must alternate names and values");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
