package org.noticepublisher.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-in sessions: a random token in an HttpOnly cookie names a session that holds the user and
 * the CSRF token every form must send back. Sessions end after 8 hours without use. Failed sign-ins
 * are counted per name and per address; after {@link #MAX_FAILURES} in 15 minutes, sign-in is
 * refused.
 */
final class Sessions {
  static final String COOKIE = "np_session";
  static final int MAX_FAILURES = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One browser's session.
   *
   * @param token the cookie value
   * @param csrf the token every form of this session carries
   * @param user the signed-in user, empty before sign-in
   */
  record Session(String token, String csrf, Optional<User> user) {}

  private final Cache<String, Session> sessions =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(8)).maximumSize(10_000).build();
  private final Cache<String, Integer> failures =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(15)).maximumSize(10_000).build();

  Optional<Session> find(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(token));
  }

  /** A new session; a sign-in always gets a new token, so a planted cookie is worth nothing. */
  Session create(Optional<User> user) {
    Session s = new Session(random(), random(), user);
    sessions.put(s.token(), s);
    return s;
  }

  void end(String token) {
    sessions.invalidate(token);
  }

  boolean tooManyFailures(String name, String address) {
    return count("name:" + name) >= MAX_FAILURES || count("ip:" + address) >= 4 * MAX_FAILURES;
  }

  void failed(String name, String address) {
    failures.asMap().merge("name:" + name, 1, Integer::sum);
    failures.asMap().merge("ip:" + address, 1, Integer::sum);
  }

  void succeeded(String name) {
    failures.invalidate("name:" + name);
  }

  private int count(String key) {
    Integer n = failures.getIfPresent(key);
    return n == null ? 0 : n;
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  static boolean sameToken(String expected, String submitted) {
    return submitted != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
