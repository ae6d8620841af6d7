package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A long-running Azure operation the operator started and follows across reconciles, so no thread
 * waits on Azure and a restarted operator picks it up where it was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PendingOperation {

  @JsonPropertyDescription("What the operation does: Create, Update or Delete.")
  private String action;

  @JsonPropertyDescription(
      "Azure's URL for the operation's status (Azure-AsyncOperation or Location header).")
  private String url;

  @JsonPropertyDescription("How the URL answers: AsyncOperation (a status body) or Location (202).")
  private String polling;

  @JsonPropertyDescription("When the operator started it (RFC 3339).")
  private String startTime;

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getPolling() {
    return polling;
  }

  public void setPolling(String polling) {
    this.polling = polling;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }
}
