package io.poolkeeper.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only constant autoscale formulas are understood. */
class AutoScaleFormulaTest {

  @Test
  void constantAssignmentsGiveTargets() {
    AutoScaleFormula.Targets targets =
        AutoScaleFormula.constantTargets(
                "$TargetDedicatedNodes = 5;\n$TargetLowPriorityNodes=2; $NodeDeallocationOption = taskcompletion;")
            .orElseThrow();

    assertThat(targets.dedicated()).isEqualTo(5);
    assertThat(targets.lowPriority()).isEqualTo(2);
    assertThat(targets.nodeDeallocationOption()).isEqualTo("taskcompletion");
    assertThat(AutoScaleFormula.constantTargets("$TargetDedicated=34").orElseThrow().dedicated())
        .isEqualTo(34);
  }

  @Test
  void anythingElseIsOpaque() {
    assertThat(
            AutoScaleFormula.constantTargets(
                "$TargetDedicatedNodes = max(1, $PendingTasks.GetSample(1));"))
        .isEmpty();
    assertThat(AutoScaleFormula.constantTargets("$x = 1; $TargetDedicatedNodes = $x;")).isEmpty();
    assertThat(AutoScaleFormula.constantTargets("")).isEmpty();
  }
}
