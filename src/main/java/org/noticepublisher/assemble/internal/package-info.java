/** Implementation details of assembly: the Thymeleaf dialect and message resolver. */
@NullMarked
package org.noticepublisher.assemble.internal;

import org.jspecify.annotations.NullMarked;
