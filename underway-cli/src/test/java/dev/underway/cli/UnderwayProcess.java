package dev.underway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the packaged CLI ({@code underway.jar}) as a separate JVM, as users and CI do. */
final class UnderwayProcess {
    private UnderwayProcess() {
    }

    static Process start(Path workDir, Path log, String... args) throws IOException {
        return start(workDir, log, Map.of(), args);
    }

    /** Starts it with these variables added to (or replacing those of) the test JVM's environment. */
    static Process start(Path workDir, Path log, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = builder(workDir, args).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The command line, stderr merged into stdout, which is a pipe unless redirected. */
    static ProcessBuilder builder(Path workDir, String... args) {
        String jar = System.getProperty("underway.jar");
        if (jar == null) {
            throw new IllegalStateException("system property underway.jar is not set; run through mvn verify");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-jar", jar));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    }

    /** Sends a signal by name ({@code TERM}, {@code INT}) to the process, as kill(1) does. */
    static void signal(Process p, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + p.pid() + " failed");
        }
    }

    /**
     * True when this JVM ignores SIGINT, as the background jobs of a non-interactive shell do: then so does every
     * process it starts, and no process can handle a SIGINT it inherited as ignored (POSIX).
     */
    static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0;
            }
        }
        return false;
    }
}
