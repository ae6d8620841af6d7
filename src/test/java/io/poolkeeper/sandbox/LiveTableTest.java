package io.poolkeeper.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.api.BatchPoolStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {

  private final StringWriter out = new StringWriter();

  private static LiveTable.Row pool(String nodes, String event) {
    return new LiveTable.Row("BatchPool", "render-pool", "False", "Resizing", nodes, event);
  }

  @Test
  void aPoolShowsCurrentOverTargetWithAProgressBar() {
    BatchPoolStatus status = new BatchPoolStatus();
    status.setCurrentDedicatedNodes(25);
    status.setTargetDedicatedNodes(50);

    assertThat(LiveTable.nodes(status)).isEqualTo("25/50 [##########..........]");
  }

  @Test
  void plainOutputPrintsALineOnlyWhenARowChanges() {
    LiveTable table = new LiveTable(new PrintWriter(out), false, 200);

    table.show(List.of(pool("10/50", "")));
    table.show(List.of(pool("10/50", "")));
    table.show(List.of(pool("20/50", "")));

    assertThat(out.toString().lines())
        .containsExactly(
            "BatchPool/render-pool  Ready=False  Resizing  nodes 10/50",
            "BatchPool/render-pool  Ready=False  Resizing  nodes 20/50");
  }

  @Test
  void onATerminalTheTableIsRedrawnInPlaceBelowMessages() {
    LiveTable table = new LiveTable(new PrintWriter(out), true, 200);

    table.show(List.of(pool("10/50", "")));
    table.message("chain Ready");

    // Header and one row drawn, then moved up over (ESC[2A), cleared (ESC[J) and drawn again
    // below the message.
    assertThat(out.toString())
        .startsWith("KIND")
        .contains("\033[2A\r\033[Jchain Ready" + System.lineSeparator() + "KIND");
  }

  @Test
  void linesAreCutToTheTerminalWidth() {
    LiveTable table = new LiveTable(new PrintWriter(out), false, 40);

    table.show(List.of(pool("10/50", "ResizeRetried: " + "x".repeat(100))));

    assertThat(out.toString().strip()).hasSize(40).endsWith("...");
  }
}
