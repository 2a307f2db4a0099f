package com.creatorcommerce.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy for fault injection: clients connect to {@code 127.0.0.1:}{@link #port()} and every
 * connection is forwarded byte for byte to the target. {@link #cut()} makes the target unreachable — every open
 * connection is closed at once (the client sees a reset or end of stream) and new connections are closed as soon as
 * they are accepted — until {@link #restore()}. The port stays bound while cut, so the proxy can never lose it.
 *
 * <p>Typical use: point a pool at the proxy (with a short connect timeout) instead of the real server, then cut and
 * restore to simulate a network partition or a server outage and its end:
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 3306)) {
 *     String url = "jdbc:mariadb://" + proxy.address() + "/mydb";
 *     ...
 *     proxy.cut();      // the database "goes away"
 *     proxy.restore();  // and comes back
 * }
 * }</pre>
 *
 * <p>Plain {@code java.net} with daemon threads (one acceptor, two pumps per connection); half-closes are
 * forwarded, so request/response protocols that shut down their output work too.
 */
public final class TcpProxy implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String targetHost;
    private final int targetPort;
    private final int connectTimeoutMillis;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final String name;
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort, int connectTimeoutMillis) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.name = "tcp-proxy-" + COUNTER.incrementAndGet();
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        daemon(name + "-accept", this::acceptLoop).start();
    }

    /** A proxy on an ephemeral loopback port forwarding to {@code host:port} (2 s connect timeout). */
    public static TcpProxy to(String host, int port) {
        return to(host, port, 2_000);
    }

    /** A proxy forwarding to {@code host:port}, giving up a connection to it after {@code connectTimeoutMillis}. */
    public static TcpProxy to(String host, int port, int connectTimeoutMillis) {
        try {
            return new TcpProxy(host, port, connectTimeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind a loopback proxy to " + host + ":" + port, e);
        }
    }

    /** Always the loopback address {@code 127.0.0.1}. */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}, to put where the target's {@code host:port} was (a JDBC URL, bootstrap servers). */
    public String address() {
        return host() + ":" + port();
    }

    /** Closes every open connection and turns new ones away until {@link #restore()}. Idempotent. */
    public void cut() {
        cut = true;
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    /** Forwards new connections again (connections closed by {@link #cut()} stay closed). Idempotent. */
    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    /** Sockets currently open through the proxy (client and target side each count once). */
    public int openSockets() {
        return sockets.size();
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cut();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                pause(); // e.g. out of file descriptors: do not spin
                continue;
            }
            if (cut) {
                reset(client);
                continue;
            }
            daemon(name + "-connect", () -> connect(client)).start();
        }
    }

    private void connect(Socket client) {
        sockets.add(client);
        Socket target = new Socket();
        sockets.add(target);
        try {
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
            target.connect(new InetSocketAddress(targetHost, targetPort), connectTimeoutMillis);
        } catch (IOException e) {
            reset(client);
            reset(target);
            return;
        }
        if (cut) { // cut while connecting: cut() may have run before both sockets were registered
            reset(client);
            reset(target);
            return;
        }
        AtomicInteger open = new AtomicInteger(2);
        daemon(name + "-up", () -> pump(client, target, open)).start();
        daemon(name + "-down", () -> pump(target, client, open)).start();
    }

    /** Copies {@code from} to {@code to}; forwards end of stream as a half-close; the last pump closes both. */
    private void pump(Socket from, Socket to, AtomicInteger open) {
        byte[] buffer = new byte[16 * 1024];
        try { // closing a socket's stream closes the socket: the streams are left to the sockets' close
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
            if (open.decrementAndGet() == 0) { // both directions ended cleanly
                closeQuietly(from);
                closeQuietly(to);
            }
        } catch (IOException e) { // reset, cut or the peer went away: both directions end
            reset(from);
            reset(to);
        }
    }

    /** Closes with a reset (linger 0): the peer sees the connection die at once, as on a real outage. */
    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
