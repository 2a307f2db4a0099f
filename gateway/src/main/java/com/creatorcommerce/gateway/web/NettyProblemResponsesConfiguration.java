package com.creatorcommerce.gateway.web;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * Installs {@link NettyProblemResponses} in every HTTP connection of the gateway's server, with the limits the
 * server enforces ({@code server.netty.max-initial-line-length}, default 4 KB: the request line, so the URL;
 * {@code server.max-http-request-header-size}, default 8 KB: all headers).
 */
@Configuration(proxyBeanMethods = false)
public class NettyProblemResponsesConfiguration {

    @Bean
    NettyServerCustomizer problemJsonOnDecodingFailures(Environment environment) {
        int maxInitialLine = (int) environment
                .getProperty("server.netty.max-initial-line-length", DataSize.class, DataSize.ofBytes(4096))
                .toBytes();
        long maxHeaders = environment
                .getProperty("server.max-http-request-header-size", DataSize.class, DataSize.ofKilobytes(8))
                .toBytes();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(NettyProblemResponses.NAME) == null) {
                pipeline.addAfter(
                        NettyPipeline.HttpCodec,
                        NettyProblemResponses.NAME,
                        new NettyProblemResponses(maxInitialLine, maxHeaders));
            }
        });
    }
}
