/** XLIFF 2.0 exchange with translators' CAT tools, and per-locale translation status. */
@NullMarked
package org.noticepublisher.xliff;

import org.jspecify.annotations.NullMarked;
