/** Implementation details of assembly: the Thymeleaf dialect and message resolver. */
package org.noticepublisher.assemble.internal;
