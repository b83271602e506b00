/** Verification: veraPDF, text fidelity and font checks decide whether a PDF may be published. */
package org.noticepublisher.verify;
