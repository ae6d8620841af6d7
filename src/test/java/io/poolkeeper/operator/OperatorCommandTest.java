package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.poolkeeper.UserError;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OperatorCommandTest {

  private static final InCluster POD = new InCluster(true, Optional.of("poolkeeper-system"));
  private static final InCluster LAPTOP = new InCluster(false, Optional.empty());

  private static OperatorCommand parse(String... args) {
    OperatorCommand command = new OperatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void inAPodTheOperatorElectsOnALeaseInItsOwnNamespace() {
    LeaderElectionConfiguration election = parse().election(POD).orElseThrow();

    assertThat(election.getLeaseNamespace()).contains("poolkeeper-system");
    assertThat(election.getLeaseName()).isEqualTo("poolkeeper-operator");
    assertThat(election.isExitOnStopLeading()).isFalse();
  }

  @Test
  void twoReplicasOnOneHostHaveDifferentIdentities() {
    assertThat(parse().election(POD).orElseThrow().getIdentity())
        .isNotEqualTo(parse().election(POD).orElseThrow().getIdentity());
  }

  @Test
  void outsideAClusterTheOperatorDoesNotElectUnlessAsked() {
    assertThat(parse().election(LAPTOP)).isEmpty();
    assertThat(parse("--leader-election", "false").election(POD)).isEmpty();
    assertThat(
            parse("--leader-election", "true", "--lease-namespace", "ops", "--lease-name", "pk")
                .election(LAPTOP)
                .orElseThrow()
                .getLeaseNamespace())
        .contains("ops");
  }

  @Test
  void electingOutsideAClusterNeedsALeaseNamespace() {
    assertThatThrownBy(() -> parse("--leader-election", "true").election(LAPTOP))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--lease-namespace");
  }

  @Test
  void theHttpPortIsOnInAPodAndOffElsewhereUnlessGiven() {
    assertThat(parse().httpPort(POD)).isEqualTo(8080);
    assertThat(parse().httpPort(LAPTOP)).isZero();
    assertThat(parse("--http-port", "9090").httpPort(LAPTOP)).isEqualTo(9090);
    assertThat(parse("--http-port", "0").httpPort(POD)).isZero();
    assertThatThrownBy(() -> parse("--http-port", "70000").httpPort(POD))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--http-port");
  }
}
