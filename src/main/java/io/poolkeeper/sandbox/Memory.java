package io.poolkeeper.sandbox;

import io.poolkeeper.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Whether this machine has room for etcd, kube-apiserver and the sandbox's JVM. */
final class Memory {

  private static final Path MEMINFO = Path.of("/proc/meminfo");

  private Memory() {}

  static void requireAvailable(long minimumMib) {
    OptionalLong available = availableMib();
    if (available.isPresent() && available.getAsLong() < minimumMib) {
      throw new UserError(
          "only "
              + available.getAsLong()
              + " MiB of memory are available and the sandbox needs about "
              + minimumMib
              + " MiB (etcd, kube-apiserver and the operator): close other programs and try again");
    }
  }

  /** MemAvailable of Linux; empty where the system does not say. */
  static OptionalLong availableMib() {
    if (!Files.isReadable(MEMINFO)) {
      return OptionalLong.empty();
    }
    try {
      return Files.readAllLines(MEMINFO).stream()
          .filter(line -> line.startsWith("MemAvailable:"))
          .map(line -> line.replaceAll("\\D", ""))
          .filter(digits -> !digits.isEmpty())
          .mapToLong(kib -> Long.parseLong(kib) / 1024)
          .findFirst();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }
}
