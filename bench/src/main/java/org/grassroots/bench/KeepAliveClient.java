package org.grassroots.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One HTTP/1.1 keep-alive connection that sends the same GET again and again, or a POST with a new JSON body each
 * time: a load generator that costs almost no CPU itself, so that on a 2-core machine the figures are the
 * servers', not the client's.
 */
final class KeepAliveClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;
    private final Supplier<String> bodies;

    /** A GET of {@code uri}. */
    KeepAliveClient(URI uri, String authorization) throws IOException {
        this(uri, authorization, null);
    }

    /** A GET of {@code uri}, or, with {@code bodies}, a POST of a JSON body taken from it for each request. */
    KeepAliveClient(URI uri, String authorization, Supplier<String> bodies) throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.bodies = bodies;
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request = ((bodies == null ? "GET " : "POST ") + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Accept: application/json\r\n"
                + (bodies == null ? "\r\n" : "Content-Type: application/json\r\n"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the request and reads the whole response; returns the status code. */
    int call() throws IOException {
        if (bodies == null) {
            out.write(request);
        } else {
            // One write (one segment with TCP_NODELAY): headers, length and body together.
            byte[] body = bodies.get().getBytes(StandardCharsets.UTF_8);
            byte[] length = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] whole = Arrays.copyOf(request, request.length + length.length + body.length);
            System.arraycopy(length, 0, whole, request.length, length.length);
            System.arraycopy(body, 0, whole, request.length + length.length, body.length);
            out.write(whole);
        }
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        return code;
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-response");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
