package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ResourceHandler;
import io.poolkeeper.emulator.arm.ResourceId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of a pool list: {@code $filter} first, then {@code maxresults} pools from the {@code
 * $skiptoken} on, each cut down to {@code $select}, with a {@code nextLink} while more remain.
 */
final class PoolListing {

  /** Batch returns at most this many pools per page. */
  private static final int PAGE_SIZE = 1000;

  private PoolListing() {}

  static ObjectNode page(
      ArmRequest request, ResourceId account, List<ObjectNode> pools, Instant now) {
    Predicate<JsonNode> filter = filter(request, now);
    List<ObjectNode> matching = pools.stream().filter(filter).toList();
    int pageSize = number(request, "maxresults", PAGE_SIZE, now);
    int skip = number(request, "$skiptoken", 0, now);
    String select = request.query("$select");
    List<ObjectNode> page = new ArrayList<>();
    int end = Math.min(skip + pageSize, matching.size());
    for (ObjectNode pool : matching.subList(Math.min(skip, matching.size()), end)) {
      page.add(select == null || select.isBlank() ? pool : PoolView.select(pool, select));
    }
    ObjectNode body = ResourceHandler.listOf(page);
    if (end < matching.size()) {
      body.put("nextLink", nextLink(request, account, end));
    }
    return body;
  }

  private static Predicate<JsonNode> filter(ArmRequest request, Instant now) {
    String filter = request.query("$filter");
    if (filter == null || filter.isBlank()) {
      return pool -> true;
    }
    try {
      return ODataFilter.compile(filter);
    } catch (IllegalArgumentException e) {
      throw BatchErrors.invalidQueryParameterValue("$filter", filter, e.getMessage(), request, now);
    }
  }

  private static int number(ArmRequest request, String name, int fallback, Instant now) {
    String value = request.query(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number < 0 || (number == 0 && name.equals("maxresults"))) {
        throw new NumberFormatException(value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw BatchErrors.invalidQueryParameterValue(
          name, value, "The value must be a positive integer.", request, now);
    }
  }

  /** The same query for the next page; the skip token is an offset into the filtered list. */
  private static String nextLink(ArmRequest request, ResourceId account, int skip) {
    StringBuilder link =
        new StringBuilder(request.baseUri().toString())
            .append(account.toString().substring(1))
            .append("/pools?api-version=")
            .append(encode(request.apiVersion()));
    for (String name : List.of("$filter", "$select", "maxresults")) {
      String value = request.query(name);
      if (value != null) {
        link.append('&').append(encode(name)).append('=').append(encode(value));
      }
    }
    return link.append("&%24skiptoken=").append(skip).toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
