/** Implementation details of rendering: fonts, Arabic-script shaping, reproducible metadata. */
@NullMarked
package org.noticepublisher.render.internal;

import org.jspecify.annotations.NullMarked;
