package dev.underway.cli;

import dev.underway.lint.Finding;
import dev.underway.lint.Rule;
import dev.underway.lint.Rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A SARIF 2.1.0 log with one run: every rule as a reporting descriptor, every finding as a result. */
final class Sarif {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The conventional base of relative artifact locations: the checkout the tool ran in. */
    static final String SOURCE_ROOT = "%SRCROOT%";

    private Sarif() {
    }

    static Map<String, Object> log(List<Finding> findings) {
        List<Rule> rules = Rules.all();
        String version = UnderwayCommand.class.getPackage().getImplementationVersion();
        Map<String, Object> driver = Json.object(
                "name", "underway",
                "semanticVersion", version == null ? "0.0.0-dev" : version,
                "rules", rules.stream().map(Sarif::rule).toList());
        List<Object> results = findings.stream().map(f -> result(f, rules)).toList();
        return Json.object(
                "$schema", SCHEMA,
                "version", "2.1.0",
                "runs", List.of(Json.object("tool", Json.object("driver", driver), "results", results)));
    }

    private static Object rule(Rule r) {
        return Json.object(
                "id", r.code(),
                "name", r.name(),
                "shortDescription", Json.object("text", r.summary()),
                "fullDescription", Json.object("text", r.explanation()),
                "help", Json.object("text", r.safeAlternative()),
                "defaultConfiguration", Json.object("level", r.severity().sarifLevel()));
    }

    /**
     * A file as SARIF wants it, a valid URI reference: a relative path percent-encoded against {@code %SRCROOT%}
     * (the directory lint ran in), an absolute one as a {@code file://} URI.
     */
    static Map<String, Object> artifactLocation(String file) {
        String path = file.replace(java.io.File.separatorChar, '/');
        if (Path.of(file).isAbsolute()) {
            return Json.object("uri", "file://" + (path.startsWith("/") ? "" : "/") + encode(path));
        }
        return Json.object("uri", encode(path), "uriBaseId", SOURCE_ROOT);
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

    private static Object result(Finding f, List<Rule> rules) {
        int index = 0;
        while (index < rules.size() && !rules.get(index).code().equals(f.code())) {
            index++;
        }
        return Json.object(
                "ruleId", f.code(),
                "ruleIndex", index,
                "level", f.severity().sarifLevel(),
                "message", Json.object("text", f.message() + ". " + f.safeAlternative()),
                "locations", List.of(Json.object("physicalLocation", Json.object(
                        "artifactLocation", artifactLocation(f.file()),
                        "region", Json.object("startLine", f.line())))));
    }
}
