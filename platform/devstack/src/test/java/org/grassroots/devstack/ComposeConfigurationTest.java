package org.grassroots.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml and the services' configuration agree: every variable compose sets is one the service
 * reads, and every variable a service requires in production (no default) is set by compose.
 */
class ComposeConfigurationTest {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Path ROOT = DevstackOptions.findProjectRoot(Path.of(""));
    private static final Path KIT_DEFAULTS = ROOT.resolve(
            "platform/kit/src/main/resources/META-INF/microprofile-config.properties");
    private static final Path KIT_WEB_DEFAULTS = ROOT.resolve(
            "platform/kit-web/src/main/resources/META-INF/microprofile-config.properties");

    @Test
    void everyVariableComposeSetsIsReadByThatServicesConfiguration() throws IOException {
        List<String> unread = new ArrayList<>();
        int checked = 0;
        for (var service : services()) {
            Set<String> readable = readableVariables(service.module());
            for (String variable : service.environment()) {
                checked++;
                if (!readable.contains(variable)) {
                    unread.add(service.name() + ": " + variable);
                }
            }
        }
        assertTrue(checked >= 20, "compose sets the services' variables (" + checked + " checked)");
        assertEquals(List.of(), unread, "docker-compose.yml sets variables no configuration reads");
    }

    @Test
    void everyVariableAServiceRequiresInProductionIsSetByCompose() throws IOException {
        List<String> missing = new ArrayList<>();
        for (var service : services()) {
            for (String required : requiredVariables(service.module())) {
                if (!service.environment().contains(required)) {
                    missing.add(service.name() + ": " + required);
                }
            }
        }
        assertEquals(List.of(), missing, "compose leaves required variables unset");
    }

    @Test
    void everyServiceAndTheGatewayHaveAJvmDockerfile() throws IOException {
        List<Service> services = services();
        assertEquals(Set.of("members-service", "events-service", "elections-service", "webhooks-service", "gateway"),
                new TreeSet<>(services.stream().map(Service::name).toList()));
        for (Service service : services) {
            assertTrue(Files.exists(service.module().resolve("src/main/docker/Dockerfile.jvm")), service.name());
        }
    }

    private record Service(String name, Path module, Set<String> environment) {
    }

    private static List<Service> services() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        List<Service> services = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(entry -> {
            JsonNode context = entry.getValue().path("build").path("context");
            if (!context.isMissingNode()) {
                Set<String> environment = new TreeSet<>();
                entry.getValue().path("environment").fieldNames().forEachRemaining(environment::add);
                services.add(new Service(entry.getKey(), ROOT.resolve(context.asText()).normalize(), environment));
            }
        });
        assertFalse(services.isEmpty());
        return services;
    }

    /**
     * The configuration sources the service reads: its application.properties, kit-web's defaults (every service
     * and the gateway use kit-web), and the kit's if it uses the kit.
     */
    private static List<String> configuration(Path module) throws IOException {
        List<String> lines = new ArrayList<>(
                Files.readAllLines(module.resolve("src/main/resources/application.properties")));
        String pom = Files.readString(module.resolve("pom.xml"));
        boolean kit = pom.contains("<artifactId>grassroots-kit</artifactId>");
        if (kit || pom.contains("<artifactId>grassroots-kit-web</artifactId>")) {
            lines.addAll(Files.readAllLines(KIT_WEB_DEFAULTS));
        }
        if (kit) {
            lines.addAll(Files.readAllLines(KIT_DEFAULTS));
        }
        return lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Variables referenced as ${VAR} plus the environment names of every property (QUARKUS_HTTP_PORT...). */
    private static Set<String> readableVariables(Path module) throws IOException {
        Set<String> variables = new TreeSet<>();
        for (String line : configuration(module)) {
            Matcher m = REFERENCE.matcher(line);
            while (m.find()) {
                variables.add(m.group(1));
            }
            String key = line.split("=", 2)[0].trim().replaceFirst("^%[a-z]+\\.", "");
            variables.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return variables;
    }

    /** Variables referenced without a default in configuration that applies in production. */
    private static Set<String> requiredVariables(Path module) throws IOException {
        Set<String> required = new TreeSet<>();
        for (String line : configuration(module)) {
            if (line.startsWith("%") && !line.startsWith("%prod.")) {
                continue;
            }
            Matcher m = REFERENCE.matcher(line);
            while (m.find()) {
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }
}
