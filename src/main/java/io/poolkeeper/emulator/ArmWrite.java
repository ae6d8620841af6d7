package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One write a client made and the emulator accepted.
 *
 * @param at the emulator's time of the write
 * @param method PUT, PATCH, POST or DELETE
 * @param path the request path ({@code /subscriptions/.../pools/render-a}), without the query
 * @param status the status the emulator answered (or would have, when the connection was cut off)
 * @param body the request body as sent, or {@code null}
 */
public record ArmWrite(Instant at, String method, String path, int status, JsonNode body) {}
