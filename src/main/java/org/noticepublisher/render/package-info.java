/** Rendering: an assembled notice becomes a tagged PDF/UA-1 and PDF/A-2a file. */
@NullMarked
package org.noticepublisher.render;

import org.jspecify.annotations.NullMarked;
