package org.noticepublisher.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.noticepublisher.AtomicFile;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.internal.WordDiff;

/**
 * The English each translation was made from: {@code locales/<tag>.basis.properties}, beside the
 * bundle and kept in git. A key whose English has changed since is <em>stale</em>: the translation
 * may no longer say what the English says. The file holds plain strings (no hashes) so a reviewer
 * can read it and {@code git diff} shows what changed.
 *
 * <p>A translation key compares with its <em>effective</em> English: the same key in the source
 * bundle or, for a variant's own wording ({@code <variant>.<key>}) that the source does not
 * override, the shared key it stands in for.
 */
public final class SourceBasis {
  /** How a basis file's name ends; the catalog does not read these as bundles. */
  public static final String SUFFIX = ".basis.properties";

  private final Path file;
  private final Map<String, String> english;
  private final boolean recorded;

  private SourceBasis(Path file, Map<String, String> english, boolean recorded) {
    this.file = file;
    this.english = Map.copyOf(english);
    this.recorded = recorded;
  }

  /** The basis file of a bundle: {@code pl.properties} → {@code pl.basis.properties}. */
  public static Path fileOf(Path bundleFile) {
    String name = bundleFile.getFileName().toString().replaceFirst("\\.properties$", "");
    return bundleFile.resolveSibling(name + SUFFIX);
  }

  /** The recorded basis of {@code bundle}, or an empty one when none was recorded yet. */
  static SourceBasis load(Bundle bundle) throws FindingsException {
    Path file = fileOf(bundle.file());
    if (!Files.isRegularFile(file)) {
      return new SourceBasis(file, Map.of(), false);
    }
    return new SourceBasis(file, PropertiesFile.load(file).values(), true);
  }

  public Path file() {
    return file;
  }

  /** Whether a basis was ever recorded for the bundle (the file exists). */
  public boolean recorded() {
    return recorded;
  }

  /** The English the translation of {@code key} was made from, if recorded. */
  public Optional<String> english(String key) {
    return Optional.ofNullable(english.get(key));
  }

  /** The English a translation key stands for now; see the class comment. */
  public static Optional<String> effectiveEnglish(Bundle source, String key) {
    Optional<String> own = source.pattern(key);
    if (own.isPresent()) {
      return own;
    }
    int dot = key.indexOf('.');
    return dot < 0 ? Optional.empty() : source.pattern(key.substring(dot + 1));
  }

  /** Keys of {@code bundle} whose English changed since they were translated, with old and new. */
  public Map<String, Change> stale(Bundle bundle, Bundle source) {
    Map<String, Change> stale = new LinkedHashMap<>();
    for (String key : bundle.keys()) {
      if (key.startsWith("bundle.")) {
        continue;
      }
      String was = english.get(key);
      Optional<String> now = effectiveEnglish(source, key);
      if (was != null && now.isPresent() && !was.equals(now.get())) {
        stale.put(key, new Change(was, now.get()));
      }
    }
    return stale;
  }

  /**
   * Records the current English as the basis of {@code keys} of {@code bundle} (all of its
   * translated keys when {@code keys} is empty), keeping the basis of every other key; written in
   * the bundle's key order through a temporary file, so an interrupted write leaves the old basis.
   *
   * @throws IllegalArgumentException if a key is not in the bundle or has no English
   */
  public static SourceBasis accept(Bundle bundle, Bundle source, Collection<String> keys)
      throws IOException, FindingsException {
    Objects.requireNonNull(keys, "keys");
    SourceBasis old = load(bundle);
    for (String key : keys) {
      if (bundle.pattern(key).isEmpty()) {
        throw new IllegalArgumentException("no key " + key + " in " + bundle.file().getFileName());
      }
      if (effectiveEnglish(source, key).isEmpty()) {
        throw new IllegalArgumentException(
            "no English for " + key + " in " + source.file().getFileName());
      }
    }
    Map<String, String> next = new LinkedHashMap<>();
    for (String key : bundle.keys()) {
      Optional<String> now = effectiveEnglish(source, key);
      if (key.startsWith("bundle.") || now.isEmpty()) {
        continue;
      }
      if (keys.isEmpty() || keys.contains(key)) {
        next.put(key, now.get());
      } else if (old.english.containsKey(key)) {
        next.put(key, old.english.get(key));
      }
    }
    StringBuilder text =
        new StringBuilder()
            .append("# The en-GB text each ")
            .append(bundle.locale())
            .append(
                " translation was made from. Written by the tool (lint --accept, xliff import):\n")
            .append(
                "# when the English changes, lint reports the key as stale. Do not edit by hand.\n");
    next.forEach((k, v) -> text.append(PropertiesWriter.line(k, v)).append('\n'));
    AtomicFile.write(old.file, text.toString().getBytes(StandardCharsets.UTF_8));
    return new SourceBasis(old.file, next, true);
  }

  /** The English a translation was made from and the English now. */
  public record Change(String was, String now) {
    /** Old → new as a word diff: {@code [-removed-]} and {@code {+added+}}. */
    public String diff() {
      return WordDiff.of(was, now);
    }
  }
}
