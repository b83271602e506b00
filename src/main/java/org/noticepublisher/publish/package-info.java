/**
 * Publishing: verified notices are written under output/ with a manifest, through a {@link
 * org.noticepublisher.publish.Publisher} session that holds the folder's lock and switches in each
 * new generation atomically. {@code output} is a symbolic link to the current generation: code that
 * lists it should walk {@code output.toRealPath()} ({@code Files.walk} does not enter a link it
 * starts from), and code that writes there bypasses the manifest and is undone by the next session.
 */
@NullMarked
package org.noticepublisher.publish;

import org.jspecify.annotations.NullMarked;
