package org.noticepublisher.server;

import java.util.List;

/** The schools' print page: the languages to print the children's notice in, and the paper. */
record PrintForm(List<Language> locales, List<Paper> layouts) {

  static final List<Paper> PAPERS =
      List.of(
          new Paper("a4", "A4"),
          new Paper("a5", "A5 (booklet size)"),
          new Paper("a4-large-print", "A4 large print (16 pt text)"));

  /** A language by its native name, marked up in its own direction. */
  record Language(String locale, String name, String dir) {}

  /**
   * @param value the layout the form sends
   * @param label what people read
   */
  record Paper(String value, String label) {}
}
