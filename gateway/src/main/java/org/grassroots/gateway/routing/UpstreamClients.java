package org.grassroots.gateway.routing;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.VertxInternal;

import java.net.URI;
import org.grassroots.gateway.config.GatewayConfig;

/**
 * One service's HTTP clients: one per event loop, each with its share of the service's connections. A request
 * is forwarded on a connection of the event loop that received it, so its bytes never cross threads. (One shared
 * client hands out its most recently used connection whatever its event loop, and every hand-over between loops
 * costs a task queue and a wake-up on each side: on a busy 2-core machine, a large part of the proxy's CPU.)
 */
final class UpstreamClients {

    private final ThreadLocal<HttpClient> perEventLoop;

    UpstreamClients(Vertx vertx, URI url, GatewayConfig config) {
        int loops = eventLoops(vertx);
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort())
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis());
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(share(config.maxConnectionsPerService(), loops))
                .setMaxWaitQueueSize(share(config.maxWaitingPerService(), loops));
        perEventLoop = ThreadLocal.withInitial(() -> vertx.createHttpClient(options, pool));
    }

    /** The client of the calling event loop. */
    HttpClient current() {
        return perEventLoop.get();
    }

    private static int share(int total, int loops) {
        return Math.max(1, (total + loops - 1) / loops);
    }

    private static int eventLoops(Vertx vertx) {
        int loops = 0;
        for (EventExecutor ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        return Math.max(1, loops);
    }
}
