package io.poolkeeper.emulator.arm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two timestamp spellings the emulated services use on the wire. */
public final class Timestamps {

  // Batch writes UTC with seven fractional digits and a Z ("2017-08-28T10:22:55.9407275Z").
  private static final DateTimeFormatter BATCH =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  // Compute writes seven fractional digits and an explicit offset ("...29.4573469+00:00").
  private static final DateTimeFormatter COMPUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String batch(Instant instant) {
    return BATCH.format(instant);
  }

  public static String compute(Instant instant) {
    return COMPUTE.format(instant);
  }
}
