package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.observe.MigrationListener;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.Callable;

/** A command that works on one target database; manages the embedded default around it. */
abstract class DatabaseCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @ParentCommand
    UnderwayCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        if (target.dir != null) {
            target.dir = parent.workDir.resolve(target.dir);
        }
        try (EmbeddedSession embedded = new EmbeddedSession(parent.workDir)) {
            Underway underway = configure(target.builder(embedded, err(), listener())).build();
            return run(underway);
        }
    }

    /**
     * Options of {@link TargetOptions} this command has no use for: left out of its help and its parser (the library's
     * defaults apply). Only commands whose help listed options that do nothing say so.
     */
    Set<String> unusedOptions() {
        return Set.of();
    }

    /** Adds the command's own options to the builder. */
    Underway.Builder configure(Underway.Builder builder) {
        return builder;
    }

    abstract int run(Underway underway);

    MigrationListener listener() {
        return new ConsoleListener(err(), err());
    }

    /**
     * No --dir and no default directory here: info and validate then work from the history alone (the README's
     * {@code info --url ...} run on a machine without the files). An explicit --dir that does not exist stays an error.
     */
    boolean withoutDirectory() {
        return !spec.commandLine().getParseResult().hasMatchedOption("--dir") && !Files.isDirectory(target.dir);
    }

    /** What info and validate say when {@link #withoutDirectory()}. */
    String noDirectoryNote() {
        return "No migration directory " + parent.workDir.relativize(target.dir) + " here (pass --dir DIR):"
                + " the history as recorded; the migration files were not checked.";
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
