package io.poolkeeper.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.ArmWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every write (PUT, PATCH, POST, DELETE) that clients sent through the ARM front door and that the
 * emulator accepted, in order, with its body: how a test proves that nothing was written twice and
 * that no pool was shrunk or deleted that the spec did not ask for. Writes made through the admin
 * API (someone else's changes) are not in it.
 */
public final class WriteJournal {

  private final List<ArmWrite> writes = new ArrayList<>();

  synchronized void record(Instant at, ArmRequest request, int status) {
    String method = request.method().toUpperCase(Locale.ROOT);
    if (method.equals("GET") || method.equals("HEAD") || status >= 400) {
      return;
    }
    JsonNode body = request.body() == null ? null : request.body().deepCopy();
    writes.add(new ArmWrite(at, method, request.path(), status, body));
  }

  public synchronized List<ArmWrite> writes() {
    return List.copyOf(writes);
  }

  synchronized void clear() {
    writes.clear();
  }
}
