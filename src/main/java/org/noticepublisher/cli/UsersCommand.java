package org.noticepublisher.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.server.Role;
import org.noticepublisher.server.User;
import org.noticepublisher.server.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code users}: manages the users file of the notice service. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manages the users file that 'serve --users FILE' reads.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose: users add, users list");
  }

  /** {@code users add}: adds a person or replaces their entry. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a user (or replaces one of the same name). The password is asked for",
        "and stored only as a BCrypt hash; --password-stdin reads it from standard input."
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--users",
        required = true,
        paramLabel = "FILE",
        description = "The users file; created if missing. Keep it outside the project.")
    Path file;

    @Option(names = "--name", required = true, description = "Sign-in name.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer, translator or editor.")
    String role;

    @Option(
        names = {"-l", "--locale"},
        split = ",",
        paramLabel = "TAG",
        description = "Locales a translator may save (e.g. pl,uk).")
    List<String> locales = new ArrayList<>();

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean stdin;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Role parsed;
      try {
        parsed = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (parsed == Role.TRANSLATOR && locales.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "a translator needs --locale (the locales they may save)");
      }
      if (parsed != Role.TRANSLATOR && !locales.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--locale is for translators only (editors may save every locale)");
      }
      char[] password = readPassword();
      if (password == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "no password: run in a terminal, or pass --password-stdin");
      }
      Users users = Files.isRegularFile(file) ? Users.load(file) : Users.empty();
      try {
        users = users.with(name, parsed, locales, password);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      users.save(file);
      User u = users.find(name).orElseThrow();
      out.println(
          "Saved "
              + u.name()
              + " ("
              + u.role().label()
              + (u.locales().isEmpty() ? "" : ": " + String.join(", ", u.locales()))
              + ") in "
              + file);
      return Main.OK;
    }

    /** The password typed or piped in; null when there is none to read. */
    private char @Nullable [] readPassword() throws IOException {
      if (stdin) {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
      }
      Console console = System.console();
      if (console == null) {
        return null;
      }
      char[] first = console.readPassword("Password for %s: ", name);
      char[] again = console.readPassword("Again: ");
      if (first == null || !java.util.Arrays.equals(first, again)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "the passwords differ");
      }
      return first;
    }
  }

  /** {@code users list}: who may sign in, and as what. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users.")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--users",
        required = true,
        paramLabel = "FILE",
        description = "The users file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      for (User u : Users.load(file).all()) {
        out.println(u.name() + "\t" + u.role().label() + "\t" + String.join(",", u.locales()));
      }
      return Main.OK;
    }
  }
}
