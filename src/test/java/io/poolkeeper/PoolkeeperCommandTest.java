package io.poolkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PoolkeeperCommandTest {

  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = PoolkeeperCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    return commandLine.execute(args);
  }

  @Test
  void helpDescribesThePoolkeeperCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: poolkeeper").contains("--version");
  }

  @Test
  void versionIsTheProjectVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString().trim()).matches("poolkeeper \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
