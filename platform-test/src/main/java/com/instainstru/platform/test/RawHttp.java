package com.instainstru.platform.test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 spoken by hand over a socket, for what a well-behaved client library will not do: send half a
 * request and stall, announce a body it never sends, or come from another loopback address (127.0.0.2, ...)
 * as a second client would.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** A connection to the service under test from {@code fromAddress} (any address of 127.0.0.0/8). */
    public static RawHttp connect(int port, String fromAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(fromAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return new RawHttp(socket);
    }

    public RawHttp send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    /** A whole request: JSON body with its Content-Length. */
    public static String post(String path, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + json.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + json;
    }

    /** Everything the server sends until it closes the connection or {@code wait} passes. */
    public String readUntilClosed(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new IOException("still open after " + wait + "; received so far: " + received.toString(StandardCharsets.UTF_8));
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /**
     * The status a service answers to a POST whose headers announce a JSON body of {@code length} bytes, before
     * the body is sent (a body over the service's limit is refused at once with 413).
     */
    public static int statusOfAnnouncedBody(int port, String path, String token, int length) {
        try (RawHttp client = connect(port, "127.0.0.1")) {
            client.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n");
            client.socket.setSoTimeout(5000);
            String statusLine = new BufferedReader(new InputStreamReader(client.socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return status(statusLine == null ? "" : statusLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of the answer in {@code response} (its first line), or -1 for none. */
    public static int status(String response) {
        return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
