package org.noticepublisher.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.noticepublisher.AtomicFile;
import org.noticepublisher.Json;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users file named by {@code serve --users}: a JSON list of names, roles, locales and BCrypt
 * password hashes. Keep it outside the project, so it is never committed with the sources.
 */
public final class Users {
  private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(10);

  /**
   * Compared against when the name is unknown, so a wrong name takes as long as a wrong password.
   */
  private static final String DECOY = ENCODER.encode("no such user");

  private final Map<String, User> users;

  private Users(Map<String, User> users) {
    this.users = users;
  }

  public static Users empty() {
    return new Users(new LinkedHashMap<>());
  }

  /**
   * Reads a users file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the entry that is malformed
   */
  public static Users load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    JsonNode root = Json.tree(Files.readAllBytes(file));
    Map<String, User> users = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode u : root.path("users")) {
      i++;
      List<String> locales = new ArrayList<>();
      u.path("locales").forEach(l -> locales.add(l.asText()));
      try {
        User user =
            new User(
                u.path("name").asText(),
                Role.parse(u.path("role").asText()),
                locales,
                u.path("password").asText());
        if (!user.passwordHash().startsWith("$2")) {
          throw new IllegalArgumentException("password is not a BCrypt hash (use 'users add')");
        }
        users.put(user.name(), user);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": user " + i + ": " + e.getMessage(), e);
      }
    }
    return new Users(users);
  }

  /** Adds or replaces {@code name}; the password is hashed here and never stored. */
  public Users with(String name, Role role, List<String> locales, char[] password) {
    if (password.length < 8) {
      throw new IllegalArgumentException("password must have at least 8 characters");
    }
    Map<String, User> copy = new LinkedHashMap<>(users);
    copy.put(
        name,
        new User(
            name,
            role,
            role == Role.TRANSLATOR ? locales : List.of(),
            ENCODER.encode(new String(password))));
    return new Users(copy);
  }

  /** Writes the file through a temporary file and an atomic move. */
  public void save(Path file) throws IOException {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("users");
    for (User u : users.values()) {
      ObjectNode n = list.addObject().put("name", u.name()).put("role", u.role().label());
      ArrayNode locales = n.putArray("locales");
      u.locales().forEach(locales::add);
      n.put("password", u.passwordHash());
    }
    AtomicFile.writeOwnerOnly(file, Json.write(root)); // password hashes
  }

  /** The user whose password matches, or empty; takes as long for an unknown name. */
  public Optional<User> authenticate(String name, String password) {
    User u = users.get(name == null ? "" : name);
    String hash = u == null ? DECOY : u.passwordHash();
    boolean matches = ENCODER.matches(password == null ? "" : password, hash);
    return matches && u != null ? Optional.of(u) : Optional.empty();
  }

  public Optional<User> find(String name) {
    return Optional.ofNullable(users.get(name));
  }

  public List<User> all() {
    return List.copyOf(users.values());
  }
}
