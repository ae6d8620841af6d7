package io.poolkeeper.sandbox;

import io.poolkeeper.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: a free one for each server, so that two sandboxes run side by side. */
final class Ports {

  private Ports() {}

  /** A port nothing listens on now (the OS picks it). */
  static int free() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }

  /** The port the user asked for, or a one-line error when something listens on it already. */
  static int requireFree(int port, String option) {
    if (port < 1 || port > 65535) {
      throw new UserError(option + " must be between 1 and 65535, was " + port);
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      return port;
    } catch (IOException e) {
      throw new UserError(
          option
              + " "
              + port
              + " is in use on 127.0.0.1: stop what listens there or pick another port (0 picks a"
              + " free one)");
    }
  }
}
