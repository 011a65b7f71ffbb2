package org.grassroots.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files the local run needs: the built jars it starts, and its own data directory (databases, logs, keys). */
final class StackFiles {

    private StackFiles() {
    }

    /** The data directory ready for a start: emptied first when {@code fresh}, with its logs folder. */
    static void prepareDataDirectory(Path data, boolean fresh) {
        if (fresh) {
            deleteRecursively(data);
        }
        mkdirs(data.resolve("logs"));
    }

    /** A module's runnable jar ("members" is members-service's); fails with what to do when it is not built. */
    static Path jarOf(Path projectRoot, String module) {
        String directory = Devstack.SERVICES.contains(module) ? module + "-service" : module;
        Path jar = projectRoot.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        return jar;
    }

    private static void mkdirs(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
