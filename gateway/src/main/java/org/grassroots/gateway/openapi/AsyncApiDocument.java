package org.grassroots.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the events catalogue (AsyncAPI 3, from kit-core) at {@code /q/asyncapi} beside the OpenAPI document, so an
 * integrator finds what the suite publishes on Kafka where they found its API: YAML, or JSON with
 * {@code ?format=json}.
 */
@ApplicationScoped
public class AsyncApiDocument {

    public static final String PATH = "/q/asyncapi";
    static final String RESOURCE = "asyncapi/grassroots-events.yaml";

    private final byte[] yaml;
    private final byte[] json;

    public AsyncApiDocument() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The events catalogue " + RESOURCE + " is not on the class path");
            }
            yaml = in.readAllBytes();
            json = new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(rc -> {
            boolean asJson = "json".equals(rc.request().getParam("format"));
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, asJson ? "application/json" : "application/yaml")
                    .end(io.vertx.core.buffer.Buffer.buffer(asJson ? json : yaml));
        });
    }
}
