/** Notice Publisher: one source of truth to accessible, multilingual privacy notices. */
package org.noticepublisher;
