package org.noticepublisher.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.NoticeId;
import org.noticepublisher.Sha256;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.catalog.Catalog;

/**
 * What each notice is made from, read from disk without opening the pipeline: the bundles along its
 * fallback chain, the shared templates, its variant file with the sections and pictures it names,
 * and the engine (the project's code, fonts and colour profile, and the libraries it runs on).
 *
 * <p>A scan reads every source file once and keeps only their digests, so it describes the sources
 * as they were at that moment; take it before loading them, and a change made while they load shows
 * up as a new hash next time (work is redone, never wrongly skipped).
 */
public final class NoticeSources {
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, String> digests;
  private final Map<String, Properties> variants;

  private NoticeSources(Map<String, String> digests, Map<String, Properties> variants) {
    this.digests = digests;
    this.variants = variants;
  }

  /**
   * Copies the sources of the project at {@code root} ({@code locales/} and {@code templates/},
   * what {@link #scan} reads) into {@code into}, file times kept, so a pipeline opened there hashes
   * the same. A missing folder is skipped: opening the copy reports it.
   */
  public static void copy(Path root, Path into) throws IOException {
    for (String dir : List.of("locales", "templates")) {
      Path from = root.resolve(dir);
      if (!Files.isDirectory(from)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Path to = into.resolve(root.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else {
            Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
  }

  /**
   * Reads every file under {@code locales/} and {@code templates/} of the project at {@code root}.
   */
  public static NoticeSources scan(Path root) {
    Objects.requireNonNull(root, "root");
    Map<String, String> digests = new TreeMap<>();
    Map<String, Properties> variants = new TreeMap<>();
    for (String dir : List.of("locales", "templates")) {
      Path top = root.resolve(dir);
      if (!Files.isDirectory(top)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(top)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String name = root.relativize(f).toString().replace('\\', '/');
          byte[] bytes = Files.readAllBytes(f);
          digests.put(name, Sha256.hex(bytes));
          if (name.startsWith("templates/variants/") && name.endsWith(".properties")) {
            parse(bytes).ifPresent(p -> variants.put(name, p));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the sources under " + top, e);
      }
    }
    return new NoticeSources(digests, variants);
  }

  /** The project files {@code id} is made from, relative to the project, in a stable order. */
  public List<String> files(NoticeId id) {
    Objects.requireNonNull(id, "id");
    Set<String> files = new LinkedHashSet<>();
    for (String tag : chain(id.locale())) {
      addIfPresent(files, "locales/" + tag + ".properties");
      addIfPresent(files, "locales/" + tag + ".basis.properties");
    }
    String variantFile = "templates/variants/" + id.variant() + ".properties";
    addIfPresent(files, variantFile);
    Properties variant = variants.get(variantFile); // null: missing or unreadable, so read all
    for (String name : digests.keySet()) {
      if (name.startsWith("templates/") && name.indexOf('/', "templates/".length()) < 0) {
        files.add(name); // shared: the page, blocks, style sheets, profile, Art. 13 map
      }
    }
    List<String> sections = variant == null ? null : list(variant.getProperty("sections"));
    boolean icons = variant == null || "true".equals(variant.getProperty("icons", "").strip());
    for (String name : digests.keySet()) {
      String[] parts = name.split("/");
      if (parts.length < 3 || !parts[0].equals("templates") || parts[1].equals("variants")) {
        continue;
      }
      String stem = parts[parts.length - 1].replaceFirst("\\.[^.]*$", "");
      boolean wanted =
          switch (parts[1]) {
            case "sections" -> sections == null || sections.contains(stem);
            case "icons" -> icons && (sections == null || sections.contains(stem));
            default -> true; // a folder this class does not know yet: assume the notice reads it
          };
      if (wanted) {
        files.add(name);
      }
    }
    return List.copyOf(files);
  }

  /** One hash over the engine, the layout and every file {@code id} reads (names and contents). */
  public SourceHash hash(NoticeId id, Layout layout) {
    Objects.requireNonNull(layout, "layout");
    MessageDigest md = Sha256.newDigest();
    update(md, "notice-publisher sources 1");
    update(md, Engine.DIGEST);
    update(md, id.toString());
    update(md, layout.toString());
    for (String file : files(id)) {
      update(md, file);
      update(md, Objects.requireNonNull(digests.get(file), file)); // files() lists scanned ones
    }
    return new SourceHash(HEX.formatHex(md.digest()));
  }

  /** {@code pt-BR → pt → en-GB}, as the catalog falls back; pseudo-locales are made from en-GB. */
  private static List<String> chain(String locale) {
    List<String> tags = new ArrayList<>();
    for (String tag = Catalog.isPseudoLocale(locale) ? "" : locale; !tag.isEmpty(); ) {
      tags.add(tag);
      int dash = tag.lastIndexOf('-');
      tag = dash < 0 ? "" : tag.substring(0, dash);
    }
    if (!tags.contains(Catalog.SOURCE_LOCALE)) {
      tags.add(Catalog.SOURCE_LOCALE);
    }
    return tags;
  }

  private void addIfPresent(Set<String> files, String name) {
    if (digests.containsKey(name)) {
      files.add(name);
    }
  }

  private static Optional<Properties> parse(byte[] bytes) {
    Properties p = new Properties();
    try (Reader in = new StringReader(new String(bytes, StandardCharsets.UTF_8))) {
      p.load(in);
      return Optional.of(p);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static @Nullable List<String> list(@Nullable String value) {
    return value == null ? null : Arrays.stream(value.split(",")).map(String::strip).toList();
  }

  private static void update(MessageDigest md, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    md.update(HEX.parseHex(String.format("%08x", bytes.length)));
    md.update(bytes);
  }
}
