/** Assembly: a variant and a locale become one HTML notice through Thymeleaf fragments. */
package org.noticepublisher.assemble;
