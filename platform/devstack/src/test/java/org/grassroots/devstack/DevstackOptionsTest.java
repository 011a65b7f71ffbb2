package org.grassroots.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevstackOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void withoutOptionsTheDocumentedPortsAndDataDirectory() {
        DevstackOptions options = DevstackOptions.fromArguments(ROOT, List.of());
        assertEquals(List.of(8080, 8081, 8082, 8083, 8084, 15432, 19092), options.ports());
        assertEquals(ROOT.resolve(".devstack"), options.dataDirectory());
        assertEquals(false, options.fresh());
    }

    @Test
    void optionsMoveThePortsAndTheData() {
        DevstackOptions options = DevstackOptions.fromArguments(ROOT, List.of("--fresh", "--data", "/tmp/other",
                "--port", "9080", "--postgres-port", "25432", "--kafka-port", "29092"));
        assertEquals(List.of(9080, 9081, 9082, 9083, 9084, 25432, 29092), options.ports());
        assertEquals(Path.of("/tmp/other"), options.dataDirectory());
        assertTrue(options.fresh());
    }

    @Test
    void aBadOptionIsRefusedNamingIt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DevstackOptions.fromArguments(ROOT,
                List.of("--prot", "9080"))).getMessage().contains("--prot"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DevstackOptions.fromArguments(ROOT,
                List.of("--port", "http"))).getMessage().contains("not http"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DevstackOptions.fromArguments(ROOT,
                List.of("--port"))).getMessage().contains("needs a value"));
    }
}
