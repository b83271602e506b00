package org.noticepublisher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.UUID;

/**
 * Replaces a file's contents all at once: a temporary file beside it, then a rename, so a reader
 * sees the old contents or the new, never half, and a failure leaves the old file as it was. The
 * new file keeps the old one's permissions, or gets what the umask gives (not a temporary file's
 * 0600).
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, bytes, false);
  }

  /** The same for a secret such as password hashes: readable and writable by its owner only. */
  public static void writeOwnerOnly(Path target, byte[] bytes) throws IOException {
    write(target, bytes, true);
  }

  private static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(bytes, "bytes");
    Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "target's folder");
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      if (ownerOnly && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            temp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      try (OutputStream out =
          Files.newOutputStream(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
      PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (!ownerOnly && old != null && Files.exists(target)) {
        Files.setPosixFilePermissions(temp, old.readAttributes().permissions());
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
