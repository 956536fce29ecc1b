package dev.underway.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.underway.Audience;
import dev.underway.Underway;
import dev.underway.report.Finding;
import dev.underway.report.LintRule;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A SARIF 2.1.0 log with one run: every rule as a reporting descriptor, every finding as a result. The records are
 * the parts of SARIF's object model this log uses, named as the specification names them.
 */
final class Sarif {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The conventional base of relative artifact locations: the checkout the tool ran in. */
    static final String SOURCE_ROOT = "%SRCROOT%";

    private Sarif() {
    }

    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    record Run(Tool tool, List<Result> results) {
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String semanticVersion, List<ReportingDescriptor> rules) {
    }

    record ReportingDescriptor(String id, String name, Message shortDescription, Message fullDescription, Message help,
                               Configuration defaultConfiguration) {
    }

    record Message(String text) {
    }

    record Configuration(String level) {
    }

    record Result(String ruleId, int ruleIndex, String level, Message message, List<Location> locations) {
    }

    record Location(PhysicalLocation physicalLocation) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    /** @param uriBaseId absent for an absolute {@code file://} URI */
    record ArtifactLocation(String uri, @JsonInclude(JsonInclude.Include.NON_NULL) String uriBaseId) {
    }

    record Region(int startLine) {
    }

    static Log log(List<Finding> findings) {
        List<LintRule> rules = Underway.lintRules();
        String version = UnderwayCommand.class.getPackage().getImplementationVersion();
        Driver driver = new Driver("underway", version == null ? "0.0.0-dev" : version,
                rules.stream().map(Sarif::rule).toList());
        List<Result> results = findings.stream().map(f -> result(f, rules)).toList();
        return new Log(SCHEMA, "2.1.0", List.of(new Run(new Tool(driver), results)));
    }

    private static ReportingDescriptor rule(LintRule r) {
        return new ReportingDescriptor(r.code(), r.name(), new Message(r.summary()), new Message(r.explanation()),
                new Message(r.safeAlternative(Audience.CLI)), new Configuration(r.severity().sarifLevel()));
    }

    /**
     * A file as SARIF wants it, a valid URI reference: a relative path percent-encoded against {@code %SRCROOT%}
     * (the directory lint ran in), an absolute one as a {@code file://} URI.
     */
    static ArtifactLocation artifactLocation(String file) {
        String path = file.replace(java.io.File.separatorChar, '/');
        if (Path.of(file).isAbsolute()) {
            return new ArtifactLocation("file://" + (path.startsWith("/") ? "" : "/") + encode(path), null);
        }
        return new ArtifactLocation(encode(path), SOURCE_ROOT);
    }

    /** Percent-encodes every UTF-8 byte that is not unreserved (RFC 3986) and not a path separator. */
    private static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static Result result(Finding f, List<LintRule> rules) {
        int index = 0;
        while (index < rules.size() && !rules.get(index).code().equals(f.code())) {
            index++;
        }
        return new Result(f.code(), index, f.severity().sarifLevel(), new Message(f.message() + ". "
                + f.safeAlternative(Audience.CLI)), List.of(new Location(new PhysicalLocation(artifactLocation(f.file()),
                new Region(f.line())))));
    }
}
