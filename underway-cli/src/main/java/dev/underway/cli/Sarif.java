package dev.underway.cli;

import dev.underway.lint.Finding;
import dev.underway.lint.Rule;
import dev.underway.lint.Rules;

import java.util.List;
import java.util.Map;

/** A SARIF 2.1.0 log with one run: every rule as a reporting descriptor, every finding as a result. */
final class Sarif {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

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
                        "artifactLocation", Json.object("uri", f.file()),
                        "region", Json.object("startLine", f.line())))));
    }
}
