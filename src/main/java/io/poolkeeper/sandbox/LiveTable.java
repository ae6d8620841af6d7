package io.poolkeeper.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.BatchPoolStatus;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.operator.Conditions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of every Poolkeeper object: kind, name, Ready, state, nodes current/target with a
 * progress bar, last event. On a terminal it is redrawn in place and messages scroll above it;
 * elsewhere (CI, a pipe) each change of a row is one plain line.
 */
final class LiveTable {

  /** One object's line. */
  record Row(String kind, String name, String ready, String state, String nodes, String lastEvent) {

    String key() {
      return kind + "/" + name;
    }
  }

  private static final int BAR_WIDTH = 20;
  private static final String CLEAR_BELOW = "\033[J";

  private final PrintWriter out;
  private final boolean inPlace;
  private final int width;
  private int drawnLines;
  private List<Row> current = List.of();
  private final Map<String, Row> printed = new HashMap<>();

  LiveTable(PrintWriter out, boolean inPlace, int width) {
    this.out = out;
    this.inPlace = inPlace;
    this.width = width;
  }

  /** The objects of the cluster as rows: images, then versions, then pools, each by name. */
  static List<Row> rows(KubernetesClient client) {
    Map<String, Event> lastEvents = lastEvents(client);
    List<Row> rows = new ArrayList<>();
    for (ManagedImage image :
        sorted(client.resources(ManagedImage.class).inAnyNamespace().list().getItems())) {
      rows.add(
          row(
              image,
              image.getStatus() == null ? null : image.getStatus().getProvisioningState(),
              "",
              lastEvents));
    }
    for (GalleryImageVersion version :
        sorted(client.resources(GalleryImageVersion.class).inAnyNamespace().list().getItems())) {
      String state = null;
      if (version.getStatus() != null) {
        state =
            version.getStatus().getReplicationState() != null
                ? "Replication " + version.getStatus().getReplicationState()
                : version.getStatus().getProvisioningState();
      }
      rows.add(row(version, state, "", lastEvents));
    }
    for (BatchPool pool :
        sorted(client.resources(BatchPool.class).inAnyNamespace().list().getItems())) {
      BatchPoolStatus status = pool.getStatus();
      rows.add(
          row(
              pool,
              status == null ? null : status.getAllocationState(),
              status == null ? "" : nodes(status),
              lastEvents));
    }
    return rows;
  }

  private static <T extends CustomResource<?, ?>> List<T> sorted(List<T> objects) {
    return objects.stream()
        .sorted(
            Comparator.comparing((T o) -> o.getMetadata().getNamespace())
                .thenComparing(o -> o.getMetadata().getName()))
        .toList();
  }

  private static Row row(
      CustomResource<?, ? extends ObservedStatus> object,
      String state,
      String nodes,
      Map<String, Event> lastEvents) {
    Condition ready =
        object.getStatus() == null
            ? null
            : Conditions.find(object.getStatus().getConditions(), Conditions.READY);
    String readyText = ready == null ? "-" : ready.getStatus();
    if (object.getMetadata().getDeletionTimestamp() != null) {
      readyText += " (Terminating)";
    }
    Event event = lastEvents.get(object.getKind() + "/" + object.getMetadata().getName());
    return new Row(
        object.getKind(),
        object.getMetadata().getName(),
        readyText,
        state == null ? "-" : state,
        nodes,
        event == null ? "" : event.getReason() + ": " + event.getMessage());
  }

  /** "12/50 [#####.....]" for a fixed pool; the target is what the operator last read. */
  static String nodes(BatchPoolStatus status) {
    int current = status.getCurrentDedicatedNodes() == null ? 0 : status.getCurrentDedicatedNodes();
    Integer target = status.getTargetDedicatedNodes();
    if (target == null) {
      return status.getCurrentDedicatedNodes() == null ? "" : String.valueOf(current);
    }
    int filled = target == 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, current * BAR_WIDTH / target);
    return current
        + "/"
        + target
        + " ["
        + "#".repeat(filled)
        + ".".repeat(BAR_WIDTH - filled)
        + "]";
  }

  private static Map<String, Event> lastEvents(KubernetesClient client) {
    Map<String, Event> latest = new HashMap<>();
    for (Event event : client.v1().events().inAnyNamespace().list().getItems()) {
      String key = event.getInvolvedObject().getKind() + "/" + event.getInvolvedObject().getName();
      latest.merge(key, event, (a, b) -> revision(a) >= revision(b) ? a : b);
    }
    return latest;
  }

  private static long revision(Event event) {
    try {
      return Long.parseLong(event.getMetadata().getResourceVersion());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Shows the rows: redrawn in place, or a line for each row that changed. */
  synchronized void show(List<Row> rows) {
    current = List.copyOf(rows);
    if (inPlace) {
      redraw();
      return;
    }
    for (Row row : rows) {
      if (!row.equals(printed.get(row.key()))) {
        printed.put(row.key(), row);
        out.println(plain(row));
      }
    }
    out.flush();
  }

  /** A message: above the table on a terminal, else a line of its own. */
  synchronized void message(String text) {
    if (inPlace) {
      erase();
      out.println(text);
      draw();
    } else {
      out.println(text);
    }
    out.flush();
  }

  /** Leaves the table on screen (a terminal) or prints it whole once more (plain output). */
  synchronized void finish() {
    if (inPlace) {
      drawnLines = 0;
      out.flush();
      return;
    }
    for (String line : formatted(current)) {
      out.println(line);
    }
    out.flush();
  }

  private void redraw() {
    erase();
    draw();
    out.flush();
  }

  private void erase() {
    if (drawnLines > 0) {
      out.print("\033[" + drawnLines + "A\r" + CLEAR_BELOW);
    }
    drawnLines = 0;
  }

  private void draw() {
    List<String> lines = formatted(current);
    for (String line : lines) {
      out.println(line);
    }
    drawnLines = lines.size();
  }

  private String plain(Row row) {
    return clip(
        row.kind()
            + "/"
            + row.name()
            + "  Ready="
            + row.ready()
            + "  "
            + row.state()
            + (row.nodes().isEmpty() ? "" : "  nodes " + row.nodes())
            + (row.lastEvent().isEmpty() ? "" : "  " + row.lastEvent()));
  }

  /** The table with aligned columns, each line at most the terminal's width. */
  List<String> formatted(List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"KIND", "NAME", "READY", "STATE", "NODES", "LAST EVENT"});
    for (Row row : rows) {
      cells.add(
          new String[] {
            row.kind(), row.name(), row.ready(), row.state(), row.nodes(), row.lastEvent()
          });
    }
    int[] widths = new int[5];
    for (String[] line : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        text.append(String.format("%-" + widths[i] + "s  ", line[i]));
      }
      text.append(line[5]);
      lines.add(clip(text.toString().stripTrailing()));
    }
    return lines;
  }

  private String clip(String line) {
    String single = line.replace('\n', ' ');
    return single.length() <= width ? single : single.substring(0, width - 3) + "...";
  }
}
