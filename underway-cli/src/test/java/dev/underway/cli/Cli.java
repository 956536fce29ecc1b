package dev.underway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static Cli run(Path workDir, String... args) {
        return run(System.getenv(), workDir, args);
    }

    /** With {@code environment} instead of this JVM's (the UNDERWAY_* variables the CLI reads). */
    static Cli run(Map<String, String> environment, Path workDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, workDir, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Cli(code, out.toString(), err.toString());
    }
}
