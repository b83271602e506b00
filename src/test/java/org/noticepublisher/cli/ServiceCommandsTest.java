package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.server.Role;
import org.noticepublisher.server.Users;

/** {@code users add} writes hashed entries; {@code serve} refuses what it must not do. */
class ServiceCommandsTest {
  private static Cli withInput(String input, String... args) {
    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      return Cli.run(args);
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void usersAddStoresAHashNeverThePassword(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    Cli added =
        withInput(
            "correct horse battery\n",
            "users",
            "add",
            "--users",
            file.toString(),
            "--name",
            "tomasz",
            "--role",
            "translator",
            "-l",
            "pl,uk",
            "--password-stdin");
    assertEquals(0, added.code(), added.printed());
    assertTrue(added.out().contains("Saved tomasz (translator: pl, uk)"), added.printed());
    String json = Files.readString(file);
    assertFalse(json.contains("correct horse"), json);
    assertTrue(json.contains("\"$2a$"), "a BCrypt hash: " + json);
    Users users = Users.load(file);
    assertEquals(Role.TRANSLATOR, users.find("tomasz").orElseThrow().role());
    assertTrue(users.authenticate("tomasz", "correct horse battery").isPresent());
    assertTrue(users.authenticate("tomasz", "wrong horse battery").isEmpty());
    Cli listed = Cli.run("users", "list", "--users", file.toString());
    assertEquals("tomasz\ttranslator\tpl,uk", listed.out().strip());
  }

  @Test
  void usersAddRefusesWhatCannotWork(@TempDir Path dir) {
    String file = dir.resolve("users.json").toString();
    Cli noLocale =
        withInput(
            "long enough pw\n",
            "users",
            "add",
            "--users",
            file,
            "--name",
            "a",
            "--role",
            "translator",
            "--password-stdin");
    assertEquals(2, noLocale.code());
    assertTrue(noLocale.err().contains("a translator needs --locale"), noLocale.printed());
    Cli badRole =
        withInput(
            "long enough pw\n",
            "users",
            "add",
            "--users",
            file,
            "--name",
            "a",
            "--role",
            "admin",
            "--password-stdin");
    assertEquals(2, badRole.code());
    assertTrue(
        badRole.err().contains("role must be viewer, translator or editor"), badRole.printed());
    Cli shortPassword =
        withInput(
            "short\n",
            "users",
            "add",
            "--users",
            file,
            "--name",
            "a",
            "--role",
            "editor",
            "--password-stdin");
    assertEquals(2, shortPassword.code());
    assertTrue(shortPassword.err().contains("at least 8 characters"), shortPassword.printed());
    assertFalse(Files.exists(dir.resolve("users.json")), "nothing written");
  }

  @Test
  void serveNamesTheBadEntryOfAUsersFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    Files.writeString(
        file,
        "{\"users\":[{\"name\":\"erin\",\"role\":\"admin\","
            + "\"password\":\"$2a$10$abcdefghijklmnopqrstuv\"}]}");
    Cli r = Cli.run("serve", "--port", "0", "--users", file.toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(r.err().contains("user 1: role must be viewer, translator or editor"), r.printed());
  }

  @Test
  void serveRefusesOtherAddressesWithoutUsers() {
    Cli r = Cli.run("serve", "--host", "0.0.0.0", "--port", "0");
    assertEquals(2, r.code(), r.printed());
    assertTrue(r.err().contains("refusing to listen on 0.0.0.0 without --users"), r.printed());
    Cli missing = Cli.run("serve", "--users", "/nonexistent/users.json");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.printed());
  }
}
