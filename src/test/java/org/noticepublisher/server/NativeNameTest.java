package org.noticepublisher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each language is named in itself; each pseudo-locale says what it is for. */
class NativeNameTest {
  @ParameterizedTest(name = "{0} is called {1}")
  @CsvSource({
    "pl, Polski",
    "ar, العربية",
    "uk, Українська",
    "en-XA, 'English (pseudo-locale, accented)'",
    "ar-XB, Right-to-left pseudo-locale",
    "en-XK, Message keys (pseudo-locale)"
  })
  void names(String tag, String name) {
    assertEquals(name, NoticeServer.nativeName(tag));
  }
}
