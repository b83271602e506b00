/** Notice Publisher: one source of truth to accessible, multilingual privacy notices. */
@NullMarked
package org.noticepublisher;

import org.jspecify.annotations.NullMarked;
