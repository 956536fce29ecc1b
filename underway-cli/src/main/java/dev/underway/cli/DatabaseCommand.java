package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.observe.MigrationListener;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
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
        target.dir = parent.workDir.resolve(target.dir);
        try (EmbeddedSession embedded = new EmbeddedSession(parent.workDir)) {
            Underway underway = configure(target.builder(embedded, err(), listener())).build();
            return run(underway);
        }
    }

    /** Adds the command's own options to the builder. */
    Underway.Builder configure(Underway.Builder builder) {
        return builder;
    }

    abstract int run(Underway underway);

    MigrationListener listener() {
        return new ConsoleListener(err(), err());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
