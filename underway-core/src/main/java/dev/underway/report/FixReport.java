package dev.underway.report;

import java.util.List;

/**
 * What {@code lint --fix} did to a directory or file, and what lint says of the files as fixed.
 *
 * @param files  every SQL file, changed or not, in lint order
 * @param report the lint of the files' new texts (whether or not the caller writes them)
 */
public record FixReport(List<FixedFile> files, LintReport report) {

    public FixReport {
        files = List.copyOf(files);
    }
}
