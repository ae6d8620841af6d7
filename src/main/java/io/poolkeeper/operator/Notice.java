package io.poolkeeper.operator;

/** A Kubernetes Event a decision wants recorded on its object. */
public record Notice(String type, String reason, String message) {

  public static Notice normal(String reason, String message) {
    return new Notice("Normal", reason, message);
  }

  public static Notice warning(String reason, String message) {
    return new Notice("Warning", reason, message);
  }

  public void recordOn(io.fabric8.kubernetes.api.model.HasMetadata object, EventRecorder events) {
    events.record(object, type, reason, message);
  }
}
