package org.noticepublisher.server;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who may sign in.
 *
 * @param name sign-in name (letters, digits, . _ -)
 * @param role what they may do
 * @param locales for translators, the locales they may save; empty for other roles
 * @param passwordHash the password as a one-way hash (BCrypt), never the password
 */
public record User(String name, Role role, List<String> locales, String passwordHash) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    locales = List.copyOf(locales);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be 1 to 64 letters, digits, '.', '_' or '-', was '" + name + "'");
    }
    if (role == Role.TRANSLATOR && locales.isEmpty()) {
      throw new IllegalArgumentException("a translator needs at least one locale");
    }
  }

  /** Whether this person may change the bundle of {@code locale}. */
  public boolean mayEdit(String locale) {
    return role == Role.EDITOR || role == Role.TRANSLATOR && locales.contains(locale);
  }

  public boolean isEditor() {
    return role == Role.EDITOR;
  }
}
