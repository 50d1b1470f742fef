package io.loyaltybridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A working directory like a fresh checkout: the project's config/ and routes/ copied into {@code dir}. */
public final class Workspaces {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private Workspaces() {
    }

    public static Path copy(Path dir) {
        try {
            for (String folder : new String[]{"config", "routes"}) {
                Files.createDirectories(dir.resolve(folder));
                try (var files = Files.list(PROJECT.resolve(folder))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(file, dir.resolve(folder).resolve(file.getFileName()));
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
