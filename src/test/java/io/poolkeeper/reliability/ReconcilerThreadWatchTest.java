package io.poolkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What counts as a reconciler thread waiting on Azure. */
class ReconcilerThreadWatchTest {

  @Test
  void waitingForAnOperationToFinishIsCaughtAndOneCallIsNot() throws Exception {
    ReconcilerThreadWatch watch = new ReconcilerThreadWatch();
    watch.stop();
    Thread reconciler = new Thread("ReconcilerExecutor-managedimage-7");
    StackTraceElement call =
        new StackTraceElement(
            "reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", null, 1);
    StackTraceElement poll =
        new StackTraceElement(
            "com.azure.core.util.polling.SyncOverAsyncPoller", "waitForCompletion", null, 1);
    StackTraceElement ours =
        new StackTraceElement(
            "io.poolkeeper.azure.SdkManagedImageService", "beginCreate", null, 43);

    watch.sample(Map.of(reconciler, new StackTraceElement[] {call, ours}));
    assertThat(watch.waits()).isEmpty();

    watch.sample(Map.of(reconciler, new StackTraceElement[] {poll, ours}));
    assertThat(watch.waits())
        .singleElement()
        .asString()
        .contains("waitForCompletion", "SdkManagedImageService.beginCreate");
  }
}
