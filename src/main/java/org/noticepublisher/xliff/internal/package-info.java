/** Details of XLIFF exchange: ICU messages split into segments and put back together. */
@NullMarked
package org.noticepublisher.xliff.internal;

import org.jspecify.annotations.NullMarked;
