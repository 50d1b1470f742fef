package io.loyaltybridge.web;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;

/**
 * Camel Main's HTTP server (configured from {@code camel.server.*} exactly as by Camel's own factory) with a
 * {@link StartGate} put first in its router before the port opens. Camel Main takes a factory from the registry
 * before its default one, so binding this one is all it takes.
 */
public final class GatedHttpServerFactory implements MainHttpServerFactory {
    private final DefaultMainHttpServerFactory configured = new DefaultMainHttpServerFactory();
    private final StartGate gate;

    public GatedHttpServerFactory(StartGate gate) {
        this.gate = gate;
    }

    @Override
    public Service newHttpServer(CamelContext context, HttpServerConfigurationProperties properties) {
        configured.setCamelContext(context);
        MainHttpServer camels = (MainHttpServer) configured.newHttpServer(context, properties);
        GatedMainServer server = new GatedMainServer(gate);
        server.setCamelContext(context);
        server.setConfiguration(camels.getConfiguration());
        server.setStaticEnabled(camels.isStaticEnabled());
        server.setStaticContextPath(camels.getStaticContextPath());
        server.setStaticSourceDir(camels.getStaticSourceDir());
        return server;
    }

    @Override
    public Service newHttpManagementServer(CamelContext context, HttpManagementServerConfigurationProperties properties) {
        configured.setCamelContext(context);
        return configured.newHttpManagementServer(context, properties);
    }

    /** Camel's main server, whose Vert.x server is the gated one below. */
    private static final class GatedMainServer extends MainHttpServer {
        private final StartGate gate;

        GatedMainServer(StartGate gate) {
            this.gate = gate;
        }

        @Override
        protected void doInit() throws Exception {
            // What MainHttpServer.doInit does, with the gated server: Camel starts it (and stops it) as a service.
            getCamelContext().addService(new GatedVertxServer(getConfiguration(), gate));
        }
    }

    /** The Vert.x server, its router holding the gate before it listens. */
    private static final class GatedVertxServer extends VertxPlatformHttpServer {
        private final VertxPlatformHttpServerConfiguration configuration;
        private final StartGate gate;

        GatedVertxServer(VertxPlatformHttpServerConfiguration configuration, StartGate gate) {
            super(configuration);
            this.configuration = configuration;
            this.gate = gate;
        }

        @Override
        protected void initializeServer() {
            super.initializeServer();
            VertxPlatformHttpRouter.lookup(getCamelContext(),
                    VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getPort()))
                    .route().order(Integer.MIN_VALUE).handler(gate);
        }
    }
}
