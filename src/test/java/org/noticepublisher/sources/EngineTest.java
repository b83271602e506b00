package org.noticepublisher.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's code digests the same from the class folder (runs through Maven) and from the jar
 * made of it (bin/notice-publisher), however often the jar is rebuilt; a changed class changes it.
 */
class EngineTest {
  private static final Map<String, String> CODE =
      Map.of(
          "org/noticepublisher/A.class", "class A",
          "org/noticepublisher/b/B.class", "class B",
          "fonts/Some.ttf", "glyphs");

  @Test
  void classFolderAndJarOfItDigestTheSame(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    for (var e : CODE.entrySet()) {
      Files.createDirectories(classes.resolve(e.getKey()).getParent());
      Files.writeString(classes.resolve(e.getKey()), e.getValue());
    }
    Path jar = jar(dir.resolve("one.jar"), CODE, 1_000_000L, "Main-Class: A");
    Path rebuilt = jar(dir.resolve("two.jar"), CODE, 2_000_000L, "Main-Class: B");
    assertEquals(Engine.ownCode(classes), Engine.ownCode(jar), "folder and jar");
    assertEquals(Engine.ownCode(jar), Engine.ownCode(rebuilt), "rebuilt: other times, manifest");

    Files.writeString(classes.resolve("org/noticepublisher/A.class"), "class Z");
    assertNotEquals(Engine.ownCode(jar), Engine.ownCode(classes), "a class changed, same size");
    Path changed =
        jar(
            dir.resolve("three.jar"),
            Map.of(
                "org/noticepublisher/A.class",
                "class Z",
                "org/noticepublisher/b/B.class",
                "class B",
                "fonts/Some.ttf",
                "glyphs"),
            1L,
            "");
    assertEquals(Engine.ownCode(classes), Engine.ownCode(changed), "the jar of the changed folder");
    Files.writeString(classes.resolve("org/noticepublisher/A.class"), "class A, changed");
    assertNotEquals(Engine.ownCode(jar), Engine.ownCode(classes), "a changed class");
  }

  /** Maven's exec:java loads classes without a code source location; the class file still tells. */
  @Test
  void codeWithoutALocationIsFoundFromItsClassFile() throws Exception {
    URL folder = Engine.location(EngineTest.class);
    assertEquals("file", folder.getProtocol());
    try (NoLocation loader = new NoLocation(folder)) {
      Class<?> loaded = loader.loadClass(Plain.class.getName());
      assertEquals(loader, loaded.getClassLoader());
      assertNull(loaded.getProtectionDomain().getCodeSource().getLocation(), "as under exec:java");
      assertEquals(folder, Engine.location(loaded));
    }
  }

  /** A class needing nothing but the JDK, loaded on its own below. */
  static final class Plain {}

  /** Defines classes with the default protection domain, whose code source has no location. */
  private static final class NoLocation extends URLClassLoader {
    NoLocation(URL folder) {
      super(new URL[] {folder}, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      try (var in = getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (java.io.IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }

  private static Path jar(Path file, Map<String, String> entries, long time, String manifest)
      throws Exception {
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
      m.setLastModifiedTime(FileTime.fromMillis(time));
      jar.putNextEntry(m);
      jar.write(("Manifest-Version: 1.0\n" + manifest + "\n").getBytes());
      for (var e : new java.util.TreeMap<>(entries).descendingMap().entrySet()) {
        JarEntry entry = new JarEntry(e.getKey());
        entry.setLastModifiedTime(FileTime.fromMillis(time));
        jar.putNextEntry(entry);
        jar.write(e.getValue().getBytes());
      }
    }
    return file;
  }
}
