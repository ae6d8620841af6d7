package io.poolkeeper.azure;

import java.net.URI;

/**
 * URLs Azure hands back (operation status, {@code nextLink}) are followed with the bearer token, so
 * only those on the configured Resource Manager (same scheme https, host and port) are followed.
 */
final class ResourceManagerUrls {

  private ResourceManagerUrls() {}

  /** {@code url}, if it is on {@code resourceManager}; else an error naming {@code what}. */
  static URI requireOn(URI resourceManager, String url, String what) {
    URI parsed = URI.create(url);
    boolean sameOrigin =
        "https".equalsIgnoreCase(parsed.getScheme())
            && resourceManager.getHost().equalsIgnoreCase(parsed.getHost())
            && port(resourceManager) == port(parsed);
    if (!sameOrigin) {
      throw new IllegalArgumentException(
          "refusing to follow " + what + " outside " + resourceManager + ": " + url);
    }
    return parsed;
  }

  private static int port(URI uri) {
    return uri.getPort() == -1 ? 443 : uri.getPort();
  }
}
