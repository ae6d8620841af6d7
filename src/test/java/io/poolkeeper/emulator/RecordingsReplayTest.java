package io.poolkeeper.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays the recorded Azure SDK traffic against the emulator, request by request, for the resource
 * types the emulator serves, and compares status, the headers that matter and the body with what
 * Azure answered. Request bodies were not recorded: each PUT sends the resource as Azure later
 * returned it, less read-only fields. Polls of long-running operations go to the URLs the emulator
 * handed out; before a poll that Azure answered as finished, the replay advances the emulator
 * clock. Requests for types the emulator does not serve are not replayed, each for a reason {@link
 * NotReplayed} names; what they created is seeded when the replay needs it.
 */
class RecordingsReplayTest {

  private static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
  private static final List<String> HEADERS = List.of("Azure-AsyncOperation", "Location", "ETag");

  @RegisterExtension static final EmulatorPerClass emulator = EmulatorPerClass.unseeded();

  /** Why a recorded request is not sent to the emulator. */
  enum NotReplayed {
    STORAGE("Storage accounts are not emulated: Poolkeeper does not manage them."),
    NETWORK("Networking is not emulated: Poolkeeper does not manage it."),
    VIRTUAL_MACHINE(
        "Virtual machines are not emulated; the replay seeds a VM from its recorded GET, since an"
            + " image may be made from it."),
    DISK(
        "Managed disks are not emulated; the replay seeds a disk from its recorded GET, since"
            + " snapshots and images may be made from it."),
    BATCH_ACCOUNT(
        "Batch accounts are seeded, not managed through ARM: account creation, deletion, keys"
            + " and applications are not emulated; the replay seeds the account from its recorded"
            + " GET."),
    PREVIEW_GALLERY_VERSIONS(
        "These gallery image versions were recorded before 2018-06-01 was published, in a"
            + " pre-release shape (publishingProfile.regions, scaleTier) that the published"
            + " 2018-06-01 specification replaced with publishingProfile.targetRegions; the"
            + " emulator serves the published shape."),
    OPERATION_OF_A_REQUEST_NOT_REPLAYED("Polls an operation of a request that is not replayed.");

    private final String reason;

