package org.grassroots.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a TCP port is free, and which process listens on it: read from {@code /proc} (Linux), so a refused start
 * can name the process in the way. Elsewhere, or for another user's process, the owner is unknown.
 */
final class PortOwners {

    private static final int MAX_COMMAND_SHOWN = 140;

    private PortOwners() {
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The process listening on {@code port}, if this machine says and it is ours to see. */
    static Optional<ProcessHandle> listeningOn(int port) {
        return listeningSocketInode(port).flatMap(PortOwners::processHolding).flatMap(ProcessHandle::of);
    }

    /** "process 1234 (java … -jar /…/gateway/target/quarkus-app/quarkus-run.jar)". */
    static String describe(ProcessHandle process) {
        String command = commandLine(process);
        int jar = command.indexOf(" -jar ");
        if (jar > 0) {
            command = "java … " + command.substring(jar + 1); // a JVM's options say little, its jar what it is
        }
        if (command.length() > MAX_COMMAND_SHOWN) {
            command = command.substring(0, MAX_COMMAND_SHOWN) + "…";
        }
        return "process " + process.pid() + (command.isEmpty() ? "" : " (" + command + ")");
    }

    static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline)).replace('\0', ' ').trim();
            }
        } catch (IOException gone) {
            // fall back to what the JDK knows
        }
        return process.info().commandLine().orElse("");
    }

    /** The process's environment variables, NAME=value each, if it is ours to see. */
    static List<String> environment(ProcessHandle process) {
        try {
            return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ")))
                    .split("\0"));
        } catch (IOException | RuntimeException notOursToSee) {
            return List.of();
        }
    }

    private static Optional<String> listeningSocketInode(int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                Optional<String> inode = lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                        .filter(f -> f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A"))
                        .map(f -> f[9]).findFirst();
                if (inode.isPresent()) {
                    return inode;
                }
            } catch (IOException | RuntimeException notLinux) {
                // no /proc here
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> processHolding(String inode) {
        String socket = "socket:[" + inode + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holds(process.resolve("fd"), socket)) {
                    return Optional.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc here
        }
        return Optional.empty();
    }

    private static boolean holds(Path descriptors, String socket) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(descriptors)) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(socket)) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        } catch (IOException notOursToSee) {
            // another user's process, or it ended
        }
        return false;
    }
}
