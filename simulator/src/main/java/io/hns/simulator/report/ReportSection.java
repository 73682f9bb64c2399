package io.hns.simulator.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled part of a report: an optional paragraph, then blocks (tables and charts) in order.
 * {@link RunReport} makes the sections of one run; a sweep adds its own (for example one holding a
 * {@link ReportBlock.Pareto}) with {@link HtmlReport#add}.
 *
 * @param id stable identifier (the element's {@code id}, for links and tests)
 * @param intro a paragraph under the title, or null
 */
public record ReportSection(String id, String title, String intro, List<ReportBlock> blocks) {
  public ReportSection {
    blocks = List.copyOf(blocks);
  }

  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** Collects blocks in order. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String intro;
    private final List<ReportBlock> blocks = new ArrayList<>();

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder intro(String text) {
      this.intro = text;
      return this;
    }

    public Builder add(ReportBlock block) {
      blocks.add(block);
      return this;
    }

    public ReportSection build() {
      return new ReportSection(id, title, intro, blocks);
    }
  }
}
