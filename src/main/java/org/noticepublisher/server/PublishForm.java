package org.noticepublisher.server;

import java.util.List;

/**
 * The publish page: every notice to choose from.
 *
 * @param mayPublish whether the person asking is an editor
 */
record PublishForm(List<Choice> notices, boolean mayPublish) {

  /**
   * @param value what the form sends: {@code variant/locale}
   * @param name the locale's native name
   */
  record Choice(String value, String variant, String locale, String name) {}
}
