package org.grassroots.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.grassroots.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;

/**
 * Applies {@link Idempotent}: the key row and the change commit in one transaction (the interceptor starts it and
 * the service's own {@code @Transactional} joins), so a request is either applied and remembered, or neither. A
 * concurrent duplicate waits on the key's row and then replays. A refused request (an exception) remembers
 * nothing: the client may fix it and retry with the same key. Keys are kept 24 hours.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    @Inject
    Clock clock;

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager entityManager;

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
        String fingerprint = fingerprint(invocation);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (claim(caller, key, fingerprint)) {
                    Object result = invocation.proceed();
                    remember(caller, key, result);
                    return result;
                }
                return replay(caller, key, fingerprint, invocation.getMethod().getReturnType());
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts the key's row; false if another request holds it (after waiting for that one to commit). */
    private boolean claim(String caller, String key, String fingerprint) {
        if (ThreadLocalRandom.current().nextInt(1_000) == 0) {
            entityManager.createNativeQuery("delete from idempotency_key where created_at < ?1")
                    .setParameter(1, SuiteClock.timestamp(clock).minusHours(24)).executeUpdate();
        }
        return entityManager.createNativeQuery("""
                        insert into idempotency_key (caller, idempotency_key, fingerprint, response_status, created_at)
                        values (?1, ?2, ?3, 0, ?4) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, SuiteClock.timestamp(clock))
                .executeUpdate() == 1;
    }

    private void remember(String caller, String key, Object result) throws JsonProcessingException {
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
        entityManager.createNativeQuery("""
                        update idempotency_key set response_status = ?3, response_type = ?4, location = ?5, body = ?6
                        where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, status).setParameter(4, type)
                .setParameter(5, location).setParameter(6, entity == null ? null : mapper.writeValueAsString(entity))
                .executeUpdate();
    }

    private Object replay(String caller, String key, String fingerprint, Class<?> returnType) throws Exception {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select fingerprint, response_status, response_type, location, body from idempotency_key
                        where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).getSingleResult();
        if (!fingerprint.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was used for another request; use a new key for a new request");
        }
        String body = (String) row[4];
        if (returnType == Response.class) {
            Response.ResponseBuilder response = Response.status((Integer) row[1]).header(REPLAYED_HEADER, "true");
            if (body != null) {
                response.entity(body).type((String) row[2]);
            }
            if (row[3] != null) {
                response.header("Location", row[3]);
            }
            return response.build();
        }
        return body == null ? null : mapper.readValue(body, returnType);
    }

    /** The method, the path and the request's arguments: the same key with another request is a client error. */
    private String fingerprint(InvocationContext invocation) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
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
