package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Fixtures;
import org.noticepublisher.pipeline.Publication;

/** en-XK shows each message as the key that served it, so a translator can find it on the page. */
class KeysPseudoLocaleTest {

  @Test
  void everyTextOfTheNoticeIsAKeyOfTheSourceBundle() {
    Publication p = Fixtures.produced("children-and-young-people", "en-XK");
    assertTrue(p.publishable(), p.verdict().errors().toString());
    Bundle source = Fixtures.pipeline().catalog().source();
    List<String> texts = p.notice().orElseThrow().texts();
    assertTrue(texts.contains("[children-and-young-people.intro.p.1]"), texts.toString());
    assertTrue(texts.contains("[document.readingTime]"), texts.toString());
    for (String text : texts) {
      assertTrue(text.matches("\\[[^\\]]+\\]"), "one bracketed key: " + text);
      String key = text.substring(1, text.length() - 1);
      assertTrue(source.pattern(key).isPresent(), "a key of en-GB: " + key);
    }
  }

  @Test
  void theKeysLocaleIsGeneratedNotWritten() {
    Bundle keys = Fixtures.pipeline().catalog().bundle("en-XK").orElseThrow();
    assertTrue(keys.generated());
    assertEquals("[intro.p.2]", keys.pattern("intro.p.2").orElseThrow());
  }
}
