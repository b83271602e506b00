/** Assembly: a variant and a locale become one HTML notice through Thymeleaf fragments. */
@NullMarked
package org.noticepublisher.assemble;

import org.jspecify.annotations.NullMarked;
