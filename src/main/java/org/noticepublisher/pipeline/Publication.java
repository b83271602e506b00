package org.noticepublisher.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.noticepublisher.Finding;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.render.RenderedPdf;
import org.noticepublisher.sources.SourceHash;
import org.noticepublisher.verify.ReadingLevel;
import org.noticepublisher.verify.Verdict;

/**
 * One notice taken through the pipeline: what was made, what verification said, how long each stage
 * took. A stage that failed leaves the later ones empty and its findings in the verdict.
 *
 * @param id which notice
 * @param layout paper and print size
 * @param notice the assembled HTML, empty when assembly failed
 * @param pdf the rendered PDF, empty when assembly or rendering failed
 * @param verdict every finding of every stage; publishable only when it passed
 * @param reading readability figures of the English text, empty for other languages
 * @param timings time spent per stage
 * @param sources the hash of everything the notice was made from, as scanned when the pipeline
 *     opened
 */
public record Publication(
    NoticeId id,
    Layout layout,
    Optional<Notice> notice,
    Optional<RenderedPdf> pdf,
    Verdict verdict,
    Optional<ReadingLevel.Figures> reading,
    Timings timings,
    SourceHash sources) {

  public Publication {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(sources, "sources");
  }

  public boolean publishable() {
    return verdict.passed() && pdf.isPresent() && notice.isPresent();
  }

  /** Warnings and errors together, for reports. */
  public List<Finding> findings() {
    return verdict.findings();
  }

  /** Time per stage. */
  public record Timings(Duration assemble, Duration render, Duration verify) {
    public Duration total() {
      return assemble.plus(render).plus(verify);
    }
  }
}
