/** Verification: veraPDF, text fidelity and font checks decide whether a PDF may be published. */
@NullMarked
package org.noticepublisher.verify;

import org.jspecify.annotations.NullMarked;
