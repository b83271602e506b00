/** Rendering: an assembled notice becomes a tagged PDF/UA-1 and PDF/A-2a file. */
package org.noticepublisher.render;
