package org.grassroots.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit the figures were measured on, for the report (and whether the tree had changes besides it). */
final class GitDescription {

    private GitDescription() {
    }

    static String describe(Path root) {
        String commit = git(root, "rev-parse", "--short", "HEAD");
        if (commit.isEmpty()) {
            return "unknown (not a git checkout)";
        }
        String subject = git(root, "log", "-1", "--format=%s");
        boolean dirty = !git(root, "status", "--porcelain", "--untracked-files=no").isEmpty();
        return commit + (dirty ? " with uncommitted changes" : "") + " (" + subject + ")";
    }

    private static String git(Path root, String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "";
        } catch (Exception e) {
            return "";
        }
    }
}
