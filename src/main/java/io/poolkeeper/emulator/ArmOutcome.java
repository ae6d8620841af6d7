package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Azure answered to a change made through the admin API on someone else's behalf, such as an
 * out-of-band delete that management locks refused with 409 {@code ScopeLocked}.
 *
 * @param status the HTTP status
 * @param body the response body, or {@code null} if there was none
 */
public record ArmOutcome(int status, JsonNode body) {}
