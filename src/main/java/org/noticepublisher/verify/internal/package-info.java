/** Implementation details of verification: text extraction that knows about artifacts. */
@NullMarked
package org.noticepublisher.verify.internal;

import org.jspecify.annotations.NullMarked;
