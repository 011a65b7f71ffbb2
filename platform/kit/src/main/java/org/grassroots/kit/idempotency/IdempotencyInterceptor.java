package org.grassroots.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.grassroots.kit.problem.Problem;
import org.grassroots.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies {@link Idempotent}: the key row and the change commit in one transaction (the interceptor starts it and
 * the service's own {@code @Transactional} joins), so a request is either applied and remembered, or neither. A
 * concurrent duplicate waits on the key's row and then replays. A refused request (an exception) remembers
 * nothing: the client may fix it and retry with the same key. Answers are kept sealed for the store's lifetime
 * (24 hours; see {@link IdempotencyRecords}); after an erasure a replay is a 410.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotencyRecords records;

    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object apply(InvocationContext invocation) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(HEADER, "must be 1-" + MAX_KEY_LENGTH + " characters");
        }
        String caller = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String keyHash = SealedAnswers.lookupHash(caller, key);
        String fingerprint = fingerprint(caller, key, invocation);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (records.claim(caller, keyHash, fingerprint)) {
                    Object result = invocation.proceed();
                    remember(caller, key, keyHash, result);
                    return result;
                }
                return replay(caller, key, records.find(caller, keyHash), fingerprint,
                        invocation.getMethod().getReturnType());
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void remember(String caller, String key, String keyHash, Object result) throws JsonProcessingException {
        int status = 200;
        String type = "application/json";
        String location = null;
        Object entity = result;
        if (result instanceof Response response) {
            status = response.getStatus();
            type = response.getMediaType() == null ? type : response.getMediaType().toString();
            location = response.getLocation() == null ? null : response.getLocation().toString();
            entity = response.getEntity();
        }
        String body = entity == null ? null : mapper.writeValueAsString(entity);
        records.remember(caller, keyHash, status, type, location,
                body == null ? null : SealedAnswers.seal(caller, key, body), subjects(body, location));
    }

    private Object replay(String caller, String key, IdempotencyRecords.Remembered row, String fingerprint,
                          Class<?> returnType) throws Exception {
        if (row.forgotten()) {
            throw new ProblemException(new Problem(Problem.type("erased"), "Gone", 410,
                    "What this Idempotency-Key's request created has been erased; nothing of it is kept", null,
                    null));
        }
        if (!fingerprint.equals(row.fingerprint())) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was used for another request; use a new key for a new request");
        }
        String body = row.sealedBody() == null ? null : SealedAnswers.open(caller, key, row.sealedBody());
        if (returnType == Response.class) {
            Response.ResponseBuilder response = Response.status(row.status()).header(REPLAYED_HEADER, "true");
            if (body != null) {
                response.entity(body).type(row.type());
            }
            if (row.location() != null) {
                response.header("Location", row.location());
            }
            return response.build();
        }
        return body == null ? null : mapper.readValue(body, returnType);
    }

    /**
     * The ids the answer is about, by which an erasure finds it: top-level {@code id} and {@code ...Id} members that
     * are UUIDs, and the Location's last segment.
     */
    private Set<UUID> subjects(String body, String location) throws JsonProcessingException {
        Set<UUID> ids = new LinkedHashSet<>();
        if (body != null) {
            JsonNode answer = mapper.readTree(body);
            Iterator<Map.Entry<String, JsonNode>> fields = answer.isObject() ? answer.fields()
                    : java.util.Collections.emptyIterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ((field.getKey().equals("id") || field.getKey().endsWith("Id")) && field.getValue().isTextual()) {
                    addIfUuid(ids, field.getValue().asText());
                }
            }
        }
        if (location != null) {
            addIfUuid(ids, location.substring(location.lastIndexOf('/') + 1));
        }
        return ids;
    }

    private static void addIfUuid(Set<UUID> ids, String value) {
        try {
            ids.add(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            // a ballot paper id or a slug: not a person's
        }
    }

    /**
     * The method, the path and the request's arguments, keyed with the client's key (so the stored fingerprint
     * cannot be tested against guessed bodies): the same key with another request is a client error.
     */
    private String fingerprint(String caller, String key, InvocationContext invocation)
            throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(SealedAnswers.lookupHash(caller, "fingerprint:" + key).getBytes(StandardCharsets.UTF_8));
        digest.update((request.method().name() + " " + request.path()).getBytes(StandardCharsets.UTF_8));
        for (Object argument : invocation.getParameters()) {
            if (argument == null || argument instanceof UriInfo || argument instanceof HttpHeaders
                    || argument instanceof SecurityContext) {
                continue;
            }
            String value;
            try {
                value = mapper.writeValueAsString(argument);
            } catch (JsonProcessingException e) {
                value = String.valueOf(argument);
            }
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
