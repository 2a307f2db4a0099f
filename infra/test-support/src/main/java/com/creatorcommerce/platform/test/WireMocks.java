package com.creatorcommerce.platform.test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock servers for tests: loopback only, random port, plain HTTP/1.1 (so reset faults stay resets). */
public final class WireMocks {

    private WireMocks() {}

    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .containerThreads(32));
        server.start();
        return server;
    }
}
