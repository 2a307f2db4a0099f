package com.creatorcommerce.gateway.web;

import com.creatorcommerce.platform.security.ProblemJson;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Gives a problem+json body to the answers the HTTP server writes before Spring sees the request, which otherwise
 * have no body and no content type: Netty's decoder failures (request line over the limit: 414
 * {@code URI_TOO_LONG}; headers over the limit: 431 {@code HEADERS_TOO_LARGE}; an unparsable request: 400
 * {@code MALFORMED_REQUEST}) and Spring's adapter refusing a request target that is not a URI (an invalid
 * percent-encoding such as {@code ?q=%zz}: 400 {@code MALFORMED_REQUEST}).
 *
 * <p>Sits in each connection's pipeline right after the HTTP codec: it sees every decoded request and every
 * response on its way out. It only changes an error response without a {@code Content-Type} that answers a request
 * it saw fail, so the services' and the gateway's own answers pass untouched.
 */
final class NettyProblemResponses extends ChannelDuplexHandler {

    static final String NAME = "platform.problemJsonOnDecodingFailure";

    private final int maxInitialLineLength;
    private final long maxHeaderSize;
    private Failure pending;

    private record Failure(String code, String detail, String instance) {}

    NettyProblemResponses(int maxInitialLineLength, long maxHeaderSize) {
        this.maxInitialLineLength = maxInitialLineLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            pending = failureOf(request);
        }
        ctx.fireChannelRead(msg);
    }

    private Failure failureOf(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                return new Failure(
                        "URI_TOO_LONG",
                        "The request line (method and URL) is longer than " + maxInitialLineLength + " bytes.",
                        null);
            }
            if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
                return new Failure(
                        "HEADERS_TOO_LARGE", "The request headers are larger than " + maxHeaderSize + " bytes.", null);
            }
            return new Failure("MALFORMED_REQUEST", "The request could not be parsed as HTTP.", null);
        }
        try {
            new URI(request.uri());
            return null;
        } catch (URISyntaxException e) {
            return new Failure(
                    "MALFORMED_REQUEST", "The request target is not a valid URI (check its percent-encoding).", null);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Failure failure = pending;
        if (failure != null
                && msg instanceof HttpResponse response
                && response.status().code() >= 400
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            pending = null;
            int status = response.status().code();
            byte[] body = ProblemJson.body(status, failure.code(), failure.detail(), failure.instance(), null);
            if (msg instanceof FullHttpResponse full) {
                if (full.content().readableBytes() == 0) {
                    FullHttpResponse shaped = new DefaultFullHttpResponse(
                            full.protocolVersion(),
                            full.status(),
                            Unpooled.wrappedBuffer(body),
                            full.headers().copy(),
                            full.trailingHeaders().copy());
                    shaped.headers()
                            .set(HttpHeaderNames.CONTENT_TYPE, ProblemJson.MEDIA_TYPE)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    full.release();
                    ctx.write(shaped, promise);
                    return;
                }
            } else {
                response.headers()
                        .remove(HttpHeaderNames.TRANSFER_ENCODING)
                        .set(HttpHeaderNames.CONTENT_TYPE, ProblemJson.MEDIA_TYPE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                ctx.write(response);
                ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(body)), promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }
}
