package io.poolkeeper.batchpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.ElevationLevel;
import io.poolkeeper.api.OsDisk;
import io.poolkeeper.api.PoolScale;
import io.poolkeeper.api.StartTask;
import io.poolkeeper.api.TaskSchedulingPolicy;
import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.batch.PoolModel.ImageReference;
import io.poolkeeper.operator.OwnerTag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BatchPool spec in the pool port's terms (Batch 2026-08-01 names, PoolService). */
class PoolSettingsMapperTest {

  private static final ImageReference IMAGE = ImageReference.ofId("/subscriptions/s/images/i");

  @Test
  void mapsTheCoreSettingsAndPutsTheOwnerIntoTagsNotMetadata() {
    BatchPool pool = BatchPoolDecisionTest.pool(50);
    pool.getSpec().setMetadata(Map.of("team", "render"));
    pool.getSpec().setTags(Map.of("cost-center", "42"));
    pool.getSpec().setTaskSlotsPerNode(4);
    pool.getSpec()
        .getScale()
        .getFixed()
        .setNodeDeallocationOption(PoolScale.NodeDeallocationOption.TaskCompletion);
    TaskSchedulingPolicy scheduling = new TaskSchedulingPolicy();
    scheduling.setNodeFillType(TaskSchedulingPolicy.NodeFillType.Pack);
    pool.getSpec().setTaskSchedulingPolicy(scheduling);

    PoolSettings settings = PoolSettingsMapper.settings(pool, IMAGE, Duration.ofMinutes(15));

    assertThat(settings.vmSize()).isEqualTo("Standard_D4s_v5");
    assertThat(settings.virtualMachineConfiguration().imageReference()).isEqualTo(IMAGE);
    assertThat(settings.virtualMachineConfiguration().nodeAgentSkuId())
        .isEqualTo("batch.node.ubuntu 22.04");
    assertThat(settings.scale())
        .isEqualTo(new FixedScaleSettings(50, 0, Duration.ofMinutes(15), "TaskCompletion"));
    assertThat(settings.metadata()).containsExactly(Map.entry("team", "render"));
    assertThat(settings.tags())
        .containsEntry("cost-center", "42")
        .containsEntry(OwnerTag.KEY, OwnerTag.value(pool));
    assertThat(settings.taskSlotsPerNode()).isEqualTo(4);
    assertThat(settings.taskSchedulingPolicy().nodeFillType()).isEqualTo("Pack");
  }

  @Test
  void mapsTheStartTaskWithItsEnvironmentInOrderAndItsAutoUser() {
    StartTask task = BatchPoolDecisionTest.startTask("/bin/bash -c 'echo ready'");
    StartTask.EnvironmentSetting first = new StartTask.EnvironmentSetting();
    first.setName("B");
    first.setValue("2");
    StartTask.EnvironmentSetting second = new StartTask.EnvironmentSetting();
    second.setName("A");
    second.setValue("1");
    task.setEnvironmentSettings(List.of(first, second));
    StartTask.UserIdentity identity = new StartTask.UserIdentity();
    StartTask.AutoUser auto = new StartTask.AutoUser();
    auto.setScope(StartTask.AutoUserScope.Pool);
    auto.setElevationLevel(ElevationLevel.Admin);
    identity.setAutoUser(auto);
    task.setUserIdentity(identity);

    var mapped = PoolSettingsMapper.startTask(task);

    assertThat(mapped.commandLine()).isEqualTo("/bin/bash -c 'echo ready'");
    assertThat(mapped.environment().keySet()).containsExactly("B", "A");
    assertThat(mapped.userIdentity().autoUser().elevationLevel()).isEqualTo("Admin");
    assertThat(mapped.userIdentity().autoUser().scope()).isEqualTo("Pool");
    assertThat(mapped.waitForSuccess()).isTrue();
    assertThat(PoolSettingsMapper.startTask(null)).isNull();
  }

  @Test
  void anAutoscaleSpecBecomesAFormulaWithItsInterval() {
    PoolScale scale = new PoolScale();
    PoolScale.AutoScale auto = new PoolScale.AutoScale();
    auto.setFormula("$TargetDedicatedNodes = 3;");
    auto.setEvaluationInterval("PT5M");
    scale.setAutoScale(auto);

    assertThat(PoolSettingsMapper.scale(scale, null))
        .isEqualTo(new AutoScaleSettings("$TargetDedicatedNodes = 3;", Duration.ofMinutes(5)));
  }

  @Test
  void namesTheSpecFieldsItDoesNotSendYet() {
    BatchPool pool = BatchPoolDecisionTest.pool(1);
    assertThat(PoolSettingsMapper.unsupported(pool.getSpec())).isEmpty();

    pool.getSpec().setOsDisk(new OsDisk());

    assertThat(PoolSettingsMapper.unsupported(pool.getSpec())).containsExactly("osDisk");
  }
}
