package org.grassroots.testing.contract;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An {@link HttpClient} that hands every answer it receives to an {@link OpenApiContract}, so a test validates
 * all its traffic against the served document without remembering to. Bodies read as a String or bytes are
 * validated, and so are streams (read here, handed on as the same bytes); other body handlers get status and
 * headers checked.
 */
public final class ContractCheckedHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final OpenApiContract contract;

    public ContractCheckedHttpClient(HttpClient delegate, OpenApiContract contract) {
        this.delegate = delegate;
        this.contract = contract;
    }

    public OpenApiContract contract() {
        return contract;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return checked(request, delegate.send(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler).thenApply(response -> checked(request, response));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler).thenApply(response -> checked(request, response));
    }

    private <T> HttpResponse<T> checked(HttpRequest request, HttpResponse<T> response) {
        Object body = response.body();
        HttpResponse<T> answer = response;
        String text = body instanceof String s ? s : body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                : null;
        if (body instanceof InputStream stream) {
            // Generated clients read a stream: read it here, validate, and hand the caller the same bytes.
            byte[] bytes = readFully(stream);
            text = new String(bytes, StandardCharsets.UTF_8);
            answer = withBody(response, bytes);
        }
        contract.check(request.method(), request.uri(), response.statusCode(),
                name -> response.headers().firstValue(name), text);
        return answer;
    }

    private static byte[] readFully(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> HttpResponse<T> withBody(HttpResponse<T> response, byte[] bytes) {
        T body = (T) new ByteArrayInputStream(bytes);
        return new HttpResponse<>() {
            @Override public int statusCode() { return response.statusCode(); }
            @Override public HttpRequest request() { return response.request(); }
            @Override public Optional<HttpResponse<T>> previousResponse() { return response.previousResponse(); }
            @Override public HttpHeaders headers() { return response.headers(); }
            @Override public T body() { return body; }
            @Override public Optional<SSLSession> sslSession() { return response.sslSession(); }
            @Override public URI uri() { return response.uri(); }
            @Override public HttpClient.Version version() { return response.version(); }
        };
    }

    // Everything else is the delegate's.
    @Override public Optional<CookieHandler> cookieHandler() { return delegate.cookieHandler(); }
    @Override public Optional<Duration> connectTimeout() { return delegate.connectTimeout(); }
    @Override public Redirect followRedirects() { return delegate.followRedirects(); }
    @Override public Optional<ProxySelector> proxy() { return delegate.proxy(); }
    @Override public SSLContext sslContext() { return delegate.sslContext(); }
    @Override public SSLParameters sslParameters() { return delegate.sslParameters(); }
    @Override public Optional<Authenticator> authenticator() { return delegate.authenticator(); }
    @Override public Version version() { return delegate.version(); }
    @Override public Optional<Executor> executor() { return delegate.executor(); }
    @Override public void close() { delegate.close(); }
}