    NotReplayed(String reason) {
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  @TestFactory
  Stream<DynamicNode> everyRecordedRequestOfAnEmulatedTypeIsAnsweredAsAzureDid() {
    return ReferenceData.recordings().stream()
        .map(
            file -> {
              String name = ReferenceData.name(file);
              Replay replay = new Replay(file);
              List<DynamicTest> tests = new ArrayList<>();
              tests.add(dynamicTest("answersAsRecorded", () -> replay.result().assertMatches()));
              tests.add(
                  dynamicTest(
                      "requestsNotReplayedHaveAReason",
                      () -> replay.result().assertSkipsAreExplained()));
              for (DeliberateDifference difference : RecordingDifferences.forFile(name)) {
                tests.add(
                    dynamicTest(
                        difference.testName(), () -> replay.result().assertDifference(difference)));
              }
              return dynamicContainer(name, tests);
            });
  }

  /** One recording replayed once; its tests share the outcome. */
  private static final class Replay {
    private final Path file;
    private Outcome result;

    Replay(Path file) {
      this.file = file;
    }

    Outcome result() {
      if (result == null) {
        result = new Replayer(file).replay();
      }
      return result;
    }
  }

  /** What happened to one recorded request. */
  record Step(int index, String method, String path, NotReplayed skipped, List<String> mismatches) {

    String label() {
      return "#" + index + " " + method + " " + path;
    }
  }

  record Outcome(String file, List<Step> steps) {

    void assertMatches() {
      List<String> declared =
          RecordingDifferences.forFile(file).stream().map(DeliberateDifference::pointer).toList();
      List<String> unexplained = new ArrayList<>();
      for (Step step : steps) {
        for (String mismatch : step.mismatches()) {
          String key = "#" + step.index() + mismatch.substring(0, mismatch.indexOf(':'));
          if (!declared.contains(key)) {
            unexplained.add(step.label() + " " + mismatch);
          }
        }
      }
      assertThat(steps).as("%s replays something", file).anyMatch(step -> step.skipped() == null);
      assertThat(unexplained).as("%s differs from the recording", file).isEmpty();
    }

    void assertSkipsAreExplained() {
      for (Step step : steps) {
        if (step.skipped() != null) {
          assertThat(step.skipped().reason()).as(step.label()).isNotBlank();
        }
      }
    }

    void assertDifference(DeliberateDifference difference) {
      String pointer = difference.pointer();
      int index = Integer.parseInt(pointer.substring(1, pointer.indexOf('/')));
      String field = pointer.substring(pointer.indexOf('/'));
      Step step = steps.stream().filter(s -> s.index() == index).findFirst().orElseThrow();
      assertThat(step.mismatches())
          .as(difference.reason())
          .anyMatch(
              m ->
                  m.startsWith(field + ":")
                      && (difference.anyValue()
                          ? !m.endsWith("emulator absent")
                          : m.endsWith("emulator " + render(difference.emulatorValue()))));
    }

    private static String render(JsonNode value) {
      return value == null ? "absent" : value.toString();
    }
  }

  /** Replays one recording against a freshly reset emulator. */
  private static final class Replayer {
    private final Path file;
    private final List<JsonNode> records = new ArrayList<>();
    private final Map<String, String> operationUrls = new HashMap<>();

    Replayer(Path file) {
      this.file = file;
      ReferenceData.read(file).path("networkCallRecords").forEach(records::add);
    }

    Outcome replay() {
      emulator.azure().admin().reset();
      emulator.azure().admin().addSubscription(SUBSCRIPTION);
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        JsonNode record = records.get(i);
        String method = record.path("Method").asText();
        String path = pathOf(record.path("Uri").asText());
        NotReplayed skipped = classify(method, path);
        if (skipped != null) {
          seedWhatItCreated(record, method, path);
          steps.add(new Step(i, method, path, skipped, List.of()));
          continue;
        }
        steps.add(new Step(i, method, path, null, send(i, record, method, path)));
      }
      return new Outcome(ReferenceData.name(file), steps);
    }

    private NotReplayed classify(String method, String path) {
      String lower = path.toLowerCase(Locale.ROOT);
      if (lower.contains("/microsoft.storage/")) {
        return NotReplayed.STORAGE;
      }
      if (lower.contains("/microsoft.network/")) {
        return NotReplayed.NETWORK;
      }
      if (lower.contains("/virtualmachines/")) {
        return NotReplayed.VIRTUAL_MACHINE;
      }
      if (lower.contains("/microsoft.compute/disks/")) {
        return NotReplayed.DISK;
      }
      if (lower.contains("/microsoft.batch/")
          && !lower.contains("/pools")
          && !lower.contains("/pooloperationresults/")) {
        return NotReplayed.BATCH_ACCOUNT;
      }
      if (lower.contains("/galleries/")
          && lower.contains("/versions")
          && lower.contains("api-version=2018-06-01")) {
        return NotReplayed.PREVIEW_GALLERY_VERSIONS;
      }
      boolean operation =
          lower.contains("/operations/")
              || lower.contains("/capsoperations/")
              || lower.contains("/diskoperations/")
              || lower.contains("/operationresults/")
              || lower.contains("/pooloperationresults/");
      if (operation && !operationUrls.containsKey(path)) {
        return NotReplayed.OPERATION_OF_A_REQUEST_NOT_REPLAYED;
      }
      return null;
    }

    /** Seeds disks, VMs and Batch accounts from their recorded reads, deletes them likewise. */
    private void seedWhatItCreated(JsonNode record, String method, String path) {
      JsonNode response = record.path("Response");
      int status = response.path("StatusCode").asInt();
      String resource = path.substring(0, path.indexOf('?'));
      String lower = resource.toLowerCase(Locale.ROOT);
      boolean diskOrVm = lower.matches(".*/microsoft\\.compute/(disks|virtualmachines)/[^/]+");
      if (diskOrVm && method.equals("GET") && status == 200) {
        JsonNode body = EmulatorJson.parse(response.path("Body").asText());
        emulator
            .azure()
            .admin()
            .addReferencedResource(
                resource, body.path("location").asText(), body.path("properties"));
      } else if (diskOrVm && method.equals("DELETE") && status < 300) {
        emulator.azure().admin().deleteResource(resource);
      } else if (lower.matches(".*/microsoft\\.batch/batchaccounts/[^/]+")
          && method.equals("GET")
          && status == 200) {
        emulator
            .azure()
            .admin()
            .addBatchAccount(
                accountSeed(resource, EmulatorJson.parse(response.path("Body").asText())));
      }
    }

    private List<String> send(int index, JsonNode record, String method, String path) {
      JsonNode response = record.path("Response");
      int status = response.path("StatusCode").asInt();
      String recordedBody = response.path("Body").asText("");
      boolean operation = operationUrls.containsKey(path);
      if (operation && finished(status, recordedBody)) {
        emulator.azure().admin().advanceClock(TestWorld.AGES);
      }
      EmulatorClient.Reply reply;
      if (operation) {
        reply = emulator.client().getUrl(operationUrls.get(path));
      } else {
        JsonNode body = method.equals("PUT") ? requestBody(recordedBody) : null;
        reply = emulator.client().send(method, path, body, Map.of());
      }
      List<String> mismatches = new ArrayList<>();
      if (reply.status() != status) {
        mismatches.add(
            "/status: reference " + status + ", emulator " + reply.status() + " " + reply.body());
        return mismatches;
      }
      for (String header : HEADERS) {
        String recorded = header(response, header);
        if (recorded != null && reply.header(header) == null) {
          mismatches.add("/headers/" + header + ": reference present, emulator absent");
        }
        if (recorded != null && reply.header(header) != null && !header.equals("ETag")) {
          operationUrls.put(pathOf(recorded), reply.header(header));
        }
      }
      if (status == 202
          && header(response, "Retry-After") != null
          && reply.header("Retry-After") == null) {
        mismatches.add("/headers/Retry-After: reference present, emulator absent");
      }
      if (!recordedBody.isBlank()) {
        JsonNode expected = EmulatorJson.parse(recordedBody);
        if (operation
            && expected instanceof ObjectNode status0
            && status0.has("name")
            && reply.body() != null
            && reply.body().has("name")) {
          // An operation's name is its ID, a fresh GUID in every run: only its presence counts.
          status0.set("name", reply.body().get("name"));
        }
        ReferenceComparison.compare(expected, reply.body())
            .forEach(m -> mismatches.add(m.toString()));
      }
      return mismatches;
    }

    /** The resource as Azure echoed it in its answer to the PUT, less what clients cannot set. */
    private static JsonNode requestBody(String recordedBody) {
      ObjectNode request = (ObjectNode) EmulatorJson.parse(recordedBody);
      List.of("id", "name", "type", "etag").forEach(request::remove);
      if (request.get("properties") instanceof ObjectNode properties) {
        List.of(
                "provisioningState",
                "provisioningStateTransitionTime",
                "timeCreated",
                "uniqueId",
                "diskSizeBytes",
                "diskState",
                "isArmResource",
                "lastModified",
                "creationTime",
                "allocationState",
                "allocationStateTransitionTime",
                "currentDedicatedNodes",
                "currentLowPriorityNodes",
                "resizeOperationStatus",
                "autoScaleRun")
            .forEach(properties::remove);
      }
      return request;
    }

    /** Whether Azure answered this poll as a finished operation. */
    private static boolean finished(int status, String body) {
      if (body.isBlank()) {
        return status == 200 || status == 204;
      }
      String state = EmulatorJson.parse(body).path("status").asText("");
      return state.equals("Succeeded") || state.equals("Failed") || state.equals("Canceled");
    }

    private static BatchAccountSeed accountSeed(String id, JsonNode account) {
      JsonNode properties = account.path("properties");
      List<BatchAccountSeed.VmFamilyCoreQuota> families = new ArrayList<>();
      for (JsonNode family : properties.path("dedicatedCoreQuotaPerVMFamily")) {
        families.add(
            new BatchAccountSeed.VmFamilyCoreQuota(
                family.path("name").asText(), family.path("coreQuota").asInt()));
      }
      return new BatchAccountSeed(
          id,
          account.path("location").asText(),
          properties.path("dedicatedCoreQuota").asInt(),
          properties.path("lowPriorityCoreQuota").asInt(),
          families,
          properties.path("dedicatedCoreQuotaPerVMFamilyEnforced").asBoolean());
    }

    private static String header(JsonNode response, String name) {
      for (Map.Entry<String, JsonNode> field : response.properties()) {
        if (field.getKey().equalsIgnoreCase(name)) {
          return field.getValue().asText();
        }
      }
      return null;
    }

    /** The path and query of a recorded URL (the recorder's host is a placeholder). */
    private static String pathOf(String url) {
      URI uri = URI.create(url);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
  }
}
