package io.poolkeeper;

/**
 * A mistake the user can fix (a bad option, a missing file, an unreachable server): the command
 * ends with this message on one line and a non-zero status, never a stack trace.
 */
public class UserError extends RuntimeException {

  public UserError(String message) {
    super(message);
  }
}
