package org.noticepublisher.server;

import org.jspecify.annotations.Nullable;

/**
 * What every page shows around its own content (header, navigation, forms' token): Thymeleaf sees
 * each field as a variable of its own ({@code ${user}}, {@code ${csrf}}, …) beside the page's model
 * {@code ${m}}.
 *
 * @param user who is signed in; null when nobody is, or when the service is read-only
 * @param csrf the session's form token; empty without a session
 * @param readOnly whether nobody may change anything
 * @param path the page's path, to mark the current navigation link
 * @param flash what the last form did ("Draft saved …"), shown once
 */
record Frame(
    @Nullable Visitor user, String csrf, boolean readOnly, String path, @Nullable String flash) {

  /** The person signed in, as the header names them. */
  record Visitor(String name, String role, boolean editor) {}
}
