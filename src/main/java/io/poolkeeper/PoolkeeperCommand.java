package io.poolkeeper;

import io.poolkeeper.emulator.EmulatorCommand;
import io.poolkeeper.operator.OperatorCommand;
import io.poolkeeper.sandbox.SandboxCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code poolkeeper} command: the single entry point of the jar. */
@Command(
    name = "poolkeeper",
    mixinStandardHelpOptions = true,
    versionProvider = PoolkeeperCommand.VersionProvider.class,
    description = "Manages Azure Batch custom-image pools as Kubernetes custom resources.",
    subcommands = {
      CommandLine.HelpCommand.class,
      EmulatorCommand.class,
      OperatorCommand.class,
      SandboxCommand.class
    })
public final class PoolkeeperCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line, shared by {@link #main} and the tests. A user's mistake ends in
   * one line that says what to do and a non-zero status, never a stack trace.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new PoolkeeperCommand())
        .setParameterExceptionHandler(
            (error, args) -> {
              CommandLine command = error.getCommandLine();
              command
                  .getErr()
                  .println(
                      command.getCommandSpec().qualifiedName()
                          + ": "
                          + error.getMessage()
                          + " (see --help)");
              return 2;
            })
        .setExecutionExceptionHandler(
            (error, command, parseResult) -> {
              String what = command.getCommandSpec().qualifiedName();
              if (error instanceof UserError) {
                command.getErr().println(what + ": " + error.getMessage());
              } else {
                command
                    .getErr()
                    .println(
                        what
                            + " failed: "
                            + error.getClass().getSimpleName()
                            + ": "
                            + error.getMessage());
              }
              return 1;
            });
  }

  @Override
  public void run() {
    // Without a subcommand there is nothing to do: show what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar at build time. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"poolkeeper " + projectVersion()};
    }
  }

  static String projectVersion() {
    try (InputStream in =
        PoolkeeperCommand.class.getResourceAsStream("/poolkeeper-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("poolkeeper-version.properties is missing from the jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
